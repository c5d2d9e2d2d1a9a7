// The explanation as text for the person evaluated (see explain.h).
#include <algorithm>

#include <fmt/format.h>

#include "runtime/report/explain.h"
#include "runtime/report/explain_parts.h"
#include "runtime/report/format.h"
#include "runtime/report/ranking.h"

namespace misura::report {

namespace {

using namespace detail;

// Accumulates indented lines.
class Text {
 public:
  void line(int indent, const std::string& text) { out_ += std::string(indent, ' ') + text + "\n"; }
  // Every line of a multi-line text, indented.
  void block(int indent, const std::string& text) {
    size_t start = 0;
    while (start <= text.size()) {
      size_t nl = text.find('\n', start);
      std::string piece = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
      if (piece.empty()) out_ += "\n";
      else line(indent, piece);
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
  }
  void blank() { out_ += "\n"; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// "text (location)" or "text" when there is no location.
std::string placed(const std::string& text, const std::string& where) {
  return where.empty() ? text : text + " (" + where + ")";
}

void header(Text& t, const Subject& s) {
  const eval::PersonResult& p = s.person;
  t.line(0, fmt::format("{} — anno {}", s.module.ente, s.module.anno));
  t.line(0, "Spiegazione della valutazione individuale");
  t.line(0, "Regolamento: " + s.module.sourcePath);
  std::string modules = detail::modulesText(s.module);
  if (!modules.empty()) t.block(0, modules.substr(0, modules.size() - 1));  // without the final newline
  t.blank();
  std::string row;
  if (s.module.staffKeyField < p.staffCells.size()) row = location(s.sources, p.staffCells[s.module.staffKeyField]);
  t.line(0, "Matricola:  " + placed(p.matricola, row));
  if (!p.nominativo.empty()) t.line(0, "Nominativo: " + p.nominativo);
  t.line(0, "Profilo:    " + s.profile.name + (s.profile.title.empty() ? "" : " — " + s.profile.title));
}

// The exact fraction of a number shown rounded, else "".
std::string valueNote(const ir::Value& value, ir::Type type) {
  const Rational* q = std::get_if<Rational>(&value);
  if (!q) return {};
  return type == ir::Type::Percentuale ? percentNote(*q) : exactNote(*q);
}

// The names a rule read, its intermediate results and, without branches,
// the rule with the values in place followed by `result` (" = 918,935 €").
void ruleValues(Text& t, int indent, const Subject& s, const ir::Chunk& chunk,
                const std::vector<interp::TraceEntry>& trace, const eval::ObjectiveOutcome* objective,
                const std::string& result) {
  std::vector<UsedName> names = usedNames(s, trace, objective);
  if (!names.empty()) t.line(indent, "valori usati:");
  for (const UsedName& n : names) {
    std::string where = n.origin;
    if (!n.location.empty()) where += (where.empty() ? "" : ", ") + n.location;
    t.line(indent + 4, placed(n.name + " = " + shown(n.value, n.type) + valueNote(n.value, n.type), where));
  }
  std::vector<RuleStep> steps = ruleSteps(s, chunk, trace, objective);
  if (!steps.empty()) t.line(indent, "passaggi:");
  for (const RuleStep& st : steps)
    t.line(indent + 4, st.expression + (st.withValues.empty() ? "" : ", cioè " + st.withValues) + ": " + st.value);
  if (std::optional<std::string> with = withValues(s, chunk, trace, objective))
    t.line(indent, "con i valori: " + *with + result);
}

// `su ESPRESSIONE`: the expression, the names it read and its value.
void computedValue(Text& t, const Subject& s, const ir::Objective& obj, const eval::ObjectiveOutcome& o) {
  const ir::Chunk& expr = *obj.measure.expr;
  // Shown in the unit of the indicator's measured value (0,9375 as 93,75%).
  ir::Type type = at(s.module.indicators, obj.measure.indicator, "indicatore").slots.at(0);
  std::string value = std::holds_alternative<ir::Missing>(o.measured) ? "non rilevato" : shown(o.measured, type);
  t.line(5, placed("valore misurato: " + sourceLine(s.sources, expr.span), location(s.sources, expr.span)) + " = " +
                value + valueNote(o.measured, type));
  if (!o.measuredTrace.empty()) ruleValues(t, 7, s, expr, o.measuredTrace, &o, "");
}

// `termine 31/12/2024`, or `termine = espressione` with its value for the person.
void deadline(Text& t, const Subject& s, const ir::Objective& obj, const eval::ObjectiveOutcome& o) {
  if (obj.deadline) t.line(5, "termine: " + formatItalian(*obj.deadline));
  if (!obj.deadlineExpr) return;
  const ir::Chunk& expr = *obj.deadlineExpr;
  std::string value = o.deadline ? shown(*o.deadline, ir::Type::Data) : "non calcolato";
  t.line(5, placed("termine: " + sourceLine(s.sources, expr.span), location(s.sources, expr.span)) + " = " + value);
  if (!o.deadlineTrace.empty()) ruleValues(t, 7, s, expr, o.deadlineTrace, &o, "");
}

void measuredValue(Text& t, const Subject& s, const ir::Objective& obj, const eval::ObjectiveOutcome& o) {
  if (obj.measure.expr) return computedValue(t, s, obj, o);
  const ir::Dataset& ds = at(s.module.datasets, obj.measure.measured.dataset, "tabella");
  const ir::Field& field = at(ds.fields, obj.measure.measured.field, "campo");
  std::string where = location(s.sources, o.dataSpan);
  std::string line = "valore rilevato (" + ds.name + "." + field.name + "): ";
  if (!std::holds_alternative<ir::Missing>(o.measured)) {
    line += placed(shown(o.measured, field.type), where);
  } else if (o.dataSpan.valid()) {
    line += "non rilevato (cella vuota, " + where + ")";
  } else {
    line += "non rilevato (nessuna riga per la matricola " + s.person.matricola + " e l'obiettivo " + obj.code +
            " nel file «" + ds.file + "»)";
  }
  t.line(5, line);
}

// `fasi`: one line per phase (weight, termine, value, esito), then the weighted mean.
void phases(Text& t, const Subject& s, const ir::Objective& obj, const eval::ObjectiveOutcome& o) {
  const ir::Field& field = at(at(s.module.datasets, obj.measure.measured.dataset, "tabella").fields,
                              obj.measure.measured.field, "campo");
  for (const eval::PhaseOutcome& po : o.phases) {
    const ir::Phase& f = at(obj.phases, po.phase, "fase");
    std::string value = std::holds_alternative<ir::Missing>(po.measured)
                            ? std::string("non rilevato")
                            : placed(shown(po.measured, field.type), location(s.sources, po.dataSpan));
    std::string esito = po.esito ? percentText(*po.esito) + (po.fixed ? " (se non rilevato)" : "")
                                 : std::string("nessuno");
    t.line(5, fmt::format("fase {} — {}: peso {}, termine {}, valore {}, esito {}", f.code, f.title, num(f.weight),
                          formatItalian(f.deadline), value, esito));
  }
  t.line(5, "esito dell'obiettivo = somma di peso × esito delle fasi ÷ somma dei loro pesi");
}

void objective(Text& t, const Subject& s, const eval::ObjectiveOutcome& o) {
  const ir::Objective& obj = objectiveOf(s.module, o);
  const ir::Indicator& ind = at(s.module.indicators, obj.measure.indicator, "indicatore");
  t.line(3, obj.code + " — " + obj.title);
  if (obj.fromTemplate) {  // `obiettivi da TABELLA`: the row it was read from
    uint32_t table = s.module.objectiveTemplates.at(*obj.fromTemplate).dataset;
    t.line(5, placed("letto dai dati («obiettivi da " + at(s.module.datasets, table, "tabella").name + "»)",
                     location(s.sources, obj.row)));
  }
  if (o.weightRule && *o.weightRule < obj.weightRules.size()) {
    Span line = obj.weightRules[*o.weightRule].span;
    t.line(5, placed("peso: " + num(o.weight) + " (riga «" + sourceLine(s.sources, line) + "»)", location(s.sources, line)));
  } else if (obj.premioOnly) {
    t.line(5, "conta solo per il premio" + (obj.quota ? ", quota " + percentText(*obj.quota) : std::string()));
  } else if (obj.weightExpr) {  // `peso = ...`: from the data
    t.line(5, placed("peso: " + num(o.weight) + " (dai dati: peso = " + sourceLine(s.sources, obj.weightExpr->span) + ")",
                     location(s.sources, o.weightCell)));
  } else {
    t.line(5, "peso: " + num(o.weight) + (obj.quota ? ", quota del premio " + percentText(*obj.quota) : std::string()));
  }
  deadline(t, s, obj, o);
  if (std::string period = assignedPeriodText(obj, s.person.matricola); !period.empty())
    t.line(5, "assegnato per il periodo: " + period);
  t.line(5, "fonte: " + (obj.source.empty() ? std::string("non indicata nel regolamento") : obj.source));
  t.line(5, placed("nel regolamento: " + sourceLine(s.sources, obj.measure.span),
                   location(s.sources, obj.measure.span)));
  if (obj.phases.empty()) measuredValue(t, s, obj, o);
  else phases(t, s, obj, o);
  if (std::string effect = notMeasuredEffect(obj, o); !effect.empty()) t.line(5, effect);
  if (!o.trace.empty()) {
    t.line(5, placed("regola dell'indicatore «" + ind.name + "»", location(s.sources, ind.body.span)) + ":");
    t.block(9, sourceText(s.sources, ind.body.span));
    ruleValues(t, 5, s, ind.body, o.trace, &o, o.esito ? " = " + percentText(*o.esito) : "");
  }
  if (o.esito) t.line(5, "esito: " + percentText(*o.esito) + percentNote(*o.esito));
  else if (o.status == eval::ObjectiveOutcome::Status::Neutralizzato) t.line(5, "esito: nessuno (neutralizzato)");
  else t.line(5, "esito: non calcolato");
  t.blank();
}

void objectivesComponent(Text& t, const Subject& s, const ir::Component& c, const eval::ComponentOutcome& co) {
  if (c.relativeWeights) t.line(3, "Pesi relativi: ogni peso è rapportato alla somma dei pesi degli obiettivi della persona.");
  if (c.equalWeights) t.line(3, "A pari peso: ogni obiettivo della persona pesa 1.");
  for (const eval::ObjectiveOutcome& o : co.objectives) objective(t, s, o);
  ObjectivesSum sum = objectivesSum(s.module, c, co);
  if (!sum.neutralised.empty()) {
    std::string codes;
    for (const std::string& code : sum.neutralised) codes += (codes.empty() ? "" : ", ") + code;
    bool one = sum.neutralised.size() == 1;
    t.line(3, fmt::format("Pesi ridistribuiti: {} {} {}, quindi si divide per la somma dei pesi degli obiettivi "
                          "rimasti, {} invece di {}.",
                          one ? "l'obiettivo" : "gli obiettivi", codes, one ? "è neutralizzato" : "sono neutralizzati",
                          num(sum.counted), num(sum.declared)));
    t.line(3, "Peso effettivo (su 100) di ciascun obiettivo rimasto:");
    for (const eval::ObjectiveOutcome& o : co.objectives)
      if (o.esito) t.line(5, objectiveOf(s.module, o).code + ": " + effectiveWeightFormula(o, sum));
  }
  if (sum.formula.empty()) {
    t.line(3, "Punti: non calcolati (vedi gli errori)");
    return;
  }
  t.line(3, "Punti = massimo × (somma di peso × esito) ÷ somma dei pesi");
  t.line(3, "      = " + sum.formula);
}

void behavioursComponent(Text& t, const Subject& s, const ir::Component& c, const eval::ComponentOutcome& co) {
  const ir::Catalogue& cat = catalogueOf(s.module, c);
  t.line(3, fmt::format("Scala dei voti da {} a {}; ogni voce vale peso × voto ÷ {}.", num(cat.scaleMin),
                        num(cat.scaleMax), num(cat.scaleMax)));
  std::vector<Rational> terms;
  for (uint32_t i = 0; i < cat.items.size(); ++i) {
    const ir::Behaviour& item = cat.items[i];
    t.line(3, item.code + " — " + item.title);
    const eval::BehaviourOutcome* b = nullptr;
    for (const eval::BehaviourOutcome& candidate : co.behaviours)
      if (candidate.item == i) b = &candidate;
    if (!b) {
      t.line(5, "peso " + num(item.weight) + ", voto non disponibile (vedi gli errori)");
      continue;
    }
    t.line(5, fmt::format("peso {}, {}: {}", num(item.weight),
                          placed(b->level.empty() ? "voto " + num(b->rating) : "giudizio «" + b->level + "» = " + num(b->rating),
                                 location(s.sources, b->dataSpan)),
                          behaviourFormula(c, cat, *b)));
    terms.push_back(b->points);
  }
  t.blank();
  if (co.points) t.line(3, "Punti = " + sumFormula(terms, co.pointsExact ? co.pointsExact.get() : co.points));
  else t.line(3, "Punti: non calcolati (vedi gli errori)");
}

void expressionComponent(Text& t, const Subject& s, const ir::Component& c, const eval::ComponentOutcome& co) {
  t.line(3, placed("espressione", location(s.sources, c.expr.span)) + ":");
  t.block(7, sourceText(s.sources, c.expr.span));
  const std::optional<Rational>& exact = co.pointsExact ? co.pointsExact.get() : co.points;
  ruleValues(t, 3, s, c.expr, co.trace, nullptr, exact ? " = " + num(*exact) : "");
  if (exact) t.line(3, "Punti = " + num(*exact) + exactNote(*exact));
  else t.line(3, "Punti: non calcolati (vedi gli errori)");
}

const char* sourceWords(ir::ComponentSource source) {
  switch (source) {
    case ir::ComponentSource::Obiettivi: return "da obiettivi";
    case ir::ComponentSource::Comportamenti: return "da comportamenti";
    case ir::ComponentSource::Espressione: return "da un'espressione";
  }
  return "";
}

void components(Text& t, const Subject& s) {
  for (size_t k = 0; k < s.person.components.size(); ++k) {
    const eval::ComponentOutcome& co = s.person.components[k];
    const ir::Component& c = at(s.profile.components, co.component, "componente");
    t.blank();
    t.line(0, fmt::format("{}. Componente «{}»{}: fino a {} punti, {}", k + 1, c.name,
                          c.title.empty() ? "" : " — " + c.title, num(c.maxPoints), sourceWords(c.source)));
    t.blank();
    switch (c.source) {
      case ir::ComponentSource::Obiettivi: objectivesComponent(t, s, c, co); break;
      case ir::ComponentSource::Comportamenti: behavioursComponent(t, s, c, co); break;
      case ir::ComponentSource::Espressione: expressionComponent(t, s, c, co); break;
    }
    if (c.rounding && co.pointsExact && co.points)
      t.line(3, fmt::format("{} (regola del regolamento): {}{} → {} punti", roundingText(*c.rounding),
                            num(*co.pointsExact), exactNote(*co.pointsExact), num(*co.points)));
  }
  if (!s.person.premioObjectives.empty()) {
    t.blank();
    t.line(0, "Obiettivi che contano solo per il premio");
    t.blank();
    for (const eval::ObjectiveOutcome& o : s.person.premioObjectives) objective(t, s, o);
  }
}

void total(Text& t, const Subject& s, const std::vector<Rational>& points) {
  const eval::PersonResult& p = s.person;
  t.blank();
  t.line(0, "Totale");
  std::string names;
  for (const eval::ComponentOutcome& co : p.components)
    names += (names.empty() ? "" : " + ") + at(s.profile.components, co.component, "componente").name;
  t.line(3, "Somma delle componenti: " + names + " = " + sumFormula(points, p.totalExact));
  if (s.profile.totalRounding)
    t.line(3, fmt::format("{} (regola del regolamento): {} → {} punti", roundingText(*s.profile.totalRounding),
                          num(p.totalExact), roundedTotal(s.profile, p.total)));
  else
    t.line(3, "nessun arrotondamento (il regolamento non lo prevede): totale " + num(p.total) + " punti" +
                  exactNote(p.total));
}

void band(Text& t, const Subject& s) {
  t.blank();
  t.line(0, "Fascia");
  if (s.profile.bands.empty()) {
    t.line(3, "il profilo non ha fasce");
    return;
  }
  if (!s.person.band) {
    t.line(3, "nessuna fascia (vedi gli errori)");
    return;
  }
  const ir::Band& b = at(s.profile.bands, *s.person.band, "fascia");
  t.line(3, placed("«" + b.label + "», scritta nel regolamento: " + sourceLine(s.sources, b.span),
               location(s.sources, b.span)));
  t.line(3, fmt::format("il totale {} è nella fascia «{}»: {}", roundedTotal(s.profile, s.person.total), b.label,
                        bandRange(s.profile, *s.person.band)));
  t.line(3, "percentuale della fascia: " + percentText(b.percent) + percentNote(b.percent));
}

// What the whole fund did: stanziato, distribuito, economia.
void fundTotals(Text& t, const ir::Fund& f, const eval::FundOutcome& o, int indent = 3) {
  if (o.blocked) return;
  t.line(indent, "fondo «" + f.name + "»: stanziato " + shown(o.amount, ir::Type::Euro) + ", distribuito " +
                shown(o.distributed, ir::Type::Euro) + " fra " + std::to_string(o.members) +
                (o.members == 1 ? " persona" : " persone") + ", economia " + shown(o.unspent, ir::Type::Euro));
}

// A premio from a fund with `quota unitaria`: the unit (and where it was
// read), unit x quota, the cap, the cent, the art. 81 maggiorazione.
void unitShare(Text& t, const Subject& s, const ir::Fund& f, const eval::FundOutcome& o) {
  const eval::PersonResult& p = s.person;
  if (f.unitQuotaExpr) {
    t.block(7, "quota unitaria = " + sourceText(s.sources, f.unitQuotaExpr->span));
    ruleValues(t, 7, s, *f.unitQuotaExpr, o.unitQuotaTrace, nullptr, "");
  }
  const Rational share = *o.unitQuota * *p.fundQuota;
  t.line(3, "parte spettante = quota unitaria × quota = " + shown(*o.unitQuota, ir::Type::Euro) + " × " +
                num(*p.fundQuota) + " = " + shown(share, ir::Type::Euro) + exactNote(share));
  const Rational bonus = p.maggiorazione.value_or(Rational());
  const Rational paid = *p.premio - bonus;
  if (p.cappedExcess)
    t.line(3, "oltre il massimo di " + shown(*f.cap, ir::Type::Euro) + " per persona: la parte spettante è " +
                  shown(*p.premioExact - bonus, ir::Type::Euro) + "; " + shown(*p.cappedExcess, ir::Type::Euro) +
                  exactNote(*p.cappedExcess) + " restano economia del fondo");
  t.line(3, std::string(f.split == ir::FundSplit::AlCentesimo ? "arrotondata al centesimo (metà in su): "
                                                               : "troncata al centesimo: ") +
                shown(paid, ir::Type::Euro));
  if (o.bonusPersons && f.bonus) {
    const ir::FundBonus& b = *f.bonus;
    const std::string rate = shown(b.rate, ir::Type::Percentuale);
    std::string who = b.ranking ? "ai vincitori della graduatoria «" + s.module.rankings.at(*b.ranking).name + "»"
                                : "ai primi per totale";
    t.line(3, fmt::format("maggiorazione art. 81 CCNL Funzioni Locali 16.11.2022: {} ({} dei {} valutati con quota "
                          "positiva), {}, fuori dal massimo per persona",
                          who, o.bonusPersons, o.bonusEligible, b.onTop ? "in aggiunta al fondo" : "a carico del fondo"));
    std::string formula =
        b.base == ir::BonusBase::PremioMedio
            ? fmt::format("maggiorazione = {} × premio medio = {} × {} (premi dei {} valutati con quota positiva) ÷ {}",
                          rate, rate, shown(o.bonusBase, ir::Type::Euro), o.bonusEligible, o.bonusEligible)
            : fmt::format("maggiorazione = {} × importo ÷ {} valutati = {} × {} ÷ {}", rate, o.bonusEligible, rate,
                          shown(o.bonusBase, ir::Type::Euro), o.bonusEligible);
    formula += fmt::format(", arrotondata al centesimo {}",
                           b.rounding ? ir::roundingName(*b.rounding) : std::string("mezzo in su"));
    t.line(3, formula + " = " + shown(o.bonusEach, ir::Type::Euro));
    t.line(3, p.maggiorazione ? "più la maggiorazione: " + shown(bonus, ir::Type::Euro)
                              : std::string("nessuna maggiorazione: la persona non è tra i beneficiari"));
  }
  t.line(3, "premio: " + shown(*p.premio, ir::Type::Euro));
  fundTotals(t, f, o);
}

// The art. 81 maggiorazione as the regolamento declares it (`ai vincitori di G { ... }`).
void declaredBonus(Text& t, const Subject& s, const ir::Fund& f, const eval::FundOutcome& o) {
  const eval::PersonResult& p = s.person;
  const ir::FundBonus& b = *f.bonus;
  const std::string rate = shown(b.rate, ir::Type::Percentuale);
  t.line(3, fmt::format("maggiorazione art. 81 CCNL Funzioni Locali 16.11.2022: ai vincitori della graduatoria «{}» "
                        "({} dei {} valutati con quota positiva), {}",
                        s.module.rankings.at(*b.ranking).name, o.bonusPersons, o.bonusEligible,
                        b.onTop ? "in aggiunta al fondo" : "a carico del fondo"));
  std::string formula;
  if (b.onTop || b.base == ir::BonusBase::ImportoDivisoValutati)
    formula = fmt::format("maggiorazione = {} × importo ÷ {} valutati", rate, o.bonusEligible);
  else
    formula = fmt::format("maggiorazione = {} × premio medio = {} × importo ÷ (1 + {} × {} ÷ {}) ÷ {}", rate, rate,
                          o.bonusPersons, rate, o.bonusEligible, o.bonusEligible);
  if (b.rounding) formula += fmt::format(", arrotondata al centesimo {}", ir::roundingName(*b.rounding));
  else if (b.onTop) formula += ", arrotondata al centesimo mezzo in su";
  t.line(3, formula + " = " + shown(o.bonusEach, ir::Type::Euro) + exactNote(o.bonusEach));
  if (b.onTop)
    t.line(3, "base ripartita per quota = importo = " + shown(o.bonusBase, ir::Type::Euro));
  else
    t.line(3, fmt::format("base ripartita per quota = importo − {} × maggiorazione = ", o.bonusPersons) +
                  shown(o.bonusBase, ir::Type::Euro) + exactNote(o.bonusBase));
  Rational base = o.quotaSum.isZero() ? Rational() : o.bonusBase * *p.fundQuota / o.quotaSum;
  t.line(3, "parte per quota = base × quota ÷ somma delle quote = " + shown(o.bonusBase, ir::Type::Euro) + " × " +
                num(*p.fundQuota) + " ÷ " + num(o.quotaSum) + " = " + shown(base, ir::Type::Euro) + exactNote(base));
  Rational fromFund = *p.premioExact;
  if (b.onTop && p.maggiorazione) fromFund -= *p.maggiorazione;
  if (!b.onTop)
    t.line(3, p.maggiorazione ? "più la maggiorazione: " + shown(*p.maggiorazione, ir::Type::Euro)
                              : std::string("nessuna maggiorazione: la persona non è tra i vincitori"));
  t.line(3, "parte spettante dal fondo: " + shown(fromFund, ir::Type::Euro) + exactNote(fromFund));
  Rational truncated = (fromFund * 100).floor() / 100;
  t.line(3, "troncata al centesimo: " + shown(truncated, ir::Type::Euro));
  if (p.leftoverCent) t.line(3, "più 1 centesimo avanzato, assegnato ai resti maggiori");
  if (b.onTop)
    t.line(3, p.maggiorazione ? "più la maggiorazione, in aggiunta al fondo: " + shown(*p.maggiorazione, ir::Type::Euro)
                              : std::string("nessuna maggiorazione: la persona non è tra i vincitori"));
  t.line(3, "premio: " + shown(*p.premio, ir::Type::Euro));
}

// The premio as a share of a fund: quota, sum of quotas, exact share, cents.
void fundShare(Text& t, const Subject& s) {
  const eval::PersonResult& p = s.person;
  const ir::Fund& f = at(s.module.funds, *s.profile.fund, "fondo");
  const eval::FundOutcome* o = nullptr;
  for (const eval::FundOutcome& c : s.evaluation.funds)
    if (c.fund == *s.profile.fund) o = &c;
  t.line(3, placed("dal fondo «" + f.name + "»" + (f.title.empty() ? "" : " (" + f.title + ")"),
                   location(s.sources, f.span)));
  const Rational amount = o ? o->amount : f.amount;
  t.line(3, "importo del fondo: " + shown(amount, ir::Type::Euro));
  if (f.amountExpr && o) {  // `importo = ...`: read from the data
    t.block(7, "importo = " + sourceText(s.sources, f.amountExpr->span));
    ruleValues(t, 7, s, *f.amountExpr, o->amountTrace, nullptr, "");
  }
  t.block(7, "quota = " + sourceText(s.sources, f.quota.span));
  if (!p.quotaTrace.empty()) ruleValues(t, 7, s, f.quota, p.quotaTrace, nullptr, "");
  if (!o || o->blocked || !p.fundQuota || !p.premioExact || !p.premio) {
    t.line(3, "importo: non calcolato, il fondo non è stato ripartito (vedi gli errori)");
    return;
  }
  t.line(3, "quota di questa persona: " + num(*p.fundQuota) + exactNote(*p.fundQuota));
  t.line(3, fmt::format("somma delle quote delle {} persone che condividono il fondo: {}{}", o->members,
                        num(o->quotaSum), exactNote(o->quotaSum)));
  if (o->unitQuota) {
    unitShare(t, s, f, *o);
    return;
  }
  if (f.bonus && f.bonus->ranking) {
    declaredBonus(t, s, f, *o);
    return;
  }
  if (o->bonusPersons) {
    std::string ties = "la matricola minore";
    if (!f.tieKeys.empty()) {
      ties = "l'ordine del fondo: ";
      for (size_t i = 0; i < f.tieKeys.size(); ++i) ties += (i ? ", " : "") + f.tieKeys[i].text;
      ties += ", poi la matricola";
    }
    t.line(3, fmt::format("maggiorazione art. 81 CCNL Funzioni Locali 16.11.2022: ai primi {} dei {} valutati con "
                          "quota positiva (per totale; a parità, {})",
                          o->bonusPersons, o->bonusEligible, ties));
    t.line(3, "base ripartita per quota = importo ÷ (1 + beneficiari × maggiorazione ÷ valutati) = " +
                  shown(o->bonusBase, ir::Type::Euro) + exactNote(o->bonusBase));
    Rational base = o->quotaSum.isZero() ? Rational() : o->bonusBase * *p.fundQuota / o->quotaSum;
    t.line(3, "parte per quota = base × quota ÷ somma delle quote = " + shown(o->bonusBase, ir::Type::Euro) + " × " +
                  num(*p.fundQuota) + " ÷ " + num(o->quotaSum) + " = " + shown(base, ir::Type::Euro) + exactNote(base));
    if (p.maggiorazione)
      t.line(3, fmt::format("più la maggiorazione = {} × base ÷ {} valutati = ",
                            f.bonus ? shown(f.bonus->rate, ir::Type::Percentuale) : "?", o->bonusEligible) +
                    shown(*p.maggiorazione, ir::Type::Euro) + exactNote(*p.maggiorazione));
    else
      t.line(3, "nessuna maggiorazione: la persona non è tra i primi");
    t.line(3, "parte spettante: " + shown(*p.premioExact, ir::Type::Euro) + exactNote(*p.premioExact));
  } else {
    Rational share = p.premioExact && !p.cappedExcess ? *p.premioExact : amount * *p.fundQuota / o->quotaSum;
    t.line(3, "parte spettante = importo × quota ÷ somma delle quote = " + shown(amount, ir::Type::Euro) + " × " +
                  num(*p.fundQuota) + " ÷ " + num(o->quotaSum) + " = " + shown(share, ir::Type::Euro) +
                  exactNote(share));
  }
  if (p.cappedExcess)
    t.line(3, "oltre il massimo di " + shown(*f.cap, ir::Type::Euro) + " per persona: la parte spettante è " +
                  shown(*p.premioExact, ir::Type::Euro) + "; " + shown(*p.cappedExcess, ir::Type::Euro) +
                  exactNote(*p.cappedExcess) + " restano economia del fondo");
  Rational truncated = (*p.premioExact * 100).floor() / 100;
  t.line(3, "troncata al centesimo: " + shown(truncated, ir::Type::Euro));
  if (p.leftoverCent)
    t.line(3, std::string("più 1 centesimo avanzato, assegnato ai resti maggiori (a parità di resto, ") +
                  (f.tieKeys.empty() ? "alla matricola minore" : "secondo l'ordine a parità del fondo") + "): " +
                  shown(*p.premio, ir::Type::Euro));
  else
    t.line(3, "premio: " + shown(*p.premio, ir::Type::Euro));
  fundTotals(t, f, *o);
}

// A premio made of parts: each part (its formula and values, or its share of
// the fund), then the sum.
void premioParts(Text& t, const Subject& s) {
  const eval::PersonResult& p = s.person;
  for (const eval::PartOutcome& part : p.parts) {
    const ir::PremioPart& decl = at(s.profile.parts, part.part, "parte");
    t.line(3, placed("parte «" + decl.name + "»" + (decl.title.empty() ? "" : " (" + decl.title + ")"),
                     location(s.sources, decl.span)));
    if (decl.expr) {
      t.block(7, "= " + sourceText(s.sources, decl.expr->span));
      ruleValues(t, 5, s, *decl.expr, part.trace, nullptr,
                 part.exact ? " = " + shown(*part.exact, ir::Type::Euro) : "");
      if (part.amount)
        t.line(5, premioRoundingText(decl.rounding) + ": " + shown(*part.amount, ir::Type::Euro));
      else
        t.line(5, "importo: non calcolato (vedi gli errori)");
      continue;
    }
    const ir::Fund& f = at(s.module.funds, *decl.fund, "fondo");
    const eval::FundOutcome* o = nullptr;
    for (const eval::FundOutcome& c : s.evaluation.funds)
      if (c.fund == *decl.fund) o = &c;
    t.line(5, placed("dal fondo «" + f.name + "»", location(s.sources, f.span)));
    if (!o || o->blocked || !part.fundQuota || !part.exact || !part.amount) {
      t.line(5, "importo: non calcolato, il fondo non è stato ripartito (vedi gli errori)");
      continue;
    }
    t.block(7, "quota = " + sourceText(s.sources, f.quota.span));
    t.line(5, "quota di questa persona: " + num(*part.fundQuota) + exactNote(*part.fundQuota));
    if (o->unitQuota)
      t.line(5, "parte spettante = quota unitaria × quota = " + shown(*o->unitQuota, ir::Type::Euro) + " × " +
                    num(*part.fundQuota) + " = " + shown(*part.exact, ir::Type::Euro) + exactNote(*part.exact));
    else
      t.line(5, fmt::format("somma delle quote delle {} persone del fondo: {}{}; parte spettante = {} × {} ÷ {} = ",
                            o->members, num(o->quotaSum), exactNote(o->quotaSum), shown(f.amount, ir::Type::Euro),
                            num(*part.fundQuota), num(o->quotaSum)) +
                    shown(*part.exact, ir::Type::Euro) + exactNote(*part.exact));
    if (part.maggiorazione)
      t.line(5, "di cui maggiorazione art. 81: " + shown(*part.maggiorazione, ir::Type::Euro));
    if (part.cappedExcess)
      t.line(5, "oltre il massimo per persona, resta economia: " + shown(*part.cappedExcess, ir::Type::Euro));
    t.line(5, std::string(part.leftoverCent ? "con 1 centesimo dai resti maggiori: " : "al centesimo: ") +
                  shown(*part.amount, ir::Type::Euro));
    fundTotals(t, f, *o, 5);
  }
  if (p.premio)
    t.line(3, "premio = somma delle parti = " + shown(*p.premio, ir::Type::Euro));
  else
    t.line(3, "premio: non calcolato, manca una parte (vedi gli errori)");
}

void premio(Text& t, const Subject& s) {
  const eval::PersonResult& p = s.person;
  t.blank();
  t.line(0, "Premio");
  if (!s.profile.parts.empty()) {
    premioParts(t, s);
    return;
  }
  if (s.profile.fund) {
    fundShare(t, s);
    return;
  }
  if (!s.profile.premio) {
    t.line(3, "il profilo non prevede un premio");
    return;
  }
  const ir::Chunk& chunk = *s.profile.premio;
  t.line(3, placed("formula", location(s.sources, chunk.span)) + ":");
  t.block(7, "premio = " + sourceText(s.sources, chunk.span));
  ruleValues(t, 3, s, chunk, p.premioTrace, nullptr,
             p.premioExact ? " = " + shown(*p.premioExact, ir::Type::Euro) : "");
  if (!p.premioExact || !p.premio) {
    t.line(3, "importo: non calcolato (vedi gli errori)");
    return;
  }
  t.line(3, "importo esatto: " + shown(*p.premioExact, ir::Type::Euro) + exactNote(*p.premioExact));
  t.line(3, premioRoundingText(s.profile.premioRounding) + ": " + shown(*p.premio, ir::Type::Euro));
  if (s.profile.budget) {
    const ir::Fund& f = at(s.module.funds, *s.profile.budget, "fondo");
    t.line(3, placed("a carico del fondo «" + f.name + "»" + (f.title.empty() ? "" : " (" + f.title + ")"),
                     location(s.sources, f.span)));
    for (const eval::FundOutcome& o : s.evaluation.funds)
      if (o.fund == *s.profile.budget) fundTotals(t, f, o);
  }
}

void errors(Text& t, const Subject& s) {
  t.blank();
  t.line(0, "Errori");
  t.line(3, "La valutazione di questa persona non è completa:");
  for (const Diagnostic& d : s.person.errors) {
    t.line(3, placed(fmt::format("[{}] {}", d.code, d.message), location(s.sources, d.span)));
    if (!d.hint.empty()) t.line(5, "suggerimento: " + d.hint);
  }
  if (s.person.errors.empty()) t.line(3, s.person.reason);
}

// The text of `t` with the first `drop` lines removed and `indent` columns
// of indentation taken off every line.
std::string trimmed(std::string text, size_t drop, size_t indent) {
  std::string out;
  size_t start = 0, n = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(start, nl - start);
    if (n++ >= drop) {
      size_t cut = std::min(indent, line.find_first_not_of(' ') == std::string::npos ? line.size()
                                                                                      : line.find_first_not_of(' '));
      out += line.substr(cut) + "\n";
    }
    start = nl + 1;
  }
  return out;
}

}  // namespace

namespace detail {

std::string measuredText(const Subject& s, const eval::ObjectiveOutcome& o) {
  const ir::Objective& obj = objectiveOf(s.module, o);
  Text t;
  if (obj.phases.empty()) measuredValue(t, s, obj, o);
  else phases(t, s, obj, o);
  return trimmed(t.take(), 0, 5);
}

std::string premioText(const Subject& s) {
  Text t;
  premio(t, s);
  return trimmed(t.take(), 2, 3);  // without the blank line and the heading «Premio»
}

}  // namespace detail

std::string explainText(const ir::Module& module, const eval::Evaluation& evaluation,
                        const eval::PersonResult& person, const SourceManager& sources) {
  Subject s{module, evaluation, person, detail::at(module.profiles, person.profile, "profilo"), sources};
  Text t;
  header(t, s);
  if (person.status == eval::PersonStatus::NonValutato) {
    t.blank();
    t.line(0, "Non valutato: " + person.reason);
    if (s.profile.notEvaluated)
      t.line(0, "Il regolamento stabilisce che le persone del profilo «" + s.profile.name +
                    "» non sono valutate con questo regolamento: nessun punteggio, fascia o premio.");
    else
      t.line(0, "Il profilo «" + s.profile.name + "» esclude dalla valutazione chi è in questo caso (servizio "
                    "minimo o «non valutato se»): nessun punteggio, fascia o premio.");
    return t.take();
  }
  components(t, s);
  if (std::optional<std::vector<Rational>> points = componentPoints(person)) {
    total(t, s, *points);
    band(t, s);
    premio(t, s);
  }
  std::string rankings =
      explainRankingsText(module, evaluation, static_cast<uint32_t>(&person - evaluation.persons.data()));
  if (person.status == eval::PersonStatus::Errore) errors(t, s);
  if (evaluation.deroga) {
    t.blank();
    t.line(0, "DEROGA: premio calcolato nonostante i requisiti di legge non rispettati, con il motivo «" +
                  evaluation.deroga->reason + "»:");
    for (const std::string& v : evaluation.deroga->violations) t.line(3, "- " + v);
  }
  return t.take() + rankings;
}

}  // namespace misura::report
