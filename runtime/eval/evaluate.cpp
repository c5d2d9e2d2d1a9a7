// evaluate(): load the data, check everything that must hold before any
// score, then score every person (in parallel chunks, parallel.h).
#include "runtime/eval/evaluate.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "runtime/eval/parallel.h"
#include "runtime/eval/session.h"

namespace misura::eval {

namespace {

// The structural invariants of the plan the runtime relies on without
// checking them again at every access. Broken only by a compiler bug.
void checkPlan(const ir::Module& m) {
  if (m.datasets.empty()) throw InternalError{"piano di valutazione senza elenco del personale"};
  const size_t staffFields = m.datasets[ir::kStaff].fields.size();
  if (m.staffKeyField >= staffFields || m.staffProfileField >= staffFields)
    throw InternalError{"campi chiave o profilo del personale non validi nel piano di valutazione"};
  if (m.profiles.empty()) throw InternalError{"piano di valutazione senza profili"};
  for (const ir::Objective& o : m.objectives) {
    const ir::DataRef& ref = o.measure.measured;
    if (o.measure.indicator >= m.indicators.size() || ref.dataset >= m.datasets.size() ||
        ref.field >= m.datasets[ref.dataset].fields.size())
      throw InternalError{"obiettivo " + o.code + " con riferimenti non validi nel piano di valutazione"};
  }
  for (const ir::Catalogue& c : m.catalogues)
    if (c.ratings.dataset >= m.datasets.size() || c.ratings.field >= m.datasets[c.ratings.dataset].fields.size())
      throw InternalError{"catalogo dei comportamenti con riferimenti non validi nel piano di valutazione"};
}

using Clock = std::chrono::steady_clock;

// Adds the seconds since `start` to *slot (when timings are asked for) and
// restarts the clock.
void lap(double* slot, Clock::time_point& start) {
  Clock::time_point now = Clock::now();
  if (slot) *slot += std::chrono::duration<double>(now - start).count();
  start = now;
}

unsigned threadsFor(const Options& options) {
  if (options.threads > 0) return options.threads;
  return std::max(std::thread::hardware_concurrency(), 1u);
}

// The record tables of the session (aggregates read them) and its sources.
void startSession(Session& session, SourceManager& sources) {
  const ir::Module& module = session.module;
  session.sources = &sources;
  session.records.resize(module.datasets.size());
  session.recordSpans.resize(module.datasets.size());
  for (size_t d = 0; d < module.datasets.size() && d < session.data.tables.size(); ++d)
    if (d != ir::kStaff && module.datasets[d].key.empty())
      for (const data::Row& row : session.data.tables[d].rows) {
        session.records[d].push_back(&row.values);
        session.recordSpans[d].push_back(row.span);
      }
}

// `module` with the objectives of its `obiettivi da` blocks; null if it has
// none, or on an error (reported).
std::shared_ptr<const ir::Module> withObjectivesFromData(const ir::Module& module, const data::LoadedData& data,
                                                         SourceManager& sources, Diagnostics& diags) {
  if (module.objectiveTemplates.empty()) return nullptr;
  Session rows{module, data, diags, {}, false};
  startSession(rows, sources);
  auto plan = std::make_shared<ir::Module>(module);
  if (!expandObjectives(rows, plan->objectives)) return nullptr;
  return plan;
}

}  // namespace

std::optional<Evaluation> evaluate(const ir::Module& module, const Options& options, SourceManager& sources,
                                   Diagnostics& diags) {
  if (module.profiles.empty()) {  // a regolamento being written: not a broken plan
    // Located at the staff list, the declaration that has nobody to evaluate.
    Span at = module.datasets.empty() ? Span{} : module.datasets[ir::kStaff].span;
    diags.error("E0217", at, "il regolamento non dichiara nessun profilo: non c'è nessuno da valutare",
                "aggiungi un blocco «profilo NOME { ... }» con le componenti, le fasce e il premio");
    return std::nullopt;
  }
  checkPlan(module);
  Timings* t = options.timings;
  Clock::time_point start = Clock::now();
  std::optional<data::LoadedData> data = data::loadData(module, options.dataDir, sources, diags, threadsFor(options));
  lap(t ? &t->read : nullptr, start);
  if (!data) return std::nullopt;
  std::shared_ptr<const ir::Module> expanded = withObjectivesFromData(module, *data, sources, diags);
  if (!module.objectiveTemplates.empty() && !expanded) return std::nullopt;
  const ir::Module& plan = expanded ? *expanded : module;
  Session session{plan, *data, diags, {}, options.trace};
  session.exactShares = options.exactShares;
  startSession(session, sources);
  compileFixed(session, t);
  bool ok = true;
  std::vector<Person> persons = preparePersons(session, ok);
  ok = checkWeights(session, persons) && ok;
  ok = evaluateArguments(session) && ok;
  if (!ok) return std::nullopt;
  Evaluation evaluation;
  evaluation.plan = expanded;
  evaluation.objectiveArguments = session.objectiveArgs;
  const Parallelism how{threadsFor(options), options.minPersonsPerThread};
  evaluation.persons.resize(persons.size());
  forEachPerson(persons.size(), how, diags, [&](size_t i, Diagnostics& d) {
    evaluation.persons[i] = scorePerson(session, persons[i], d);
  });
  fillResults(session, evaluation.persons);  // `valutati`: read by premi, funds and rankings
  forEachPerson(persons.size(), how, diags,
                [&](size_t i, Diagnostics& d) { scorePremio(session, persons[i], evaluation.persons[i], d); });
  computeRankings(session, persons, evaluation);
  lap(t ? &t->score : nullptr, start);
  distributeFunds(session, persons, evaluation);
  sumParts(session, evaluation);
  lap(t ? &t->split : nullptr, start);
  if (t)
    for (const PersonResult& r : evaluation.persons) t->integerRuns += r.integerRuns;
  return evaluation;
}

const PersonResult* findPerson(const Evaluation& evaluation, const std::string& matricola) {
  for (const PersonResult& p : evaluation.persons)
    if (p.matricola == matricola) return &p;
  return nullptr;
}

}  // namespace misura::eval
