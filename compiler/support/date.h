// Exact calendar dates for deadlines and periods ("entro 90 giorni",
// "per ogni mese iniziato di ritardo").
//
// A Date is a day count, so comparisons and differences are plain integer
// operations and never depend on time zones or clocks.
#pragma once

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace misura {

// A civil date in the proleptic Gregorian calendar, stored as days since
// 1970-01-01 (negative before it).
class Date {
 public:
  // 1970-01-01; exists so Date can live in default-constructed aggregates
  // and containers. Prefer fromYmd/fromDays to say which day you mean.
  Date() = default;

  // nullopt unless month is 1..12 and day exists in that month (29/02 only in
  // leap years) and the date is within the int32 day range.
  static std::optional<Date> fromYmd(int year, int month, int day);
  static Date fromDays(int32_t daysSinceEpoch);

  int32_t days() const { return days_; }
  int year() const;
  int month() const;  // 1..12
  int day() const;    // 1..31

  // Precondition for both: the result stays within the int32 day range.
  Date plusDays(int32_t n) const;
  // Same day n months later (n may be negative), clamped to the last day of
  // the target month: 31/01/2024 + 1 month = 29/02/2024.
  Date plusMonths(int n) const;

  auto operator<=>(const Date&) const = default;
  bool operator==(const Date&) const = default;

 private:
  explicit Date(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

// Prints formatItalian(d); lets test frameworks and debug logs show dates.
std::ostream& operator<<(std::ostream& out, Date d);

bool isLeapYear(int year);  // Gregorian: every 4 years, except centuries not divisible by 400
int daysInYear(int year);   // 365 or 366
int daysInMonth(int year, int month);  // precondition: 1 <= month <= 12 (assert)

// to - from in days; negative when `to` is earlier.
int32_t daysBetween(Date from, Date to);

// Months "started" from `from` to `to`: 0 if to <= from; otherwise the
// smallest n >= 1 with from.plusMonths(n) >= to.
// 31/12/2020 -> 01/01/2021 = 1; -> 31/01/2021 = 1; -> 01/02/2021 = 2.
int monthsStartedBetween(Date from, Date to);

// Whole months from `from` to `to`, as people count service: 0 if to <= from;
// otherwise the largest n with from.plusMonths(n) <= to (a month after the
// 31st is the last day of a shorter month). 31/01/2023 -> 28/02/2023 = 1;
// 15/03/2020 -> 14/03/2021 = 11; -> 15/03/2021 = 12.
int wholeMonthsBetween(Date from, Date to);

// A period of days, both ends included; empty when last < first.
struct DateRange {
  Date first, last;
  bool operator==(const DateRange&) const = default;
};

DateRange wholeYear(int year);  // 01/01 .. 31/12
// The days of `r`, both ends included; 0 if it is empty.
int32_t daysIn(DateRange r);
// The days common to both (empty, with last < first, if none).
DateRange intersect(DateRange a, DateRange b);

// Accepts d/m/yyyy and dd/mm/yyyy with '/', '-' or '.' as separator (the same
// one twice), and ISO yyyy-mm-dd. Surrounding ASCII spaces/tabs are ignored.
// Rejects dates that do not exist (31/02/2024, 29/02/2023), years not written
// with exactly four digits, mixed separators and any other text.
std::optional<Date> parseItalianDate(std::string_view text);

// "05/03/2024": always two-digit day and month, four-digit year.
std::string formatItalian(Date d);

}  // namespace misura
