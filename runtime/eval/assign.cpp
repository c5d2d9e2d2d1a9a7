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

// Whether objective `o` is assigned to `p`; reports an error of a `dove`
// condition and clears `ok`.
bool isAssigned(const Session& s, const ir::Objective& o, const Person& p, bool& ok) {
  const ir::Assignment& a = o.assignment;
  switch (a.kind) {
    case ir::Assignment::Kind::Tutti: return true;
    case ir::Assignment::Kind::Profili: return contains(a.profiles, p.profile);
    case ir::Assignment::Kind::Matricole: return contains(a.persons, p.matricola);
    case ir::Assignment::Kind::Dove: break;
  }
  interp::Context ctx;
  ctx.module = &s.module;
  ctx.person = &p.staff->values;
  ctx.records = &s.records;
  interp::Result r = interp::run(a.where, ctx);
  if (const interp::RuntimeError* e = std::get_if<interp::RuntimeError>(&r)) {
    PersonErrors errors(s.diags, p);
    errors.runtime(*e, fmt::format("assegnazione dell'obiettivo {}", o.code));
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

void reportWeights(const Session& s, const Person& p, const Rational& sum) {
  const ir::Profile& profile = s.module.profiles[p.profile];
  Diagnostic d{"E0604", Severity::Errore, personSpan(p), {}, {}, {}, {}};
  if (p.objectives.empty()) {
    d.message = fmt::format("alla matricola {} (profilo {}) non è assegnato nessun obiettivo", p.matricola,
                            profile.name);
    d.hint = "il profilo ha una componente da obiettivi: assegna a questa persona obiettivi per un peso totale di 100";
  } else {
    d.message = fmt::format("i pesi degli obiettivi assegnati alla matricola {} sommano a {} invece di 100",
                            p.matricola, formatExact(sum));
    d.hint = "per ogni persona i pesi dei suoi obiettivi devono sommare a 100: correggi i pesi o le righe "
             "«assegnato a» degli obiettivi elencati";
  }
  for (uint32_t o : p.objectives) {
    const ir::Objective& obj = s.module.objectives[o];
    d.labels.push_back(Label{obj.span, fmt::format("{}: peso {}", obj.code, formatExact(obj.weight))});
  }
  s.diags.report(std::move(d));
}

}  // namespace

Span personSpan(const Person& p) { return p.staff->span; }

std::vector<Person> preparePersons(const Session& s, bool& ok) {
  const data::Table& staff = s.data.tables[ir::kStaff];
  std::vector<Person> persons;
  for (uint32_t r = 0; r < staff.rows.size(); ++r) {
    Person p;
    p.row = r;
    p.staff = &staff.rows[r];
    p.matricola = p.staff->key.front();
    p.profile = s.data.staffProfiles.at(r);
    if (!s.module.profiles[p.profile].notEvaluated)
      for (uint32_t o = 0; o < s.module.objectives.size(); ++o)
        if (ir::evaluatedIn(s.module.objectives[o], s.module.anno) && isAssigned(s, s.module.objectives[o], p, ok)) p.objectives.push_back(o);
    persons.push_back(std::move(p));
  }
  return persons;
}

bool checkWeights(const Session& s, const std::vector<Person>& persons) {
  bool ok = true;
  for (const Person& p : persons) {
    const ir::Profile& profile = s.module.profiles[p.profile];
    if (profile.notEvaluated || !hasObjectivesComponent(profile)) continue;
    Rational sum;
    for (uint32_t o : p.objectives) sum += s.module.objectives[o].weight;
    if (sum == Rational(100)) continue;
    reportWeights(s, p, sum);
    ok = false;
  }
  return ok;
}

namespace {

// Runs the argument chunks of objective `code` into `out`; false on a runtime error.
bool runArguments(Session& s, const std::vector<ir::Chunk>& args, const std::string& code,
                  std::vector<ir::Value>& out) {
  bool ok = true;
  interp::Context ctx;
  ctx.module = &s.module;
  ctx.records = &s.records;
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
    ok = runArguments(s, obj.measure.args, obj.code, s.objectiveArgs[o]) && ok;
    s.phaseArgs[o].assign(obj.phases.size(), {});
    for (size_t f = 0; f < obj.phases.size(); ++f)
      ok = runArguments(s, obj.phases[f].args, obj.code, s.phaseArgs[o][f]) && ok;
  }
  return ok;
}

}  // namespace misura::eval
