#include "compiler/support/date.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <limits>
#include <ostream>

namespace misura {

namespace {

struct Ymd {
  int64_t year;
  int month;
  int day;
};

// Floor division: the calendar arithmetic below needs eras of negative years
// to round toward -infinity, which C++'s '/' does not do.
int64_t floorDiv(int64_t a, int64_t b) {
  const int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// The Gregorian calendar repeats every 400 years, which are exactly 146097
// days. Counting years from March 1st puts the leap day at the very end of
// the (shifted) year, so month lengths before it follow a fixed pattern and
// the day of the year is a closed formula.
constexpr int64_t kDaysPer400Years = 146097;
// Days from 0000-03-01 (start of the shifted year 0) to 1970-01-01.
constexpr int64_t kEpochShift = 719468;

// Day of the March-based year (0..365) for a March-based month (0 = March,
// 11 = February). 153 days span each five-month run 31,30,31,30,31.
int64_t dayOfShiftedYear(int shiftedMonth, int day) {
  return (153 * shiftedMonth + 2) / 5 + day - 1;
}

int64_t daysFromCivil(int64_t year, int month, int day) {
  const int64_t shiftedYear = month <= 2 ? year - 1 : year;
  const int shiftedMonth = (month + 9) % 12;
  const int64_t era = floorDiv(shiftedYear, 400);
  const int64_t yearOfEra = shiftedYear - era * 400;  // 0..399
  const int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 +
                           dayOfShiftedYear(shiftedMonth, day);
  return era * kDaysPer400Years + dayOfEra - kEpochShift;
}

Ymd civilFromDays(int64_t days) {
  const int64_t shifted = days + kEpochShift;
  const int64_t era = floorDiv(shifted, kDaysPer400Years);
  const int64_t dayOfEra = shifted - era * kDaysPer400Years;  // 0..146096
  // Undo the leap-day corrections (every 4th, 100th and 400th year) before
  // dividing by 365, which yields the year inside the era.
  const int64_t yearOfEra =
      (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
  const int64_t dayOfYear = dayOfEra - (yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100);
  const int shiftedMonth = static_cast<int>((5 * dayOfYear + 2) / 153);  // 0 = March
  const int day = static_cast<int>(dayOfYear - dayOfShiftedYear(shiftedMonth, 1)) + 1;
  const int month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const int64_t year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return {year, month, day};
}

bool fitsDays(int64_t days) {
  return days >= std::numeric_limits<int32_t>::min() &&
         days <= std::numeric_limits<int32_t>::max();
}

}  // namespace

// ---- Calendar rules ---------------------------------------------------------

bool isLeapYear(int year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

int daysInYear(int year) { return isLeapYear(year) ? 366 : 365; }

int daysInMonth(int year, int month) {
  assert(month >= 1 && month <= 12);
  static constexpr std::array<int, 12> kLengths = {31, 28, 31, 30, 31, 30,
                                                   31, 31, 30, 31, 30, 31};
  if (month == 2 && isLeapYear(year)) return 29;
  return kLengths[static_cast<std::size_t>(month - 1)];
}

// ---- Date -----------------------------------------------------------------------

std::optional<Date> Date::fromYmd(int year, int month, int day) {
  if (month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > daysInMonth(year, month)) return std::nullopt;
  const int64_t days = daysFromCivil(year, month, day);
  if (!fitsDays(days)) return std::nullopt;
  return Date(static_cast<int32_t>(days));
}

Date Date::fromDays(int32_t daysSinceEpoch) { return Date(daysSinceEpoch); }

// Every int32 day count maps to a year well inside int (about +-5.8 million).
int Date::year() const { return static_cast<int>(civilFromDays(days_).year); }

int Date::month() const { return civilFromDays(days_).month; }

int Date::day() const { return civilFromDays(days_).day; }

Date Date::plusDays(int32_t n) const {
  const int64_t days = int64_t{days_} + n;
  assert(fitsDays(days) && "Date::plusDays: out of range");
  return Date(static_cast<int32_t>(days));
}

Date Date::plusMonths(int n) const {
  const Ymd start = civilFromDays(days_);
  // Count months from year 0 so that crossing year boundaries (in either
  // direction) is a single floor division.
  const int64_t monthIndex = start.year * 12 + (start.month - 1) + n;
  const int year = static_cast<int>(floorDiv(monthIndex, 12));
  const int month = static_cast<int>(monthIndex - int64_t{year} * 12) + 1;
  const int day = std::min(start.day, daysInMonth(year, month));
  const auto result = fromYmd(year, month, day);
  assert(result && "Date::plusMonths: out of range");
  return *result;
}

std::ostream& operator<<(std::ostream& out, Date d) { return out << formatItalian(d); }

int32_t daysBetween(Date from, Date to) {
  const int64_t difference = int64_t{to.days()} - from.days();
  assert(fitsDays(difference) && "daysBetween: difference out of range");
  return static_cast<int32_t>(difference);
}

int monthsStartedBetween(Date from, Date to) {
  if (to <= from) return 0;
  // from.plusMonths(k) always lies in the k-th calendar month after from's,
  // so every k before the calendar-month difference lands in an earlier month
  // than `to`. Start there: at most one more step is ever needed.
  const int calendarMonths = (to.year() - from.year()) * 12 + (to.month() - from.month());
  int n = std::max(1, calendarMonths);
  while (from.plusMonths(n) < to) ++n;
  return n;
}

int wholeMonthsBetween(Date from, Date to) {
  if (to <= from) return 0;
  // from.plusMonths(k) lies in the k-th calendar month after from's: the
  // calendar-month difference lands in to's month, one less in an earlier one.
  int n = (to.year() - from.year()) * 12 + (to.month() - from.month());
  if (from.plusMonths(n) > to) --n;
  return n;
}

// ---- Text ---------------------------------------------------------------------

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool isBlank(char c) { return c == ' ' || c == '\t'; }

std::string_view trimBlanks(std::string_view s) {
  while (!s.empty() && isBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && isBlank(s.back())) s.remove_suffix(1);
  return s;
}

// Three runs of digits separated by two separator characters.
struct DateFields {
  std::array<std::string_view, 3> numbers;
  std::array<char, 2> separators;
};

std::optional<DateFields> splitFields(std::string_view s) {
  DateFields fields{};
  std::size_t count = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (isDigit(c)) continue;
    if ((c != '/' && c != '-' && c != '.') || count == 2) return std::nullopt;
    fields.numbers[count] = s.substr(start, i - start);
    fields.separators[count] = c;
    ++count;
    start = i + 1;
  }
  if (count != 2) return std::nullopt;
  fields.numbers[2] = s.substr(start);
  for (std::string_view number : fields.numbers) {
    if (number.empty()) return std::nullopt;
  }
  return fields;
}

// Callers guarantee at most four digits, so this never overflows.
int toInt(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

bool sizeBetween(std::string_view s, std::size_t low, std::size_t high) {
  return s.size() >= low && s.size() <= high;
}

std::string zeroPadded(int value, std::size_t width) {
  std::string digits = std::to_string(value < 0 ? -int64_t{value} : value);
  if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
  return value < 0 ? "-" + digits : digits;
}

}  // namespace

std::optional<Date> parseItalianDate(std::string_view text) {
  const auto fields = splitFields(trimBlanks(text));
  if (!fields || fields->separators[0] != fields->separators[1]) return std::nullopt;
  const auto& [first, second, third] = fields->numbers;

  const bool iso = fields->separators[0] == '-' && first.size() == 4 && second.size() == 2 &&
                   third.size() == 2;
  if (iso) return Date::fromYmd(toInt(first), toInt(second), toInt(third));

  const bool italian = sizeBetween(first, 1, 2) && sizeBetween(second, 1, 2) && third.size() == 4;
  if (italian) return Date::fromYmd(toInt(third), toInt(second), toInt(first));
  return std::nullopt;
}

std::string formatItalian(Date d) {
  return zeroPadded(d.day(), 2) + "/" + zeroPadded(d.month(), 2) + "/" + zeroPadded(d.year(), 4);
}

DateRange wholeYear(int year) { return DateRange{*Date::fromYmd(year, 1, 1), *Date::fromYmd(year, 12, 31)}; }

int32_t daysIn(DateRange r) { return r.last < r.first ? 0 : daysBetween(r.first, r.last) + 1; }

DateRange intersect(DateRange a, DateRange b) {
  return DateRange{a.first < b.first ? b.first : a.first, a.last < b.last ? a.last : b.last};
}

}  // namespace misura
