// Unit tests for compiler/support/date.h: calendar rules, day arithmetic,
// month arithmetic and the Italian text forms.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "compiler/support/date.h"

using misura::Date;
using misura::parseItalianDate;

namespace {

// A date the test knows to be valid.
Date ymd(int year, int month, int day) {
  const auto date = Date::fromYmd(year, month, day);
  REQUIRE(date.has_value());
  return *date;
}

}  // namespace

TEST_CASE("Leap years and month lengths", "[date]") {
  struct Row {
    int year;
    bool leap;
  };
  const std::vector<Row> rows = {
      {1900, false}, {2000, true}, {2024, true}, {2023, false}, {2100, false},
      {2400, true},  {1600, true}, {1996, true}, {2001, false}, {0, true},
      {-4, true},    {-100, false},
  };
  for (const Row& row : rows) {
    INFO("year " << row.year);
    CHECK(misura::isLeapYear(row.year) == row.leap);
    CHECK(misura::daysInYear(row.year) == (row.leap ? 366 : 365));
    CHECK(misura::daysInMonth(row.year, 2) == (row.leap ? 29 : 28));
  }
  const int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (int month = 1; month <= 12; ++month) {
    INFO("month " << month);
    CHECK(misura::daysInMonth(2023, month) == lengths[month - 1]);
  }
}

TEST_CASE("Date::fromYmd validates", "[date]") {
  CHECK(Date::fromYmd(2024, 2, 29).has_value());
  CHECK(Date::fromYmd(2000, 2, 29).has_value());
  CHECK(Date::fromYmd(2024, 12, 31).has_value());
  CHECK(Date::fromYmd(2024, 1, 1).has_value());
  CHECK_FALSE(Date::fromYmd(2023, 2, 29).has_value());
  CHECK_FALSE(Date::fromYmd(1900, 2, 29).has_value());
  CHECK_FALSE(Date::fromYmd(2024, 2, 30).has_value());
  CHECK_FALSE(Date::fromYmd(2024, 4, 31).has_value());
  CHECK_FALSE(Date::fromYmd(2024, 0, 1).has_value());
  CHECK_FALSE(Date::fromYmd(2024, 13, 1).has_value());
  CHECK_FALSE(Date::fromYmd(2024, 1, 0).has_value());
  CHECK_FALSE(Date::fromYmd(2024, 1, 32).has_value());
  CHECK_FALSE(Date::fromYmd(2024, 1, -1).has_value());
  CHECK_FALSE(Date::fromYmd(2000000000, 1, 1).has_value());  // beyond the int32 day range
}

TEST_CASE("Date day counts match the Unix epoch", "[date]") {
  struct Row {
    int year, month, day;
    int32_t days;
  };
  const std::vector<Row> rows = {
      {1970, 1, 1, 0},          {1969, 12, 31, -1},      {1970, 1, 2, 1},
      {2000, 3, 1, 11017},      {2024, 1, 1, 19723},     {1600, 1, 1, -135140},
      {9999, 12, 31, 2932896},  {1, 1, 1, -719162},
  };
  for (const Row& row : rows) {
    INFO(row.year << "-" << row.month << "-" << row.day);
    const Date date = ymd(row.year, row.month, row.day);
    CHECK(date.days() == row.days);
    const Date back = Date::fromDays(row.days);
    CHECK(back.year() == row.year);
    CHECK(back.month() == row.month);
    CHECK(back.day() == row.day);
  }
  CHECK(Date() == ymd(1970, 1, 1));
}

TEST_CASE("Date conversion agrees with a day-by-day walk", "[date]") {
  // An independent, obviously correct model: advance one day at a time.
  int year = 1599, month = 1, day = 1;
  Date date = ymd(year, month, day);
  const Date end = ymd(2401, 1, 1);
  while (date < end) {
    if (date.year() != year || date.month() != month || date.day() != day) {
      FAIL("mismatch at " << year << "-" << month << "-" << day << ", got " << date);
    }
    REQUIRE(Date::fromYmd(year, month, day) == date);
    date = date.plusDays(1);
    if (++day > misura::daysInMonth(year, month)) {
      day = 1;
      if (++month > 12) {
        month = 1;
        ++year;
      }
    }
  }
  CHECK(year == 2401);
  CHECK(month == 1);
  CHECK(day == 1);
}

