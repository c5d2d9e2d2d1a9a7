// Before any score: who has which objective, whether every person's weights
// add up to 100, and the objectives' constant arguments.
#include <algorithm>

#include <fmt/format.h>

#include "runtime/eval/session.h"

namespace misura::eval {

namespace {

bool hasObjectivesComponent(const ir::Profile& profile) {
  return std::any_of(profile.components.begin(), profile.components.end(),
                     [](const ir::Component& c) { return c.source == ir::ComponentSource::Obiettivi; });
}

template <typename T>
bool contains(const std::vector<T>& list, const T& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// `peso = espressione`: the person's weight of `o` from the data. E0641 if
// non rilevato (no row, empty cell), E0642 if not positive.
bool weightFromData(const Session& s, const ir::Objective& o, Person& p, bool& ok) {
  interp::Context ctx;
  ctx.module = &s.module;
  ctx.person = &p.staff->values;
  ctx.service = p.service;
  addLookups(s, &p, &o, ctx);
  std::vector<interp::TraceEntry> trace;
  ctx.trace = &trace;
  interp::Result r = interp::run(*o.weightExpr, ctx);
  auto fail = [&](Diagnostic d) {
    if (d.span.file == o.weightExpr->span.file && d.span.begin == o.weightExpr->span.begin)
      d.labels.erase(d.labels.begin());  // located at `peso = ...` already
    PersonErrors(s.diags, p).report(std::move(d));
    p.weightMissing = true;
    ok = false;
    return false;
  };
  if (const interp::RuntimeError* e = std::get_if<interp::RuntimeError>(&r)) {
    PersonErrors(s.diags, p).runtime(*e, fmt::format("peso dell'obiettivo {}", o.code));
    p.weightMissing = true;
    ok = false;
    return false;
  }
  Span cell;  // the data cell the weight was read from, if any
  for (const interp::TraceEntry& t : trace)
    if (t.op == ir::Op::LoadCell && t.source.valid()) cell = t.source;
  const ir::Value& v = std::get<ir::Value>(r);
  const Rational* q = std::get_if<Rational>(&v);
  if (!q)
    return fail(Diagnostic{"E0641", Severity::Errore, cell.valid() ? cell : o.weightExpr->span,
                           fmt::format("obiettivo {}: il peso della matricola {} non è rilevato", o.code, p.matricola),
                           {Label{o.weightExpr->span, "peso = ..."}, Label{personSpan(p), fmt::format("matricola {}", p.matricola)}},
                           "l'obiettivo è assegnato a questa persona ma nei dati manca la riga o la cella del suo peso: "
                           "completa i dati, o assegna l'obiettivo solo a chi ha un peso (assegnato a personale dove "
                           "rilevato(...))",
                           {}});
  if (q->sign() <= 0)
    return fail(Diagnostic{"E0642", Severity::Errore, cell.valid() ? cell : o.weightExpr->span,
                           fmt::format("obiettivo {}: il peso della matricola {} è {}, ma deve essere maggiore di zero",
                                       o.code, p.matricola, formatExact(*q)),
                           {Label{o.weightExpr->span, "peso = ..."}}, "correggi il peso nei dati", {}});
  p.weights.push_back(*q);
  p.weightRules.push_back(std::nullopt);
  p.weightCells.resize(p.weights.size() - 1);
  p.weightCells.push_back(cell);
  return true;
}

// Whether `a` (an objective's `assegnato a`, or a `peso N per`) designates
// `p`; reports an error of a `dove` condition (in `what`) and clears `ok`.
bool designates(const Session& s, const ir::Assignment& a, const Person& p, const std::string& what, bool& ok,
                const ir::Objective* objective = nullptr) {
  switch (a.kind) {
    case ir::Assignment::Kind::Tutti: return true;
    case ir::Assignment::Kind::Profili: return contains(a.profiles, p.profile);
    case ir::Assignment::Kind::Matricole: return contains(a.persons, p.matricola);
    case ir::Assignment::Kind::Dove: break;
  }
  interp::Context ctx;
  ctx.module = &s.module;
  ctx.person = &p.staff->values;
  ctx.service = p.service;
  addLookups(s, &p, objective, ctx);
  interp::Result r = interp::run(a.where, ctx);
  if (const interp::RuntimeError* e = std::get_if<interp::RuntimeError>(&r)) {
    PersonErrors errors(s.diags, p);
    errors.runtime(*e, what);
    ok = false;
    return false;
  }
  const ir::Value& v = std::get<ir::Value>(r);
  if (const bool* yes = std::get_if<bool>(&v)) return *yes;
  if (std::holds_alternative<ir::Missing>(v)) return false;  // `dove` over an empty optional field
  PersonErrors(s.diags, p).report(Diagnostic{"E0600", Severity::Errore, a.span,
                                             "errore interno nel piano di valutazione: la condizione di "
                                             "assegnazione non dà un booleano",
                                             {}, "segnala il problema a chi mantiene Misura", {}});
  ok = false;
  return false;
}

bool isAssigned(const Session& s, const ir::Objective& o, const Person& p, bool& ok) {
  return designates(s, o.assignment, p, fmt::format("assegnazione dell'obiettivo {}", o.code), ok, &o);
}

// The weight of objective `o` for `p`: the first `peso N per` line that
// designates them, else the plain `peso N`; E0630 if there is neither.
bool assignWeight(const Session& s, const ir::Objective& o, Person& p, bool& ok) {
  if (o.weightExpr) return weightFromData(s, o, p, ok);
  for (uint32_t i = 0; i < o.weightRules.size(); ++i)
    if (designates(s, o.weightRules[i].who, p, fmt::format("peso dell'obiettivo {}", o.code), ok)) {
      p.weights.push_back(o.weightRules[i].weight);
      p.weightRules.push_back(i);
      return true;
    }
  if (o.hasDefaultWeight) {
    p.weights.push_back(o.weight);
    p.weightRules.push_back(std::nullopt);
    return true;
  }
  Diagnostic d{"E0630", Severity::Errore, o.span,
               fmt::format("obiettivo {}: nessun peso per la matricola {} (profilo {})", o.code, p.matricola,
                           s.module.profiles[p.profile].name),
               {Label{personSpan(p), fmt::format("matricola {}", p.matricola)}},
               "nessuna riga «peso N per ...» riguarda questa persona e l'obiettivo non ha un peso generale: "
               "aggiungi una riga «peso N» senza «per», oppure una riga «peso N per ...» che la comprenda",
               {}};
  PersonErrors(s.diags, p).report(std::move(d));
  p.weightMissing = true;
  ok = false;
  return false;
}

// The component of the person's profile that objective `o` counts in
// (docs/linguaggio.md § 5): the one it names, else the profile's only `da
// obiettivi` component. `place` is set to none for `solo per il premio`.
// E0650 / E0651 when the profile does not say (a person assigned by
// matricola or condition: sema checked the profiles assigned as a whole).
bool placeObjective(const Session& s, const ir::Objective& o, const Person& p, std::optional<uint32_t>& place) {
  place.reset();
  if (o.premioOnly) return true;
  const ir::Profile& profile = s.module.profiles[p.profile];
  std::vector<uint32_t> comps;
  for (uint32_t i = 0; i < profile.components.size(); ++i)
    if (profile.components[i].source == ir::ComponentSource::Obiettivi) comps.push_back(i);
  for (uint32_t i : comps)
    if (profile.components[i].name == o.component) place = i;
  if (place) return true;
  if (o.component.empty() && comps.size() <= 1) {
    if (!comps.empty()) place = comps[0];
    return true;
  }
  std::string names;
  for (uint32_t i : comps) names += (names.empty() ? "«" : ", «") + profile.components[i].name + "»";
  Diagnostic d{o.component.empty() ? "E0650" : "E0651", Severity::Errore, o.span,
               o.component.empty()
                   ? fmt::format("obiettivo {}: il profilo {} della matricola {} ha più componenti da obiettivi e "
                                 "l'obiettivo non dice in quale conta",
                                 o.code, profile.name, p.matricola)
                   : fmt::format("obiettivo {}: il profilo {} della matricola {} non ha la componente «{}»", o.code,
                                 profile.name, p.matricola, o.component),
               {Label{personSpan(p), fmt::format("matricola {}", p.matricola)}},
               "le componenti da obiettivi del profilo sono: " + names +
                   "; scrivi nell'obiettivo: componente NOME, oppure correggi «assegnato a»",
               {}};
  PersonErrors(s.diags, p).report(std::move(d));
  return false;
}

// `component`: with several `da obiettivi` components, the one whose weights are wrong.
void reportWeights(const Session& s, const Person& p, const Rational& sum, const ir::Component* component = nullptr) {
  const ir::Profile& profile = s.module.profiles[p.profile];
  Diagnostic d{"E0604", Severity::Errore, personSpan(p), {}, {}, {}, {}};
  if (component && p.objectives.empty()) {
    d.message = fmt::format("alla matricola {} (profilo {}) non è assegnato nessun obiettivo della componente «{}»",
                            p.matricola, profile.name, component->name);
    d.hint = "ogni componente da obiettivi ha bisogno di almeno un obiettivo: scrivi «componente " + component->name +
             "» negli obiettivi che vi contano, o correggi «assegnato a»";
  } else if (component) {
    d.message = fmt::format("i pesi degli obiettivi della componente «{}» assegnati alla matricola {} sommano a {} invece di 100",
                            component->name, p.matricola, formatExact(sum));
    d.hint = "per ogni persona i pesi degli obiettivi di ogni componente devono sommare a 100; se il regolamento "
             "rapporta ogni peso alla somma dei pesi, scrivi nella componente: con pesi relativi";
  } else if (p.objectives.empty()) {
    d.message = fmt::format("alla matricola {} (profilo {}) non è assegnato nessun obiettivo", p.matricola,
                            profile.name);
    d.hint = "il profilo ha una componente da obiettivi: assegna a questa persona obiettivi per un peso totale di 100";
  } else {
    d.message = fmt::format("i pesi degli obiettivi assegnati alla matricola {} sommano a {} invece di 100",
                            p.matricola, formatExact(sum));
    d.hint = "per ogni persona i pesi dei suoi obiettivi devono sommare a 100: correggi i pesi o le righe "
             "«assegnato a» degli obiettivi elencati";
  }
  for (size_t k = 0; k < p.objectives.size(); ++k) {
    const ir::Objective& obj = s.module.objectives[p.objectives[k]];
    // An objective read from the data is shown at its row.
    Span at = obj.fromTemplate ? obj.row : obj.span;
    d.labels.push_back(Label{at, fmt::format("{}: peso {}", obj.code, formatExact(p.weights[k]))});
  }
  s.diags.report(std::move(d));
}

}  // namespace

Span personSpan(const Person& p) { return p.staff->span; }

std::vector<Person> preparePersons(const Session& s, bool& ok) {
  const data::Table& staff = s.data.tables[ir::kStaff];
  std::vector<Person> persons;
  persons.reserve(staff.rows.size());  // grown by doubling, a million persons would leave a quarter unused
  for (uint32_t r = 0; r < staff.rows.size(); ++r) {
    Person p;
    p.row = r;
    p.staff = &staff.rows[r];
    p.matricola = p.staff->key.front();
    p.profile = s.data.staffProfiles.at(r);
    p.service = serviceOf(s, p, ok);
    p.notEvaluated = notEvaluatedReason(s, p, ok);
    if (!p.notEvaluated)
      for (uint32_t o = 0; o < s.module.objectives.size(); ++o) {
        const ir::Objective& obj = s.module.objectives[o];
        if (!ir::evaluatedIn(obj, s.module.anno) || !isAssigned(s, obj, p, ok)) continue;
        std::optional<uint32_t> place;
        if (!placeObjective(s, obj, p, place)) {
          ok = false;
          continue;
        }
        if (!place && !obj.premioOnly) continue;  // the profile scores no objectives: it does not count
        // Premio-only objectives weigh nothing; `a pari peso`: each weighs 1.
        const ir::Component* comp = place ? &s.module.profiles[p.profile].components[*place] : nullptr;
        if (!place || comp->equalWeights) {
          p.weights.push_back(place ? Rational(1) : Rational());
          p.weightRules.push_back(std::nullopt);
        } else if (!assignWeight(s, obj, p, ok)) {
          continue;
        }
        p.objectives.push_back(o);
        p.components.push_back(place);
      }
    if (!checkAssignedPeriods(s, p)) ok = false;
    for (const ir::ConditionRole& role : s.module.conditionRoles) {
      ir::Assignment who{ir::Assignment::Kind::Dove, {}, {}, {}, role.where, role.span};
      if (designates(s, who, p, "condizione del ruolo " + role.name, ok)) p.roles.push_back(role.name);
    }
    persons.push_back(std::move(p));
  }
  return persons;
}

bool checkWeights(const Session& s, const std::vector<Person>& persons) {
  bool ok = true;
  for (const Person& p : persons) {
    const ir::Profile& profile = s.module.profiles[p.profile];
    if (p.notEvaluated || !hasObjectivesComponent(profile) || p.weightMissing) continue;
    uint32_t objectiveComponents = 0;
    for (const ir::Component& c : profile.components) objectiveComponents += c.source == ir::ComponentSource::Obiettivi;
    for (uint32_t i = 0; i < profile.components.size(); ++i) {
      const ir::Component& c = profile.components[i];
      if (c.source != ir::ComponentSource::Obiettivi) continue;
      Person only = p;  // this component's objectives (all of them with one component)
      only.objectives.clear();
      only.weights.clear();
      Rational sum;
      for (size_t k = 0; k < p.objectives.size(); ++k)
        if (p.components[k] == i) {
          only.objectives.push_back(p.objectives[k]);
          only.weights.push_back(p.weights[k]);
          sum += p.weights[k];
        }
      // Relative and equal weights need not add up to 100, but need an objective.
      if ((c.relativeWeights || c.equalWeights) && !only.objectives.empty()) continue;
      if (!c.relativeWeights && !c.equalWeights && sum == Rational(100)) continue;
      reportWeights(s, only, sum, objectiveComponents > 1 ? &c : nullptr);
      ok = false;
    }
  }
  return ok;
}

namespace {

// Runs the argument chunks of objective `code` into `out`; false on a runtime error.
bool runArguments(Session& s, const std::vector<ir::Chunk>& args, const ir::Objective& objective,
                  std::vector<ir::Value>& out) {
  const std::string& code = objective.code;
  bool ok = true;
  interp::Context ctx;
  ctx.module = &s.module;
  addLookups(s, nullptr, &objective, ctx);
  for (const ir::Chunk& arg : args) {
    interp::Result r = interp::run(arg, ctx);
    if (const interp::RuntimeError* e = std::get_if<interp::RuntimeError>(&r)) {
      s.diags.report(Diagnostic{e->code, Severity::Errore, e->span,
                                fmt::format("{} (argomenti dell'obiettivo {})", e->message, code), {}, e->hint, {}});
      ok = false;
      continue;
    }
    out.push_back(std::get<ir::Value>(std::move(r)));
  }
  return ok;
}

}  // namespace

bool evaluateArguments(Session& s) {
  bool ok = true;
  s.objectiveArgs.assign(s.module.objectives.size(), {});
  s.phaseArgs.assign(s.module.objectives.size(), {});
  for (uint32_t o = 0; o < s.module.objectives.size(); ++o) {
    const ir::Objective& obj = s.module.objectives[o];
    if (!obj.deadlineExpr)  // else per person, with the person's `termine`
      ok = runArguments(s, obj.measure.args, obj, s.objectiveArgs[o]) && ok;
    s.phaseArgs[o].assign(obj.phases.size(), {});
    for (size_t f = 0; f < obj.phases.size(); ++f)
      ok = runArguments(s, obj.phases[f].args, obj, s.phaseArgs[o][f]) && ok;
  }
  return ok;
}

}  // namespace misura::eval
