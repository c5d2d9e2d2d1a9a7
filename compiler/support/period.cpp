#include "compiler/support/period.h"

namespace misura {

bool Period::overlapsYear(int year) const {
  if (!Date::fromYmd(year, 1, 1)) return false;  // a year outside the calendar
  DateRange y = wholeYear(year);
  return daysIn(intersect(DateRange{from, to.value_or(y.last)}, y)) > 0;
}

std::string Period::describe() const {
  std::string out = "dal " + formatItalian(from);
  if (to) out += " al " + formatItalian(*to);
  return out;
}

}  // namespace misura
