// Checks of `obiettivo` declarations: one assignment, weight and measure
// each; the measure's indicator, arguments and data; the missing-data rule;
// the years it is evaluated in (`valutato nel`); and, per profile, the
// weights of the objectives of this year, which add up to 100.
#include <algorithm>

#include <fmt/format.h>

#include "compiler/sema/checker.h"
#include "compiler/sema/effective.h"
#include "compiler/support/suggest.h"

namespace misura::sema {

namespace {

// Reports a voce that is missing or written more than once; returns whether
// exactly one is there.
template <typename T, typename SpanOf>
bool exactlyOne(Diagnostics& diags, const ast::Objective& o, const std::vector<T>& items, const char* what,
                const char* example, SpanOf spanOf, bool required = true) {
  if (items.empty() && required) {
    diags.error("E0211", o.code.span, fmt::format("all'obiettivo «{}» manca {}", o.code.name, what),
                fmt::format("aggiungi una riga come: {}", example));
    return false;
  }
  for (size_t i = 1; i < items.size(); ++i)
    diags.error("E0212", spanOf(items[i]), fmt::format("l'obiettivo «{}» dichiara {} più di una volta", o.code.name, what));
  return items.size() == 1;
}

}  // namespace

void Checker::checkObjectives() {
  objectiveIndex_ = indexNames(program_.objectives, [](const ast::Objective& o) -> const ast::Ident& { return o.code; },
                               "obiettivo");
  for (const ast::Objective& o : program_.objectives) out_.objectives.push_back(checkObjective(o));
  for (const ast::ObjectiveTemplate& t : program_.objectiveTemplates) checkObjectiveTemplate(t);
}

ObjectiveInfo Checker::checkObjective(const ast::Objective& o) {
  ObjectiveInfo info;
  info.decl = &o;
  info.premioOnly = !o.premioOnly.empty();
  if (o.weights.empty()) {
    if (!weightOptional(info))
      exactlyOne(diags_, o, o.weights, "il peso", "peso 20", [](const ast::Weight& w) { return w.span; });
  } else {
    checkWeights(info, o);
  }
  if (exactlyOne(diags_, o, o.deadlines, "il termine", "termine 31/12/2024",
                 [](const ast::Deadline& d) { return d.span; }, false))
    checkDeadline(info, o.deadlines[0]);
  if (exactlyOne(diags_, o, o.sources, "la fonte", "fonte \"...\"", [](const ast::Text& t) { return t.span; }, false))
    info.source = o.sources[0].value;
  if (exactlyOne(diags_, o, o.assignments, "l'assegnazione", "assegnato a tutti",
                 [](const ast::Assignment& a) { return a.span; }))
    checkAssignment(info, o.assignments[0]);
  if (exactlyOne(diags_, o, o.onMissing, "la regola per il dato non rilevato", "", [](const ast::OnMissing& m) { return m.span; },
                 false)) {
    const ast::OnMissing& m = o.onMissing[0];
    info.onMissing = &m;
    if (!m.neutralize) {
      const auto* lit = std::get_if<ast::NumberLit>(&m.value->node);
      if (!lit || lit->unit != ast::Unit::Percento || lit->value < 0 || lit->value > 100)
        diags_.error("E0305", m.value->span, "l'esito di un obiettivo non rilevato va scritto come percentuale da 0% a 100%",
                     "per esempio: se non rilevato: 0%   oppure: se non rilevato: neutralizzato");
      else
        info.fixedEsito = lit->value / 100;
    }
  }
  if (exactlyOne(diags_, o, o.evaluatedIn, "gli anni di valutazione", "", [](const ast::EvaluatedYears& y) { return y.span; },
                 false))
    checkYears(info, o.evaluatedIn[0]);
  if (exactlyOne(diags_, o, o.phases, "le fasi", "", [](const ast::Phases& p) { return p.span; }, false))
    checkPhases(info, o.phases[0]);
  if (exactlyOne(diags_, o, o.measures, "la misura", "misura almeno(80%) su rilevazioni.valore",
                 [](const ast::Measure& m) { return m.span; }))
    checkMeasure(info, o.measures[0]);
  checkObjectiveScoring(info, o);
  return info;
}

// `valutato nel 2024`: E0296 for a number that is not a plausible year, E0297 for a repeated one.
void Checker::checkYears(ObjectiveInfo& info, const ast::EvaluatedYears& y) {
  for (const auto& [q, span] : y.years) {
    if (!q.isInteger() || q < 2000 || q > 2100) {
      diags_.error("E0296", span, fmt::format("anno di valutazione non plausibile: {}", formatExact(q)),
                   "l'anno va scritto con quattro cifre, per esempio: valutato nel 2024");
      continue;
    }
    int year = static_cast<int>(*q.toLong());
    if (std::find(info.years.begin(), info.years.end(), year) != info.years.end())
      diags_.error("E0297", span, fmt::format("l'anno {} è ripetuto", year));
    else
      info.years.push_back(year);
  }
  info.evaluatedThisYear = info.years.empty() || out_.anno == 0 ||
                           std::find(info.years.begin(), info.years.end(), out_.anno) != info.years.end();
}

void Checker::checkAssignment(ObjectiveInfo& info, const ast::Assignment& a) {
  info.assignment = &a;
  checkPeriods(a);
  if (a.kind == ast::Assignment::Kind::Dove) {
    // The objective is known: a lookup in a table keyed by objective reads its row.
    Type t = expr(*a.where, Scope{Scope::Kind::Person, nullptr, 0, &info});
    expectType(*a.where, t, Type::Booleano, "dopo «dove»");
    return;
  }
  if (a.kind != ast::Assignment::Kind::Profili) return;
  info.profiles = resolveProfiles(a.profiles, !info.premioOnly);
}

std::vector<uint32_t> Checker::resolveProfiles(const std::vector<ast::Ident>& names, bool needsObjectives) {
  std::vector<uint32_t> out;
  for (const ast::Ident& p : names) {
    auto it = profileIndex_.find(p.name);
    if (it == profileIndex_.end()) {
      undeclared("profilo", p, profileIndex_);
      continue;
    }
    if (needsObjectives && !hasObjectivesComponent(it->second))
      diags_.error("E0218", p.span,
                   fmt::format("il profilo «{}» non ha una componente «da obiettivi»: l'obiettivo non conterebbe", p.name));
    out.push_back(it->second);
  }
  return out;
}

// Whether some `obiettivi da TABELLA` may give profile `p` objectives in its component `ci`.
bool Checker::templateMayApply(uint32_t p, uint32_t ci) const {
  for (const ObjectiveTemplateInfo& t : out_.objectiveTemplates) {
    const ObjectiveInfo& o = t.objective;
    if (!o.assignment || !o.evaluatedThisYear || o.premioOnly || componentOf(o, p) != ci) continue;
    if (o.assignment->kind != ast::Assignment::Kind::Profili ||
        std::find(o.profiles.begin(), o.profiles.end(), p) != o.profiles.end())
      return true;
  }
  return false;
}

const ast::Weight* staticWeight(const ObjectiveInfo& o, uint32_t p) {
  for (const WeightRuleInfo& r : o.weightRules) {
    using K = ast::Assignment::Kind;
    switch (r.decl->who->kind) {
      case K::Tutti: return r.decl;
      case K::Profili:
        if (std::find(r.profiles.begin(), r.profiles.end(), p) != r.profiles.end()) return r.decl;
        break;
      case K::Matricole:
      case K::Dove: return nullptr;
    }
  }
  if (!o.hasDefaultWeight) return nullptr;
  for (const ast::Weight& w : o.decl->weights)
    if (!w.who) return &w;
  return nullptr;
}

void Checker::checkStaticWeights() {
  for (uint32_t p = 0; p < out_.profiles.size(); ++p) {
    if (out_.profiles[p].decl->notEvaluated || !hasObjectivesComponent(p)) continue;
    const ast::Profile& decl = *out_.profiles[p].decl;
    const std::vector<uint32_t> comps = objectiveComponents(p);
    for (uint32_t ci : comps) {
      const ast::Component& comp = decl.components[ci];
      // Relative and equal weights need not add up to 100 (docs/linguaggio.md § 4).
      if (!comp.relativeWeights.empty() || !comp.equalWeights.empty()) continue;
      Rational sum;
      bool dynamic = false;
      std::vector<Label> labels;
      for (const ObjectiveInfo& o : out_.objectives) {
        if (!o.assignment || !o.evaluatedThisYear || o.premioOnly) continue;  // not in this year's weights
        using K = ast::Assignment::Kind;
        bool applies = o.assignment->kind == K::Tutti ||
                       (o.assignment->kind == K::Profili &&
                        std::find(o.profiles.begin(), o.profiles.end(), p) != o.profiles.end());
        bool here = componentOf(o, p) == ci;
        if (applies && !componentOf(o, p)) {  // already reported (E0359/E0361): no sum to check
          sum = 100;
          dynamic = false;
          break;
        }
        dynamic |= (o.assignment->kind == K::Matricole || o.assignment->kind == K::Dove) && here;
        if (!applies || !here) continue;
        if (!o.weightsOk) {  // already reported (E0211/E0212): no sum to check
          sum = 100;
          dynamic = false;
          break;
        }
        const ast::Weight* w = staticWeight(o, p);
        if (!w) {  // depends on the person (`per "matricola"`, `per personale dove`)
          dynamic = true;
          continue;
        }
        sum += w->value;
        labels.push_back(Label{w->valueSpan, fmt::format("{}: peso {}", o.decl->code.name, formatExact(w->value))});
      }
      dynamic |= templateMayApply(p, ci);  // objectives from data: known at evaluation
      if (sum == 100 || (dynamic && sum < 100)) continue;
      std::string of = comps.size() == 1 ? fmt::format("del profilo «{}»", decl.name.name)
                                         : fmt::format("della componente «{}» del profilo «{}»", comp.name.name, decl.name.name);
      std::string msg = dynamic
          ? fmt::format("gli obiettivi assegnati a tutto il profilo «{}» pesano già {}, più di 100", decl.name.name,
                        formatExact(sum))
          : fmt::format("i pesi degli obiettivi {} sommano a {} invece di 100", of, formatExact(sum));
      if (dynamic && comps.size() > 1) msg += fmt::format(" nella componente «{}»", comp.name.name);
      diags_.report(Diagnostic{"E0401", Severity::Errore, decl.name.span, msg, std::move(labels),
                               comps.size() == 1 ? "i pesi degli obiettivi di ogni persona devono sommare a 100"
                                                 : "i pesi degli obiettivi di ogni componente devono sommare a 100; "
                                                   "se il regolamento rapporta ogni peso alla somma dei pesi, scrivi "
                                                   "nella componente: con pesi relativi",
                               {}});
    }
  }
}

}  // namespace misura::sema
