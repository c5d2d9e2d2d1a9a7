// The per-objective esiti of one person, read by `esito(CODICE)` (LoadEsito).
#include "runtime/eval/session.h"

namespace misura::eval {

std::vector<std::optional<Rational>> esitiOf(const Session& s, const std::vector<ComponentOutcome>& components) {
  std::vector<std::optional<Rational>> esiti(s.module.objectives.size());
  for (const ComponentOutcome& c : components)
    for (const ObjectiveOutcome& o : c.objectives)
      if (o.status != ObjectiveOutcome::Status::Errore && o.esito && o.objective < esiti.size())
        esiti[o.objective] = o.esito;  // neutralised or not assigned: stays absent (non rilevato)
  return esiti;
}

}  // namespace misura::eval

namespace misura::eval {

std::vector<std::optional<Rational>> esitiOf(const Session& s, const PersonResult& r) {
  std::vector<std::optional<Rational>> esiti = esitiOf(s, r.components);
  for (const ObjectiveOutcome& o : r.premioObjectives)
    if (o.status != ObjectiveOutcome::Status::Errore && o.esito && o.objective < esiti.size()) esiti[o.objective] = o.esito;
  return esiti;
}

std::vector<interp::FoldEntry> foldOf(const Session& s, const PersonResult& r) {
  std::vector<const ObjectiveOutcome*> byObjective(s.module.objectives.size(), nullptr);
  for (const ComponentOutcome& c : r.components)
    for (const ObjectiveOutcome& o : c.objectives)
      if (o.objective < byObjective.size()) byObjective[o.objective] = &o;
  for (const ObjectiveOutcome& o : r.premioObjectives)
    if (o.objective < byObjective.size()) byObjective[o.objective] = &o;
  std::vector<interp::FoldEntry> out;
  for (size_t i = 0; i < byObjective.size(); ++i) {
    const ObjectiveOutcome* o = byObjective[i];
    if (!o) continue;  // not assigned to the person
    interp::FoldEntry e;
    e.quota = s.module.objectives[i].quota.value_or(Rational());
    if (o->status != ObjectiveOutcome::Status::Errore) e.esito = o->esito;
    e.weight = o->weight;
    e.objective = static_cast<uint32_t>(i);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace misura::eval
