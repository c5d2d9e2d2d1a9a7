// A period of validity, `vigente dal 13/01/2024 [al 31/12/2025]`: both ends
// included; without an end the period is open (still in force).
//
// The rule "in force in year Y" is the one documented in docs/linguaggio.md
// (§ 13): the period shares at least one day with the calendar year Y, that
// is from <= 31/12/Y and (no end or end >= 01/01/Y). A law in force from
// 13/01/2024 is thus in force for the evaluation of 2024.
#pragma once

#include <optional>
#include <string>

#include "compiler/support/date.h"

namespace misura {

struct Period {
  Date from;
  std::optional<Date> to;  // nullopt: no end

  // True if the period shares at least one day with calendar year `year`.
  bool overlapsYear(int year) const;
  // True if `to` is not before `from` (a period with at least one day).
  bool wellFormed() const { return !to || *to >= from; }
  // "dal 13/01/2024" or "dal 01/01/2023 al 31/12/2024".
  std::string describe() const;
};

}  // namespace misura
