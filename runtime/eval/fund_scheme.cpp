// Fund schemes besides the split in proportion (see session.h): budget
// lines charged with computed premi, and the check that unit quotas fit in
// the fund. In both, what is not paid is the economia (amount - distributed).
#include <utility>

#include <fmt/format.h>

#include "runtime/eval/session.h"

namespace misura::eval {

FundOutcome chargeBudget(const Session& s, const Evaluation& ev, uint32_t fund) {
  const ir::Fund& f = s.module.funds[fund];
  FundOutcome out;
  out.fund = fund;
  out.amount = f.amount;
  out.budget = true;
  for (const PersonResult& r : ev.persons) {
    if (s.module.profiles[r.profile].budget != fund) continue;
    if (r.status == PersonStatus::Errore) out.blocked = true;
    if (r.status != PersonStatus::Valutato || !r.premio) continue;
    ++out.members;
    out.distributed += *r.premio;
  }
  if (out.blocked) return out;  // the persons in error were reported: the sum is not known
  out.unspent = f.amount - out.distributed;
  if (out.distributed > f.amount) {
    out.overBudget = true;
    s.diags.report(Diagnostic{"E0661", Severity::Errore, f.span,
                              fmt::format("i premi a carico del fondo «{}» sommano a {} €, oltre lo stanziamento di {} € "
                                          "(mancano {} €)",
                                          f.name, formatItalian(out.distributed, 2), formatItalian(f.amount, 2),
                                          formatItalian(out.distributed - f.amount, 2)),
                              {},
                              "lo stanziamento non basta: aumenta l'importo del fondo o rivedi la formula del premio",
                              {}});
  }
  return out;
}

void overspent(const Session& s, Evaluation& ev, const std::vector<uint32_t>& ids, const ir::Fund& f,
               FundOutcome& outcome) {
  outcome.overBudget = true;
  s.diags.report(Diagnostic{"E0660", Severity::Errore, f.span,
                            fmt::format("le quote unitarie del fondo «{}» sommano a {} €, oltre l'importo di {} €: il "
                                        "fondo non è stato ripartito",
                                        f.name, formatItalian(outcome.distributed, 2), formatItalian(f.amount, 2)),
                            {},
                            "con la quota unitaria ciascuno riceve quota unitaria × quota: riduci la quota unitaria o "
                            "aumenta l'importo",
                            {}});
  for (uint32_t i : ids) {
    ev.persons[i].premio.reset();
    ev.persons[i].premioExact.reset();
  }
  outcome.blocked = true;
  outcome.distributed = Rational();
  outcome.unspent = outcome.amount;
}

}  // namespace misura::eval

namespace misura::eval {

std::optional<uint32_t> partOf(const ir::Profile& profile, uint32_t fund) {
  for (uint32_t k = 0; k < profile.parts.size(); ++k)
    if (profile.parts[k].fund == fund) return k;
  return std::nullopt;
}

void moveToParts(const Session& s, Evaluation& ev, const std::vector<uint32_t>& ids, uint32_t fund) {
  for (uint32_t i : ids) {
    PersonResult& r = ev.persons[i];
    std::optional<uint32_t> k = partOf(s.module.profiles[r.profile], fund);
    if (!k || *k >= r.parts.size()) continue;  // the whole premio comes from the fund
    PartOutcome& part = r.parts[*k];
    part.exact = std::exchange(r.premioExact, std::nullopt);
    part.amount = std::exchange(r.premio, std::nullopt);
    part.fundQuota = std::exchange(r.fundQuota, std::nullopt);
    part.leftoverCent = std::exchange(r.leftoverCent, false);
    part.maggiorazione = std::exchange(r.maggiorazione, std::nullopt);
    part.cappedExcess = std::exchange(r.cappedExcess, std::nullopt);
  }
}

void sumParts(const Session& s, Evaluation& ev) {
  for (PersonResult& r : ev.persons) {
    if (r.status != PersonStatus::Valutato || s.module.profiles[r.profile].parts.empty()) continue;
    Rational exact, amount;
    bool complete = !r.parts.empty();
    for (const PartOutcome& part : r.parts) {
      if (!part.exact || !part.amount) complete = false;
      else {
        exact += *part.exact;
        amount += *part.amount;
      }
    }
    if (!complete) continue;
    r.premioExact = exact;
    r.premio = amount;
  }
}

}  // namespace misura::eval