TEST_CASE("Date::plusDays", "[date]") {
  CHECK(ymd(2023, 12, 31).plusDays(1) == ymd(2024, 1, 1));
  CHECK(ymd(2024, 1, 1).plusDays(-1) == ymd(2023, 12, 31));
  CHECK(ymd(2024, 2, 28).plusDays(1) == ymd(2024, 2, 29));
  CHECK(ymd(2024, 2, 29).plusDays(1) == ymd(2024, 3, 1));
  CHECK(ymd(2023, 2, 28).plusDays(1) == ymd(2023, 3, 1));
  CHECK(ymd(2024, 1, 15).plusDays(90) == ymd(2024, 4, 14));
  CHECK(ymd(2024, 1, 1).plusDays(366) == ymd(2025, 1, 1));
  CHECK(ymd(2023, 1, 1).plusDays(365) == ymd(2024, 1, 1));
  CHECK(ymd(2024, 3, 1).plusDays(-1) == ymd(2024, 2, 29));
  CHECK(ymd(2024, 5, 5).plusDays(0) == ymd(2024, 5, 5));
}

TEST_CASE("daysBetween", "[date]") {
  CHECK(misura::daysBetween(ymd(2024, 1, 1), ymd(2024, 12, 31)) == 365);
  CHECK(misura::daysBetween(ymd(2024, 12, 31), ymd(2024, 1, 1)) == -365);
  CHECK(misura::daysBetween(ymd(2023, 1, 1), ymd(2023, 12, 31)) == 364);
  CHECK(misura::daysBetween(ymd(2024, 1, 1), ymd(2025, 1, 1)) == 366);
  CHECK(misura::daysBetween(ymd(2024, 1, 15), ymd(2024, 4, 14)) == 90);
  CHECK(misura::daysBetween(ymd(2024, 2, 28), ymd(2024, 3, 1)) == 2);
  CHECK(misura::daysBetween(ymd(2023, 2, 28), ymd(2023, 3, 1)) == 1);
  CHECK(misura::daysBetween(ymd(2024, 6, 1), ymd(2024, 6, 1)) == 0);
}

TEST_CASE("Date::plusMonths clamps to the month end", "[date]") {
  struct Row {
    Date from;
    int months;
    Date expected;
  };
  const std::vector<Row> rows = {
      {ymd(2024, 1, 31), 1, ymd(2024, 2, 29)},
      {ymd(2023, 1, 31), 1, ymd(2023, 2, 28)},
      {ymd(2024, 3, 31), 1, ymd(2024, 4, 30)},
      {ymd(2024, 1, 31), 2, ymd(2024, 3, 31)},
      {ymd(2024, 1, 15), 1, ymd(2024, 2, 15)},
      {ymd(2024, 11, 15), 3, ymd(2025, 2, 15)},
      {ymd(2024, 12, 31), 1, ymd(2025, 1, 31)},
      {ymd(2024, 2, 29), 12, ymd(2025, 2, 28)},
      {ymd(2024, 2, 29), 48, ymd(2028, 2, 29)},
      {ymd(2024, 3, 31), -1, ymd(2024, 2, 29)},
      {ymd(2024, 1, 15), -1, ymd(2023, 12, 15)},
      {ymd(2024, 1, 15), -25, ymd(2021, 12, 15)},
      {ymd(2024, 5, 10), 0, ymd(2024, 5, 10)},
      {ymd(1999, 8, 31), 6, ymd(2000, 2, 29)},
  };
  for (const Row& row : rows) {
    INFO(row.from << " + " << row.months << " months");
    CHECK(row.from.plusMonths(row.months) == row.expected);
  }
}

