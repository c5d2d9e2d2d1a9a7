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
