// Checks of `profilo` declarations: components whose maxima add up, the
// total's rounding, the band table (no gap, no overlap, monotone) and the
// money formula.
#include <fmt/format.h>

#include "compiler/sema/checker.h"

namespace misura::sema {

namespace {

const Rational kMaxTotal{100};

std::string pts(const Rational& q) { return formatExact(q); }

// Whether some total representable with `decimals` decimals (all totals when
// decimals is absent) lies strictly between `below` and `above`.
bool gapBetween(const Rational& below, const Rational& above, std::optional<int> decimals) {
  if (!decimals) return below < above;
  Rational step{1};
  for (int i = 0; i < *decimals; ++i) step = step / 10;
  Rational next = ((below / step).floor() + 1) * step;
  return next < above;
}

}  // namespace

void Checker::checkProfiles() {
  profileIndex_ = indexNames(program_.profiles, [](const ast::Profile& p) -> const ast::Ident& { return p.name; },
                             "profilo");
  for (const ast::Profile& p : program_.profiles) {
    ProfileInfo info;
    info.decl = &p;
    if (!p.totalRounding.empty()) info.totalRounding = &p.totalRounding[0];
    if (!p.bandTables.empty()) info.bands = &p.bandTables[0];
    out_.profiles.push_back(info);
  }
  for (uint32_t i = 0; i < program_.profiles.size(); ++i) {
    const ast::Profile& p = program_.profiles[i];
    checkProfileTime(i);
    if (p.notEvaluated) {
      if (!p.components.empty() || !p.bandTables.empty() || p.premio || p.premioFund || !p.totalRounding.empty())
        diags_.error("E0417", p.notEvaluated->span,
                     fmt::format("il profilo «{}» è «non valutato» ma dichiara anche regole di valutazione", p.name.name),
                     "un profilo non valutato contiene solo: non valutato \"motivo\"");
      continue;
    }
    checkComponents(i);
    checkComponentOptions(i);
    for (size_t k = 1; k < p.totalRounding.size(); ++k)
      diags_.error("E0212", p.totalRounding[k].span, "l'arrotondamento del totale è dichiarato più di una volta");
    for (const ast::Rounding& r : p.totalRounding)
      if (!r.decimals || *r.decimals < 0 || *r.decimals > 6)
        diags_.error("E0413", r.span, "il totale va arrotondato a un numero di decimali da 0 a 6",
                     "per esempio: totale arrotondato a 2 decimali");
    checkBands(i);
    checkPremio(i);
  }
}

void Checker::checkComponents(uint32_t index) {
  const ast::Profile& p = *out_.profiles[index].decl;
  if (p.components.empty()) {
    diags_.error("E0412", p.name.span, fmt::format("il profilo «{}» non ha componenti di valutazione", p.name.name),
                 "per esempio: componente obiettivi fino a 60 punti da obiettivi");
    return;
  }
  indexNames(p.components, [](const ast::Component& c) -> const ast::Ident& { return c.name; }, "componente");
  Rational sum;
  const ast::Component* seen[2] = {nullptr, nullptr};
  for (const ast::Component& c : p.components) {
    sum += c.maxPoints;
    if (c.maxPoints <= 0)
      diags_.error("E0403", c.maxSpan, "il punteggio massimo di una componente deve essere maggiore di zero");
    if (c.source == ast::ComponentSource::Espressione) {
      Type t = expr(*c.expr, Scope{Scope::Kind::Person, nullptr, index, nullptr, true});
      expectType(*c.expr, t, Type::Punti, fmt::format("per la componente «{}»", c.name.name).c_str());
      continue;
    }
    // Several `da obiettivi` components are allowed (each over its own
    // objectives, docs/linguaggio.md § 5); behaviours come from one catalogue.
    const ast::Component*& first = seen[c.source == ast::ComponentSource::Obiettivi ? 0 : 1];
    if (first && c.source == ast::ComponentSource::Comportamenti) {
      Diagnostic d{"E0414", Severity::Errore, c.span,
                   fmt::format("il profilo «{}» ha due componenti {}", p.name.name,
                               c.source == ast::ComponentSource::Obiettivi ? "da obiettivi" : "da comportamenti"),
                   {Label{first->span, "l'altra componente"}}, {}, {}};
      diags_.report(std::move(d));
    }
    first = &c;
  }
  if (sum != kMaxTotal) {
    Diagnostic d{"E0403", Severity::Errore, p.name.span,
                 fmt::format("i punteggi massimi delle componenti del profilo «{}» sommano a {} punti invece di 100",
                             p.name.name, pts(sum)),
                 {}, "per esempio: obiettivi fino a 60 punti e comportamenti fino a 40 punti", {}};
    for (const ast::Component& c : p.components)
      d.labels.push_back(Label{c.maxSpan, fmt::format("{} punti", pts(c.maxPoints))});
    diags_.report(std::move(d));
  }
}

void Checker::checkBands(uint32_t index) {
  const ast::Profile& p = *out_.profiles[index].decl;
  for (size_t k = 1; k < p.bandTables.size(); ++k)
    diags_.error("E0212", p.bandTableSpans.at(k), "la tabella delle fasce è dichiarata più di una volta");
  if (p.bandTables.empty()) return;
  const std::vector<ast::Band>& bands = p.bandTables[0];
  std::optional<int> decimals;
  if (!p.totalRounding.empty()) decimals = p.totalRounding[0].decimals;
  for (size_t i = 0; i < bands.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (bands[j].label.value == bands[i].label.value)
        duplicate("fascia", ast::Ident{bands[i].label.value, bands[i].label.span}, bands[j].label.span);
  const ast::Band* above = nullptr;  // the previous (higher) band with a `da`
  for (size_t i = 0; i < bands.size(); ++i) {
    const ast::Band& b = bands[i];
    if (b.percent < 0 || b.percent > 100)
      diags_.error("E0408", b.percentSpan, "la percentuale di una fascia deve stare tra 0% e 100%");
    if (i > 0 && b.percent > bands[i - 1].percent)
      diags_.error("E0406", b.percentSpan,
                   fmt::format("la fascia «{}» dà una percentuale più alta della fascia superiore «{}»", b.label.value,
                               bands[i - 1].label.value),
                   "le fasce si scrivono dalla più alta alla più bassa, con percentuali non crescenti");
    if (b.otherwise) {
      if (i + 1 != bands.size())
        diags_.error("E0406", b.span, "la fascia «altrimenti» deve essere l'ultima");
      continue;
    }
    const Rational& from = *b.from;
    if (from < 0 || from > kMaxTotal)
      diags_.error("E0407", b.span, fmt::format("la fascia «{}» inizia a {} punti, fuori da 0..100", b.label.value, pts(from)));
    if (b.to && *b.to < from)
      diags_.error("E0406", b.span, fmt::format("la fascia «{}» finisce prima di iniziare", b.label.value));
    if (!above) {
      if (b.to && *b.to < kMaxTotal)
        diags_.error("E0405", b.span,
                     fmt::format("i totali sopra {} punti non hanno una fascia", pts(*b.to)),
                     "la fascia più alta può essere scritta senza limite superiore: da 92 punti -> 100%");
    } else if (from >= *above->from) {
      diags_.error("E0406", b.span,
                   fmt::format("la fascia «{}» non inizia sotto la fascia superiore «{}»", b.label.value, above->label.value),
                   "le fasce si scrivono dalla più alta alla più bassa");
    } else if (b.to && *b.to >= *above->from) {
      Diagnostic d{"E0404", Severity::Errore, b.span,
                   fmt::format("le fasce «{}» e «{}» si sovrappongono: {} punti starebbe in entrambe", b.label.value,
                               above->label.value, pts(*above->from)),
                   {Label{above->span, "fascia superiore"}}, {}, {}};
      diags_.report(std::move(d));
    } else if (b.to && gapBetween(*b.to, *above->from, decimals)) {
      Diagnostic d{"E0405", Severity::Errore, b.span,
                   fmt::format("tra le fasce «{}» e «{}» c'è un vuoto: un totale sopra {} e sotto {} non ha fascia",
                               b.label.value, above->label.value, pts(*b.to), pts(*above->from)),
                   {Label{above->span, "fascia superiore"}},
                   decimals ? "" : "senza «totale arrotondato a N decimali» il totale è esatto: ogni valore tra i due limiti è possibile",
                   {}};
      diags_.report(std::move(d));
    }
    above = &b;
  }
  bool hasOtherwise = bands.back().otherwise;
  if (!hasOtherwise && above && *above->from > 0)
    diags_.error("E0407", above->span,
                 fmt::format("i totali sotto {} punti non hanno una fascia", pts(*above->from)),
                 "aggiungi in fondo una fascia come: \"Non adeguato\" altrimenti -> 0%");
}

void Checker::checkPremio(uint32_t index) {
  const ast::Profile& p = *out_.profiles[index].decl;
  if (!p.premio) return;
  Type t = expr(*p.premio, Scope{Scope::Kind::ProfileResult, nullptr, index, nullptr, true});
  expectType(*p.premio, t, Type::Euro, "per il premio");
  if (p.premioRounding && p.premioRounding->decimals && *p.premioRounding->decimals != 2)
    diags_.error("E0413", p.premioRounding->span, "il premio si arrotonda sempre al centesimo (2 decimali)",
                 "scrivi solo il modo, per esempio: arrotondato per difetto");
}

}  // namespace misura::sema
