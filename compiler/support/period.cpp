#include "compiler/support/period.h"

namespace misura {

bool Period::overlapsYear(int year) const {
  std::optional<Date> first = Date::fromYmd(year, 1, 1);
  std::optional<Date> last = Date::fromYmd(year, 12, 31);
  if (!first || !last) return false;
  return from <= *last && (!to || *to >= *first);
}

std::string Period::describe() const {
  std::string out = "dal " + formatItalian(from);
  if (to) out += " al " + formatItalian(*to);
  return out;
}

}  // namespace misura