TEST_CASE("monthsStartedBetween", "[date]") {
  struct Row {
    Date from, to;
    int expected;
  };
  const std::vector<Row> rows = {
      {ymd(2020, 12, 31), ymd(2021, 1, 1), 1},
      {ymd(2020, 12, 31), ymd(2021, 1, 31), 1},
      {ymd(2020, 12, 31), ymd(2021, 2, 1), 2},
      {ymd(2024, 6, 1), ymd(2024, 6, 1), 0},     // same day: nothing started
      {ymd(2024, 6, 10), ymd(2024, 6, 1), 0},    // earlier: nothing started
      {ymd(2024, 1, 15), ymd(2024, 1, 16), 1},
      {ymd(2024, 1, 15), ymd(2024, 2, 15), 1},
      {ymd(2024, 1, 15), ymd(2024, 2, 16), 2},
      {ymd(2024, 1, 31), ymd(2024, 2, 29), 1},
      {ymd(2024, 1, 31), ymd(2024, 3, 1), 2},
      {ymd(2023, 1, 31), ymd(2023, 2, 28), 1},
      {ymd(2023, 1, 31), ymd(2023, 3, 1), 2},
      {ymd(2024, 1, 1), ymd(2025, 1, 1), 12},
      {ymd(2024, 1, 1), ymd(2025, 1, 2), 13},
      {ymd(2024, 3, 31), ymd(2024, 4, 30), 1},
      {ymd(2024, 3, 31), ymd(2024, 5, 1), 2},
  };
  for (const Row& row : rows) {
    INFO(row.from << " -> " << row.to);
    CHECK(misura::monthsStartedBetween(row.from, row.to) == row.expected);
  }

  SECTION("agrees with the definition over a range of dates") {
    const Date from = ymd(2023, 1, 31);
    for (Date to = ymd(2022, 12, 1); to < ymd(2025, 6, 1); to = to.plusDays(1)) {
      int expected = 0;
      if (from < to) {
        expected = 1;
        while (from.plusMonths(expected) < to) ++expected;
      }
      INFO(from << " -> " << to);
      REQUIRE(misura::monthsStartedBetween(from, to) == expected);
    }
  }
}

TEST_CASE("wholeMonthsBetween counts service as people do", "[date]") {
  struct Row {
    Date from, to;
    int months;
  };
  const std::vector<Row> rows = {
      {ymd(2014, 1, 1), ymd(2024, 12, 31), 131},  // 10 years, not 11
      {ymd(2014, 1, 1), ymd(2025, 1, 1), 132},
      {ymd(2016, 2, 29), ymd(2017, 2, 28), 12},  // the anniversary of 29/02 is 28/02
      {ymd(2024, 1, 31), ymd(2024, 2, 29), 1},   // a month after the 31st: the month's end
      {ymd(2024, 1, 31), ymd(2024, 2, 28), 0},
      {ymd(2023, 12, 31), ymd(2024, 12, 31), 12},
      {ymd(2020, 3, 15), ymd(2021, 3, 14), 11},
      {ymd(2024, 6, 1), ymd(2024, 6, 1), 0},
      {ymd(2025, 1, 1), ymd(2024, 12, 31), 0},  // d2 before d1
  };
  for (const Row& row : rows) {
    INFO(row.from << " -> " << row.to);
    CHECK(misura::wholeMonthsBetween(row.from, row.to) == row.months);
  }

  SECTION("agrees with the definition over a range of dates") {
    for (Date from : {ymd(2023, 1, 31), ymd(2024, 2, 29), ymd(2023, 3, 15)})
      for (Date to = ymd(2022, 12, 1); to < ymd(2026, 6, 1); to = to.plusDays(1)) {
        int expected = 0;
        if (from < to)
          while (from.plusMonths(expected + 1) <= to) ++expected;
        INFO(from << " -> " << to);
        REQUIRE(misura::wholeMonthsBetween(from, to) == expected);
      }
  }
}

TEST_CASE("parseItalianDate accepts Italian and ISO forms", "[date][parse]") {
  struct Row {
    const char* text;
    Date expected;
  };
  const std::vector<Row> rows = {
      {"05/03/2024", ymd(2024, 3, 5)},  {"5/3/2024", ymd(2024, 3, 5)},
      {"05/3/2024", ymd(2024, 3, 5)},   {"5-3-2024", ymd(2024, 3, 5)},
      {"05-03-2024", ymd(2024, 3, 5)},  {"05.03.2024", ymd(2024, 3, 5)},
      {"5.3.2024", ymd(2024, 3, 5)},    {"2024-03-05", ymd(2024, 3, 5)},
      {" 05/03/2024 ", ymd(2024, 3, 5)}, {"29/02/2024", ymd(2024, 2, 29)},
      {"31/12/1999", ymd(1999, 12, 31)}, {"2000-02-29", ymd(2000, 2, 29)},
  };
  for (const Row& row : rows) {
    INFO("text \"" << row.text << "\"");
    const auto parsed = parseItalianDate(row.text);
    REQUIRE(parsed.has_value());
    CHECK(*parsed == row.expected);
  }
}

