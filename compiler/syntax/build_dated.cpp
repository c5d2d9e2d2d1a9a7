// Builder: dated clauses (`dal 2024: premio = ...`, docs/linguaggio.md § 4,
// «Clausole datate»). A prefix makes a declaration, or an item of a profile,
// objective or fund, apply only in some evaluation years. The builder knows
// the evaluation year (--anno, else the `anno` of the regolamento), keeps in
// the program only the clauses in force in it, and records every dated
// clause in ast::Program::dated. Checks (whatever the year):
//   E0370 two clauses setting the same thing with overlapping periods;
//   E0371 two clauses setting the same thing both in force in the year
//         (periods that split a year: the evaluation is annual);
//   E0372 a required item whose every clause is dated and none is in force;
//   E0373 a clause with two prefixes; E0374 a period that ends before it
//   starts; E0375 `ente`, `anno` or `usa` with a prefix.
#include <fmt/format.h>

#include "compiler/syntax/builder.h"
#include "compiler/syntax/literals.h"

namespace misura::syntax {

namespace {

Date kDawn = *Date::fromYmd(1, 1, 1);

bool overlap(const Period& a, const Period& b) {
  bool aBeforeB = a.to && *a.to < b.from;
  bool bBeforeA = b.to && *b.to < a.from;
  return !aBeforeB && !bBeforeA;
}

// The prefix as written, normalised: "dal 2024", "fino al 30/06/2024".
std::string prefixText(P::ClausolaTempoContext* ctx) {
  std::string out;
  for (antlr4::tree::ParseTree* child : ctx->children) {
    std::string t = child->getText();
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

std::string profileKey(P::VoceProfiloContext* ctx) {
  if (auto* c = dynamic_cast<P::ComponenteContext*>(ctx)) return "componente " + c->nome()->getText();
  if (dynamic_cast<P::TotaleArrotondatoContext*>(ctx)) return "totale arrotondato";
  if (dynamic_cast<P::FasceContext*>(ctx)) return "fasce";
  if (dynamic_cast<P::PremioContext*>(ctx) || dynamic_cast<P::PremioDaFondoContext*>(ctx)) return "premio";
  if (dynamic_cast<P::PremioACaricoContext*>(ctx)) return "premio a carico";
  if (auto* c = dynamic_cast<P::ParteCalcolataContext*>(ctx)) return "parte " + c->nome()->getText();
  if (auto* c = dynamic_cast<P::ParteDaFondoContext*>(ctx)) return "parte " + c->nome(0)->getText();
  if (dynamic_cast<P::NonValutatoContext*>(ctx)) return "non valutato";
  if (dynamic_cast<P::ServizioMinimoContext*>(ctx)) return "servizio minimo";
  return {};  // `non valutato se`: several may apply together
}

std::string objectiveKey(P::VoceObiettivoContext* ctx) {
  if (dynamic_cast<P::AssegnatoContext*>(ctx)) return "assegnato";
  if (auto* c = dynamic_cast<P::PesoContext*>(ctx)) return c->assegnazione() ? "" : "peso";
  if (dynamic_cast<P::TermineContext*>(ctx)) return "termine";
  if (dynamic_cast<P::MisuraContext*>(ctx)) return "misura";
  if (dynamic_cast<P::FonteContext*>(ctx)) return "fonte";
  if (dynamic_cast<P::SeNonRilevatoContext*>(ctx)) return "se non rilevato";
  if (dynamic_cast<P::ValutatoNelContext*>(ctx)) return "valutato";
  if (dynamic_cast<P::FasiContext*>(ctx)) return "fasi";
  return {};  // `peso N per ...`, `tema`
}

std::string fundKey(P::VoceFondoContext* ctx) {
  if (dynamic_cast<P::ImportoFondoContext*>(ctx)) return "importo";
  if (dynamic_cast<P::QuotaFondoContext*>(ctx)) return "quota";
  if (dynamic_cast<P::RipartizioneContext*>(ctx)) return "ripartizione";
  if (dynamic_cast<P::MaggiorazioneFondoContext*>(ctx)) return "maggiorazione";
  if (dynamic_cast<P::QuotaUnitariaContext*>(ctx)) return "quota unitaria";
  if (dynamic_cast<P::QuotaUnitariaCalcolataContext*>(ctx)) return "quota unitaria";
  if (dynamic_cast<P::MassimoFondoContext*>(ctx)) return "massimo";
  return {};
}

std::string declarationKey(P::DichiarazioneContext* ctx) {
  if (auto* c = dynamic_cast<P::DichProfiloContext*>(ctx)) return "profilo " + c->nome()->getText();
  if (auto* c = dynamic_cast<P::DichObiettivoContext*>(ctx)) return "obiettivo " + c->codice()->getText();
  if (auto* c = dynamic_cast<P::DichObiettiviDaDatiContext*>(ctx)) return "obiettivi da " + c->nome()->getText();
  if (auto* c = dynamic_cast<P::DichFondoContext*>(ctx)) return "fondo " + c->nome()->getText();
  if (auto* c = dynamic_cast<P::DichIndicatoreContext*>(ctx)) return "indicatore " + c->nome()->getText();
  if (auto* c = dynamic_cast<P::DichDatiContext*>(ctx)) return "dati " + c->nome()->getText();
  if (dynamic_cast<P::DichPersonaleContext*>(ctx)) return "personale";
  if (auto* c = dynamic_cast<P::DichRuoloContext*>(ctx)) return "ruolo " + c->nome()->getText();
  if (auto* c = dynamic_cast<P::DichRequisitoContext*>(ctx)) return "requisito " + c->nome()->getText();
  if (auto* c = dynamic_cast<P::DichDichiaraContext*>(ctx)) return "dichiara " + c->nome()->getText();
  if (auto* c = dynamic_cast<P::DichComportamentiContext*>(ctx)) {
    std::string key = "comportamenti per";
    for (P::NomeContext* n : c->nome()) key += " " + n->getText();
    return key;
  }
  return {};  // `prova`
}

}  // namespace

void Builder::evaluationYear(const ast::Program& into, P::ProgrammaContext* ctx) {
  year_.reset();
  if (into.yearOverride) year_ = into.yearOverride;
  else if (!into.anno.empty()) year_ = into.anno.front().year;  // a module: the regolamento's
  else
    for (P::DichiarazioneContext* d : ctx->dichiarazione())
      if (auto* a = dynamic_cast<P::DichAnnoContext*>(d)) {
        year_ = readYear(source(a->NUMERO()));
        break;
      }
}

std::optional<misura::Period> Builder::clausePeriod(P::ClausolaTempoContext* ctx) {
  bool ok = true;
  // A year or a date; `end`: a year stands for its 31/12, else for its 01/01.
  auto bound = [&](P::LimiteTempoContext* l, bool end) -> Date {
    if (antlr4::tree::TerminalNode* d = l->DATA()) return date(d);
    std::optional<int> y = readYear(source(l->NUMERO()));
    if (!y) {
      sink_.error(code::kBadNumber, span(l), fmt::format("anno non valido «{}» nella clausola datata", source(l->NUMERO())),
                  "scrivi l'anno con quattro cifre (dal 2024) oppure una data (dal 01/07/2024)");
      ok = false;
      return kDawn;
    }
    return *Date::fromYmd(*y, end ? 12 : 1, end ? 31 : 1);
  };
  Period p{kDawn, std::nullopt};
  if (auto* c = dynamic_cast<P::ClausolaDalContext*>(ctx)) {
    p.from = bound(c->limiteTempo(0), false);
    if (c->limiteTempo().size() > 1) p.to = bound(c->limiteTempo(1), true);
  } else if (auto* c = dynamic_cast<P::ClausolaFinoAlContext*>(ctx)) {
    p.to = bound(c->limiteTempo(), true);
  } else if (auto* c = dynamic_cast<P::ClausolaNelContext*>(ctx)) {
    std::optional<int> y = readYear(source(c->NUMERO()));
    if (!y) {
      sink_.error(code::kBadNumber, span(c->NUMERO()),
                  fmt::format("anno non valido «{}» nella clausola datata", source(c->NUMERO())),
                  "scrivi l'anno con quattro cifre, per esempio: nel 2024");
      return std::nullopt;
    }
    p = Period{*Date::fromYmd(*y, 1, 1), *Date::fromYmd(*y, 12, 31)};
  }
  if (!ok) return std::nullopt;
  if (!p.wellFormed()) {
    sink_.error("E0374", span(ctx),
                fmt::format("periodo vuoto: «{}» finisce prima di cominciare", prefixText(ctx)),
                "scrivi prima l'inizio: dal 2023 al 2025, oppure dal 01/01/2023 al 31/12/2025");
    return std::nullopt;
  }
  return p;
}

void Builder::prefix(Clause& c, P::ClausolaTempoContext* when) {
  if (c.when) {
    sink_.report(Diagnostic{"E0373", Severity::Errore, span(when),
                            fmt::format("la clausola ha già il periodo «{}»: un secondo periodo non si aggiunge",
                                        prefixText(c.when)),
                            {Label{span(c.when), "primo periodo"}},
                            "scrivi un solo periodo, per esempio: dal 2023 al 2025:", {}});
    return;
  }
  c.when = when;
  c.period = clausePeriod(when);
}

std::string Builder::oneLine(antlr4::ParserRuleContext* ctx) const {
  std::string_view raw = map_.text(span(ctx));
  std::string out;
  bool space = false;
  for (char ch : raw) {
    if (ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  constexpr size_t kMax = 90;
  if (out.size() > kMax) {
    size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // a whole UTF-8 character
    out = out.substr(0, cut) + " …";
  }
  return out;
}

std::vector<antlr4::ParserRuleContext*> Builder::inForce(const std::vector<Clause>& clauses, const std::string& block,
                                                         const std::vector<std::string>& required) {
  std::vector<antlr4::ParserRuleContext*> out;
  const std::string where = block.empty() ? "" : " di " + block;
  std::vector<bool> dropped(clauses.size(), false);  // in conflict with an earlier one: not built (no cascade)
  for (size_t i = 0; i < clauses.size(); ++i) {
    const Clause& a = clauses[i];
    if (a.when && !a.period) continue;  // already reported
    // Overlaps with an earlier clause of the same thing (one of them dated).
    for (size_t j = 0; j < i && !a.key.empty(); ++j) {
      const Clause& b = clauses[j];
      if (b.key != a.key || (!a.when && !b.when) || (b.when && !b.period)) continue;
      Period pa = a.period.value_or(Period{kDawn, std::nullopt});
      Period pb = b.period.value_or(Period{kDawn, std::nullopt});
      if (overlap(pa, pb)) {
        std::string aw = a.when ? "«" + prefixText(a.when) + "»" : "senza periodo (sempre)";
        std::string bw = b.when ? "«" + prefixText(b.when) + "»" : "senza periodo (sempre)";
        sink_.report(Diagnostic{"E0370", Severity::Errore, span(a.when ? static_cast<antlr4::ParserRuleContext*>(a.when) : a.whole),
                                fmt::format("due clausole per «{}»{} valgono negli stessi anni: {} e {}", a.key, where,
                                            aw, bw),
                                {Label{span(b.whole), "l'altra clausola"}},
                                "dai alle clausole periodi che non si sovrappongono, per esempio «fino al 2023:» e "
                                "«dal 2024:»",
                                {}});
        dropped[i] = true;
        break;
      } else if (year_ && pa.overlapsYear(*year_) && pb.overlapsYear(*year_)) {
        sink_.report(Diagnostic{"E0371", Severity::Errore, span(a.when),
                                fmt::format("due clausole per «{}»{} valgono entrambe nel {} («{}» e «{}»): la "
                                            "valutazione è annuale e ne serve una sola per anno",
                                            a.key, where, *year_, prefixText(a.when), prefixText(b.when)),
                                {Label{span(b.whole), "l'altra clausola"}},
                                "scrivi i periodi per anni interi, per esempio «fino al 2023:» e «dal 2024:»", {}});
        dropped[i] = true;
        break;
      }
    }
  }
  for (size_t i = 0; i < clauses.size(); ++i) {
    const Clause& c = clauses[i];
    if (dropped[i]) continue;
    if (!c.when) {
      out.push_back(c.item);
      continue;
    }
    if (!c.period) continue;
    bool applies = year_ && c.period->overlapsYear(*year_);
    std::string text = oneLine(c.item);
    if (block.empty())  // a declaration: its first line is enough
      if (size_t brace = text.find(" {"); brace != std::string::npos) text = text.substr(0, brace);
    std::string declared;
    if (block.empty())
      if (P::NomeContext* name = declaredName(static_cast<P::DichiarazioneContext*>(c.item))) declared = ident(name).name;
    into_->dated.push_back(
        ast::DatedClause{block, prefixText(c.when), text, *c.period, applies, span(c.whole), declared});
    if (applies) out.push_back(c.item);
  }
  if (!year_) return out;
  for (const std::string& key : required) {
    const Clause* last = nullptr;
    bool any = false, allDated = true, applies = false;
    bool broken = false;  // a period already reported as wrong
    for (const Clause& c : clauses) {
      if (c.key != key) continue;
      broken |= c.when && !c.period;
      any = true;
      last = &c;
      if (!c.when) allDated = false;
      else if (c.period && c.period->overlapsYear(*year_)) applies = true;
    }
    if (!any || !allDated || applies || broken) continue;
    std::vector<Label> labels;
    for (const Clause& c : clauses)
      if (c.key == key) labels.push_back(Label{span(c.when), "clausola di un altro periodo"});
    sink_.report(Diagnostic{"E0372", Severity::Errore, span(last->when),
                            fmt::format("nel {} nessuna clausola per «{}»{} è in vigore", *year_, key, where),
                            std::move(labels),
                            fmt::format("aggiungi una clausola per il {} (per esempio «dal {}:») o estendi il periodo "
                                        "di una di quelle scritte",
                                        *year_, *year_),
                            {}});
  }
  return out;
}

template <class Dated, class Item, class Unwrap>
std::vector<Item*> Builder::datedItems(const std::vector<Item*>& items, Unwrap unwrap, std::string (*keyOf)(Item*),
                                       const std::string& block, const std::vector<std::string>& required) {
  std::vector<Clause> clauses;
  for (Item* item : items) {
    Clause c;
    c.whole = item;
    while (auto* d = dynamic_cast<Dated*>(item)) {
      prefix(c, d->clausolaTempo());
      item = unwrap(d);
    }
    c.item = item;
    c.key = keyOf(item);
    clauses.push_back(c);
  }
  std::vector<Item*> out;
  for (antlr4::ParserRuleContext* i : inForce(clauses, block, required)) out.push_back(static_cast<Item*>(i));
  return out;
}

std::vector<P::VoceProfiloContext*> Builder::profileItems(P::DichProfiloContext* ctx, const std::string& block) {
  return datedItems<P::VoceProfiloDatataContext>(
      ctx->voceProfilo(), [](auto* d) { return d->voceProfilo(); }, profileKey, block, {"premio"});
}

std::vector<P::VoceObiettivoContext*> Builder::objectiveItems(const std::vector<P::VoceObiettivoContext*>& items,
                                                             const std::string& block) {
  return datedItems<P::VoceObiettivoDatataContext>(
      items, [](auto* d) { return d->voceObiettivo(); }, objectiveKey, block, {"assegnato", "misura"});
}

std::vector<P::VoceFondoContext*> Builder::fundItems(P::DichFondoContext* ctx, const std::string& block) {
  return datedItems<P::VoceFondoDatataContext>(
      ctx->voceFondo(), [](auto* d) { return d->voceFondo(); }, fundKey, block, {"importo"});
}

std::vector<P::DichiarazioneContext*> Builder::declarations(P::ProgrammaContext* ctx) {
  std::vector<Clause> clauses;
  for (P::DichiarazioneContext* item : ctx->dichiarazione()) {
    Clause c;
    c.whole = item;
    while (auto* d = dynamic_cast<P::DichDatataContext*>(item)) {
      prefix(c, d->clausolaTempo());
      item = d->dichiarazione();
    }
    c.item = item;
    c.key = declarationKey(item);
    bool undatable = dynamic_cast<P::DichEnteContext*>(item) || dynamic_cast<P::DichAnnoContext*>(item) ||
                     dynamic_cast<P::DichUsaContext*>(item);
    if (c.when && undatable) {
      sink_.error("E0375", span(c.when),
                  fmt::format("«{}» non si può limitare a un periodo", item->start->getText()),
                  item->start->getText() == "usa"
                      ? "un modulo dice da sé quando vale: modulo NOME \"titolo\" vigente dal GG/MM/AAAA"
                      : "togli il periodo: l'anno di valutazione si sceglie con «anno» o con --anno");
      continue;
    }
    clauses.push_back(c);
  }
  std::vector<P::DichiarazioneContext*> out;
  for (antlr4::ParserRuleContext* i : inForce(clauses, "", {}))
    out.push_back(static_cast<P::DichiarazioneContext*>(i));
  return out;
}

}  // namespace misura::syntax
