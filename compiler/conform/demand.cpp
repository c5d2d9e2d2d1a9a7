// The generic checks behind `richiede ...` (see demand.h): presence of an
// element with a theme, its effective weight against a threshold, a
// component, the art. 81 maggiorazione of the person's fund.
#include "compiler/conform/demand.h"

#include <algorithm>

#include <fmt/format.h>

#include "compiler/ast/print.h"
#include "compiler/conform/conform.h"

namespace misura::conform {

namespace {

using sema::Share;

const char* kindWord(Share::Kind k) {
  switch (k) {
    case Share::Kind::Obiettivo: return "obiettivo";
    case Share::Kind::Componente: return "componente";
    case Share::Kind::Comportamento: return "comportamento";
  }
  return "voce";
}

// The share that counts against a legal minimum: of the money when the
// premio is split by objective; else of the score, or the part of the
// premio a gate on the objective withholds, whichever is larger (both are
// money that depends on the objective alone).
Rational counted(const Share& s, bool byPremio) {
  if (byPremio && s.ofPremio) return *s.ofPremio;
  return s.gated && *s.gated > s.ofScore ? *s.gated : s.ofScore;
}

// "del punteggio", "del premio", "del premio (soglia su esito)".
const char* ofWhat(const Share& s, bool byPremio) {
  if (byPremio && s.ofPremio) return "del premio";
  return s.gated && *s.gated > s.ofScore ? "del premio, trattenuto se l'obiettivo non è raggiunto" : "del punteggio";
}

// "(componente obiettivi: 60 punti su 100 × peso 30 su 100)"
std::string how(const Share& s) {
  return fmt::format("(componente {}: {} punti su 100 × peso {} su {})", s.component, ast::printNumber(s.componentMax),
                     ast::printNumber(s.weight), ast::printNumber(s.weightTotal));
}

std::string thresholdText(const ast::ShareThreshold& t) {
  return fmt::format("{} {}%", t.strict ? "oltre il" : "almeno il", ast::printNumber(t.percent));
}

bool meets(const Rational& value, const ast::ShareThreshold& t) {
  Rational bound = t.percent / 100;
  return t.strict ? value > bound : value >= bound;
}

std::string profileName(const sema::Checked& c, const sema::ProfileShares& s) {
  return c.profiles[s.profile].decl->name.name;
}

Finding themed(const sema::Checked& c, const ast::Demand& d, const sema::ProfileShares& shares) {
  bool objectivesOnly = d.kind == ast::Demand::Kind::Obiettivo;
  std::vector<const Share*> found;
  for (const Share& s : shares.shares)
    if ((!objectivesOnly || s.kind == Share::Kind::Obiettivo) && sema::hasTheme(s, d.theme.name)) found.push_back(&s);
  const char* what = objectivesOnly ? "obiettivo" : "elemento di valutazione";
  if (found.empty())
    return Finding{false, fmt::format("nessun {} con tema «{}»", what, d.theme.name), "0842",
                   c.profiles[shares.profile].decl->name.span,
                   fmt::format("assegna al profilo un obiettivo che attua il requisito, con la riga: tema {}", d.theme.name)};
  Rational total;
  std::string list;
  for (const Share* s : found) {
    total += counted(*s, shares.premioByObjective);
    if (!list.empty()) list += ", ";
    list += fmt::format("{} {} {} {}", kindWord(s->kind), s->code, percent(counted(*s, shares.premioByObjective)),
                        ofWhat(*s, shares.premioByObjective));
    bool byScore = std::string(ofWhat(*s, shares.premioByObjective)) == "del punteggio";
    if (d.threshold && byScore && s->kind != Share::Kind::Componente) list += " " + how(*s);
  }
  if (!d.threshold) return Finding{true, fmt::format("tema «{}»: {}", d.theme.name, list), {}, {}};
  bool ok = meets(total, *d.threshold);
  std::string sum = found.size() > 1 ? fmt::format("; in tutto {}", percent(total)) : "";
  std::string detail = fmt::format("tema «{}»: {}{}, richiesto {}", d.theme.name, list, sum,
                                   thresholdText(*d.threshold));
  return Finding{ok, detail, ok ? "" : "0843", found.front()->span,
                 shares.premioByObjective
                     ? "il premio è ripartito per obiettivo con esito(...): conta la quota del premio"
                     : "il peso effettivo è il massimo della componente per il peso dell'obiettivo diviso la somma "
                       "dei pesi: aumenta il peso o i punti della componente"};
}

Finding component(const sema::Checked& c, const ast::Demand& d, const sema::ProfileShares& shares) {
  const char* from = d.source == ast::ComponentSource::Comportamenti ? "da comportamenti" : "da obiettivi";
  for (const Share& s : shares.shares) {
    if (s.kind != Share::Kind::Componente || s.source != d.source) continue;
    if (!d.threshold) return Finding{true, fmt::format("componente {} «{}» ({} del punteggio)", from, s.code, percent(s.ofScore)), {}, {}};
    bool ok = meets(s.ofScore, *d.threshold);
    return Finding{ok,
                   fmt::format("componente {} «{}»: {} del punteggio, richiesto {}", from, s.code, percent(s.ofScore),
                               thresholdText(*d.threshold)),
                   ok ? "" : "0843", s.span};
  }
  return Finding{false, fmt::format("nessuna componente {} nel profilo «{}»", from, profileName(c, shares)), "0844",
                 c.profiles[shares.profile].decl->name.span};
}

// "ai primi 10%", "ai vincitori della graduatoria «art81» (posti 10% arrotondati per difetto)".
std::string beneficiaries(const sema::Checked& c, const sema::FundInfo& f) {
  if (!f.bonusRanking) return "ai primi " + ast::printNumber(f.bonus->share) + "%";
  const ast::Ranking& r = *c.rankings[*f.bonusRanking].decl;
  std::string places = r.places.empty() ? std::string("senza posti")
                                        : "posti " + ast::printNumber(r.places[0].value) + (r.places[0].percent ? "%" : "");
  return fmt::format("ai vincitori della graduatoria «{}» ({})", r.name.name, places);
}

Finding bonus(const sema::Checked& c, const ast::Demand& d, const sema::ProfileShares& shares) {
  const sema::ProfileInfo& p = c.profiles[shares.profile];
  Span at = p.decl->name.span;
  if (!p.fund)
    return Finding{false, fmt::format("il premio del profilo «{}» non è ripartito da un fondo con maggiorazione", p.decl->name.name),
                   "0845", at};
  const sema::FundInfo& f = c.funds[*p.fund];
  std::string required = ast::printNumber(d.percent) + "%";
  if (!f.bonus)
    return Finding{false, fmt::format("il fondo «{}» non prevede la maggiorazione (richiesta almeno {})", f.decl->name.name, required),
                   "0845", f.decl->name.span};
  bool ok = f.bonus->percent >= d.percent;
  return Finding{ok,
                 fmt::format("fondo «{}»: maggiorazione {}% {}, richiesta almeno {}", f.decl->name.name,
                             ast::printNumber(f.bonus->percent), beneficiaries(c, f), required),
                 ok ? "" : "0845", f.bonus->percentSpan};
}

// `richiede maggiorazione a quota limitata` (art. 81 c. 3): the beneficiaries
// are a share of the staff below 100%, or a fixed number of places.
Finding limitedShare(const sema::Checked& c, const ast::Demand& d, const sema::ProfileShares& shares) {
  const sema::ProfileInfo& p = c.profiles[shares.profile];
  if (!p.fund || !c.funds[*p.fund].bonus)
    return Finding{false, fmt::format("il premio del profilo «{}» non è ripartito da un fondo con maggiorazione", p.decl->name.name),
                   "0845", p.decl->name.span};
  const sema::FundInfo& f = c.funds[*p.fund];
  bool ok = f.bonus->share < 100;
  if (f.bonusRanking) {
    const ast::Ranking& r = *c.rankings[*f.bonusRanking].decl;
    ok = !r.places.empty() && (!r.places[0].percent || r.places[0].value < 100);
  }
  return Finding{ok,
                 fmt::format("fondo «{}»: maggiorazione {}{}", f.decl->name.name, beneficiaries(c, f),
                             ok ? ", quota limitata" : ", non a una quota limitata del personale"),
                 ok ? "" : "0845", f.bonus->span};
}

}  // namespace

Finding statement(const sema::Checked& c, const ast::Demand& d) {
  for (const ast::Statement& s : c.program->statements)
    if (s.name.name == d.theme.name) return Finding{true, fmt::format("dichiarato: «{}»", s.text.value), {}, {}};
  const ast::Program& p = *c.program;
  return Finding{false, fmt::format("il regolamento non contiene la dichiarazione «{}»", d.theme.name), "0848",
                 p.ente.empty() ? Span{p.file, 0, 0} : p.ente.front().span,
                 fmt::format("scrivi dove il regolamento garantisce la regola, con una riga come: dichiara {} \"art. "
                             "N del sistema: ...\"",
                             d.theme.name)};
}

// `richiede graduatoria con tema T [e posti | e requisiti]`: the rankings of
// the theme exist, and each has winners limited by `posti` (selective) or
// admission rules (`ammessi se`, `escluso se`).
Finding rankingDemand(const sema::Checked& c, const ast::Demand& d) {
  using A = ast::Demand::RankingAspect;
  std::string names;
  for (const sema::RankingInfo& r : c.rankings) {
    const ast::Ranking& g = *r.decl;
    bool themed = std::any_of(g.themes.begin(), g.themes.end(), [&](const ast::Ident& t) { return t.name == d.theme.name; });
    if (!themed) continue;
    names += (names.empty() ? "«" : ", «") + g.name.name + "»";
    bool selective = !g.places.empty() && (!g.places[0].percent || g.places[0].value < 100);
    if (d.aspect == A::Posti && !selective)
      return Finding{false, fmt::format("la graduatoria «{}» non limita i vincitori con «posti»", g.name.name), "0854",
                     g.name.span, "scrivi i posti: posti 4, oppure posti 30% arrotondati per difetto"};
    if (d.aspect == A::Requisiti && g.admitted.empty() && g.exclusions.empty())
      return Finding{false, fmt::format("la graduatoria «{}» non ha requisiti di ammissione", g.name.name), "0855",
                     g.name.span, "scrivi i requisiti: escluso se CONDIZIONE \"motivo\" (oppure ammessi se CONDIZIONE)"};
  }
  if (names.empty()) {
    const ast::Program& p = *c.program;
    return Finding{false, fmt::format("nessuna graduatoria ha il tema «{}»", d.theme.name), "0853",
                   p.ente.empty() ? Span{p.file, 0, 0} : p.ente.front().span,
                   fmt::format("aggiungi alla graduatoria la riga: tema {}", d.theme.name)};
  }
  const char* what = d.aspect == A::Posti ? ", con i posti" : d.aspect == A::Requisiti ? ", con i requisiti" : "";
  return Finding{true, fmt::format("graduatorie con il tema «{}»: {}{}", d.theme.name, names, what), {}, {}};
}

Finding checkDemand(const sema::Checked& c, const ast::Demand& d, const sema::ProfileShares& shares) {
  switch (d.kind) {
    case ast::Demand::Kind::Obiettivo:
    case ast::Demand::Kind::Elemento: return themed(c, d, shares);
    case ast::Demand::Kind::Componente: return component(c, d, shares);
    case ast::Demand::Kind::Maggiorazione: return bonus(c, d, shares);
    case ast::Demand::Kind::QuotaLimitata: return limitedShare(c, d, shares);
    case ast::Demand::Kind::Dichiarazione: return statement(c, d);
    case ast::Demand::Kind::Graduatoria: return rankingDemand(c, d);
  }
  return Finding{};
}

std::vector<const sema::Share*> ungated(const ast::Requirement& r, const sema::ProfileShares& shares) {
  std::vector<const sema::Share*> out;
  for (const Share& s : shares.shares) {
    // A gate, or a premio proportional to the esito: the share is lost with the objective.
    if (s.kind != Share::Kind::Obiettivo || s.gated || (s.ofPremio && *s.ofPremio > 0)) continue;
    // A premio proportional to the score (or to the objective's component).
    if (shares.premioFollowsTotal ||
        std::find(shares.premioFollowsComponents.begin(), shares.premioFollowsComponents.end(), s.component) !=
            shares.premioFollowsComponents.end())
      continue;
    bool themedObjective = false;
    for (const ast::Demand& d : r.demands) themedObjective |= d.kind == ast::Demand::Kind::Obiettivo && sema::hasTheme(s, d.theme.name);
    if (themedObjective) out.push_back(&s);
  }
  return out;
}

std::vector<const sema::ObjectiveInfo*> otherIndicator(const sema::Checked& c, const ast::Requirement& r,
                                                        const ast::IndicatorWarning& w,
                                                        const sema::ProfileShares& shares) {
  std::vector<const sema::ObjectiveInfo*> out;
  for (uint32_t o : shares.objectives) {
    const sema::ObjectiveInfo& info = c.objectives[o];
    bool themedObjective = false;
    for (const ast::Demand& d : r.demands)
      for (const ast::Ident& t : info.decl->themes)
        themedObjective |= d.kind == ast::Demand::Kind::Obiettivo && t.name == d.theme.name;
    if (themedObjective && info.measure && info.measure->indicator.name != w.indicator.name) out.push_back(&info);
  }
  return out;
}

}  // namespace misura::conform