TEST_CASE("parseItalianDate rejects everything else", "[date][parse]") {
  const std::vector<const char*> rejected = {
      "31/02/2024",   "29/02/2023",  "29/02/1900",  "31/04/2024", "00/01/2024",
      "01/00/2024",   "05/13/2024",  "05/03/24",    "5/3/24",     "05/03/024",
      "05/03/12024",  "005/03/2024", "05/003/2024", "05/03-2024", "05.03/2024",
      "2024/03/05",   "2024.03.05",  "2024-3-5",    "2024-03-5",  "2024-02-30",
      "05//2024",     "/05/03/2024", "05/03/2024/", "05/03",      "2024",
      "",             "  ",          "oggi",        "05 03 2024", "05/03/2024x",
      "x05/03/2024",  "+5/3/2024",   "5/-3/2024",
  };
  for (const char* text : rejected) {
    INFO("text \"" << text << "\"");
    CHECK_FALSE(parseItalianDate(text).has_value());
  }
}

TEST_CASE("formatItalian for dates", "[date][format]") {
  CHECK(misura::formatItalian(ymd(2024, 3, 5)) == "05/03/2024");
  CHECK(misura::formatItalian(ymd(2024, 12, 31)) == "31/12/2024");
  CHECK(misura::formatItalian(ymd(1970, 1, 1)) == "01/01/1970");
  CHECK(misura::formatItalian(ymd(999, 7, 4)) == "04/07/0999");

  SECTION("round trip through parseItalianDate") {
    for (Date date = ymd(2019, 1, 1); date < ymd(2029, 1, 1); date = date.plusDays(1)) {
      const std::string text = misura::formatItalian(date);
      INFO(text);
      REQUIRE(parseItalianDate(text) == date);
    }
  }
}

TEST_CASE("Periods: whole year, days in a period, intersection", "[date]") {
  using misura::DateRange;
  CHECK(misura::daysIn(misura::wholeYear(2024)) == 366);
  CHECK(misura::daysIn(misura::wholeYear(2023)) == 365);
  CHECK(misura::daysIn(misura::wholeYear(1900)) == 365);
  CHECK(misura::daysIn(misura::wholeYear(2000)) == 366);
  // 01/04/2024 .. 31/12/2024: 366 - (31 + 29 + 31) = 275, both ends included.
  CHECK(misura::daysIn(DateRange{ymd(2024, 4, 1), ymd(2024, 12, 31)}) == 275);
  CHECK(misura::daysIn(DateRange{ymd(2024, 2, 29), ymd(2024, 2, 29)}) == 1);
  CHECK(misura::daysIn(DateRange{ymd(2024, 3, 1), ymd(2024, 2, 29)}) == 0);  // empty

  const DateRange year = misura::wholeYear(2024);
  // Across the year's start: only the 2024 part counts.
  CHECK(misura::daysIn(misura::intersect(DateRange{ymd(2023, 12, 1), ymd(2024, 1, 10)}, year)) == 10);
  // Disjoint: empty, whichever comes first.
  CHECK(misura::daysIn(misura::intersect(DateRange{ymd(2023, 1, 1), ymd(2023, 12, 31)}, year)) == 0);
  CHECK(misura::daysIn(misura::intersect(year, DateRange{ymd(2025, 1, 1), ymd(2025, 1, 2)})) == 0);
  // Touching on one day.
  CHECK(misura::intersect(DateRange{ymd(2024, 1, 1), ymd(2024, 6, 30)}, DateRange{ymd(2024, 6, 30), ymd(2024, 12, 31)}) ==
        DateRange{ymd(2024, 6, 30), ymd(2024, 6, 30)});
  // Head until 30/06 and from 01/07: 182 + 184 = 366.
  CHECK(misura::daysIn(DateRange{ymd(2024, 1, 1), ymd(2024, 6, 30)}) == 182);
  CHECK(misura::daysIn(DateRange{ymd(2024, 7, 1), ymd(2024, 12, 31)}) == 184);
}
