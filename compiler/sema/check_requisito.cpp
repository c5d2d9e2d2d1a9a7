// Checks of legal requirements (`requisito`), roles (`ruolo`) and themes
// (`tema`). Whether a requirement holds is decided later, for a year, by
// compiler/conform; here only what can be wrong in the text itself.
#include <set>

#include <fmt/format.h>

#include "compiler/sema/checker.h"
#include "compiler/support/suggest.h"

namespace misura::sema {

namespace {

// E0211 for a missing item, E0212 for each repetition; true if exactly one.
template <typename T, typename SpanOf>
bool oneItem(Diagnostics& diags, const ast::Requirement& r, const std::vector<T>& items, const char* what,
             const char* example, SpanOf spanOf, bool required) {
  if (items.empty() && required) {
    diags.error("E0211", r.name.span, fmt::format("al requisito «{}» manca {}", r.name.name, what),
                fmt::format("aggiungi una riga come: {}", example));
    return false;
  }
  for (size_t i = 1; i < items.size(); ++i)
    diags.error("E0212", spanOf(items[i]), fmt::format("il requisito «{}» dichiara {} più di una volta", r.name.name, what));
  return items.size() == 1;
}

bool validPercent(const Rational& p) { return p > 0 && p <= 100; }

// The themes the requirements ask for.
std::set<std::string> demandedThemes(const ast::Program& program) {
  std::set<std::string> out;
  for (const ast::Requirement& r : program.requirements)
    for (const ast::Demand& d : r.demands)
      if (d.kind == ast::Demand::Kind::Obiettivo || d.kind == ast::Demand::Kind::Elemento ||
          d.kind == ast::Demand::Kind::Graduatoria)
        out.insert(d.theme.name);
  return out;
}

}  // namespace

void Checker::checkRoles() {
  roleIndex_ = indexNames(program_.roles, [](const ast::Role& r) -> const ast::Ident& { return r.name; }, "ruolo");
  std::set<std::string> used;
  for (const ast::Requirement& r : program_.requirements)
    for (const ast::Addressees& a : r.addressees)
      if (!a.everyone) used.insert(a.role.name);
  for (const ast::Role& r : program_.roles) {
    RoleInfo info{&r, {}};
    if (r.kind == ast::Role::Kind::Dove) checkRoleCondition(r);
    for (const ast::Ident& p : r.profiles) {
      auto it = profileIndex_.find(p.name);
      if (it == profileIndex_.end()) undeclared("profilo", p, profileIndex_);
      else info.profiles.push_back(it->second);
    }
    if (!used.count(r.name.name)) {
      std::vector<std::string> names(used.begin(), used.end());
      diags_.warning("W0835", r.name.span,
                     fmt::format("il ruolo «{}» non è usato da nessun requisito", r.name.name),
                     didYouMean(r.name.name, names).empty()
                         ? "i ruoli servono ai requisiti di legge (si applica a ruolo ...): controlla il nome"
                         : didYouMean(r.name.name, names));
    }
    out_.roles.push_back(std::move(info));
  }
}

void Checker::checkRequirements() {
  indexNames(program_.requirements, [](const ast::Requirement& r) -> const ast::Ident& { return r.name; }, "requisito");
  for (const ast::Requirement& r : program_.requirements) checkRequirement(r);
  checkStatements();
}

// A statement no requirement asks for is most likely a misspelling.
void Checker::checkStatements() {
  indexNames(program_.statements, [](const ast::Statement& s) -> const ast::Ident& { return s.name; }, "dichiarazione");
  std::set<std::string> asked;
  for (const ast::Requirement& r : program_.requirements)
    for (const ast::Demand& d : r.demands)
      if (d.kind == ast::Demand::Kind::Dichiarazione) asked.insert(d.theme.name);
  std::vector<std::string> names(asked.begin(), asked.end());
  for (const ast::Statement& s : program_.statements) {
    if (asked.count(s.name.name)) continue;
    std::string hint = didYouMean(s.name.name, names);
    diags_.warning("W0836", s.name.span,
                   fmt::format("la dichiarazione «{}» non è richiesta da nessun requisito in uso", s.name.name),
                   hint.empty() ? "le dichiarazioni rispondono a una riga «richiede dichiarazione NOME» di un requisito"
                                : hint);
  }
}

void Checker::checkRequirement(const ast::Requirement& r) {
  RequirementInfo info;
  info.decl = &r;
  auto spanOf = [](const auto& item) { return item.span; };
  if (oneItem(diags_, r, r.citations, "la citazione", "citazione \"art. 9, c. 1, D.Lgs. 27.10.2009 n. 150\"",
              [](const ast::Text& t) { return t.span; }, true))
    info.citation = r.citations[0].value;
  if (oneItem(diags_, r, r.validities, "il periodo di vigenza", "vigente dal 01/01/2024", spanOf, true)) {
    info.period = r.validities[0].period;  // a reversed period is E0806 (syntax)
  }
  oneItem(diags_, r, r.warningLevel, "il livello", "livello avviso", [](Span s) { return s; }, false);
  info.warningLevel = !r.warningLevel.empty();
  if (oneItem(diags_, r, r.addressees, "a chi si applica", "si applica a ruolo responsabili", spanOf, false)) {
    info.addressees = &r.addressees[0];
    if (!info.addressees->everyone) {
      auto it = roleIndex_.find(info.addressees->role.name);
      if (it != roleIndex_.end()) info.role = it->second;
    }
  }
  if (r.demands.empty())
    diags_.error("E0211", r.name.span, fmt::format("al requisito «{}» manca che cosa richiede", r.name.name),
                 "aggiungi una riga come: richiede obiettivo con tema accessibilità");
  for (const ast::Demand& d : r.demands) checkDemand(r, d);
  bool objectiveDemand = false;
  for (const ast::Demand& d : r.demands) objectiveDemand |= d.kind == ast::Demand::Kind::Obiettivo;
  std::vector<Span> warnings;
  for (const ast::IndicatorWarning& w : r.indicatorWarnings) warnings.push_back(w.span);
  for (const ast::GateWarning& w : r.gateWarnings) warnings.push_back(w.span);
  for (Span w : warnings)
    if (!objectiveDemand)
      diags_.error("E0832", w,
                   fmt::format("l'avviso del requisito «{}» non ha obiettivi a cui riferirsi", r.name.name),
                   "l'avviso riguarda gli obiettivi di una riga «richiede obiettivo con tema ...» dello stesso requisito");
  out_.requirements.push_back(std::move(info));
}

void Checker::checkDemand(const ast::Requirement& r, const ast::Demand& d) {
  if (d.threshold && !validPercent(d.threshold->percent))
    diags_.error("E0831", d.threshold->span, "la soglia di un peso effettivo va da più di 0% a 100%",
                 "per esempio: peso effettivo almeno 30%");
  if (d.kind == ast::Demand::Kind::Maggiorazione && !validPercent(d.percent))
    diags_.error("E0831", d.span, "la maggiorazione richiesta va da più di 0% a 100%",
                 "per esempio: richiede maggiorazione almeno 30%");
  if (!r.addressees.empty()) return;
  bool personal = d.threshold.has_value() || d.kind == ast::Demand::Kind::Componente || d.kind == ast::Demand::Kind::Maggiorazione ||
                  d.kind == ast::Demand::Kind::QuotaLimitata;
  if (personal)
    diags_.error("E0833", d.span,
                 fmt::format("il requisito «{}» riguarda il piano nel suo insieme: questa richiesta vale solo per "
                             "persone (pesi, componenti, fondi)",
                             r.name.name),
                 "aggiungi una riga «si applica a tutti» oppure «si applica a ruolo NOME»");
}

// A theme that no requirement asks for is most likely a misspelling.
void Checker::checkThemes() {
  std::set<std::string> demanded = demandedThemes(program_);
  std::vector<std::string> names(demanded.begin(), demanded.end());
  auto check = [&](const ast::Ident& theme) {
    if (demanded.count(theme.name)) return;
    std::string hint = didYouMean(theme.name, names);
    diags_.warning("W0834", theme.span,
                   fmt::format("il tema «{}» non è richiesto da nessun requisito in uso", theme.name),
                   hint.empty() ? "i temi collegano obiettivi e voci ai requisiti di legge (usa legge....): controlla "
                                  "il nome o il modulo usato"
                                : hint);
  };
  for (const ast::Objective& o : program_.objectives)
    for (const ast::Ident& t : o.themes) check(t);
  for (const ast::Profile& p : program_.profiles)
    for (const ast::Component& c : p.components)
      for (const ast::Ident& t : c.themes) check(t);
  for (const ast::Catalogue& c : program_.catalogues)
    for (const ast::BehaviourItem& b : c.items)
      for (const ast::Ident& t : b.themes) check(t);
  for (const ast::Ranking& r : program_.rankings)
    for (const ast::Ident& t : r.themes) check(t);
  // The objectives read from the data carry the block's themes.
  for (const ast::ObjectiveTemplate& o : program_.objectiveTemplates)
    for (const ast::Ident& t : o.body.themes) check(t);
}

}  // namespace misura::sema
