// Unit tests for compiler/support/rational.h: exact arithmetic, rounding and
// the Italian number text forms.
#include <catch2/catch.hpp>

#include <climits>
#include <string>
#include <vector>

#include "compiler/support/rational.h"

using misura::formatExact;
using misura::formatItalian;
using misura::isExactAt;
using misura::NumberParseError;
using misura::parseItalianNumber;
using misura::Rational;
using misura::roundTo;
using misura::RoundingMode;

namespace {

// Test values are written the way users write them ("87,5"), which also
// keeps them exact: no double ever enters a Rational.
Rational num(std::string_view italian) {
  const auto parsed = parseItalianNumber(italian);
  REQUIRE(std::holds_alternative<Rational>(parsed));
  return std::get<Rational>(parsed);
}

const char* modeName(RoundingMode mode) {
  switch (mode) {
    case RoundingMode::HalfUp: return "HalfUp";
    case RoundingMode::HalfEven: return "HalfEven";
    case RoundingMode::Down: return "Down";
    case RoundingMode::Up: return "Up";
  }
  return "?";
}

}  // namespace

TEST_CASE("Rational keeps a canonical form", "[rational]") {
  CHECK(Rational() == 0);
  CHECK(Rational(2, 4) == Rational(1, 2));
  CHECK(Rational(2, 4).toFraction() == "1/2");
  CHECK(Rational(1, -2).toFraction() == "-1/2");
  CHECK(Rational(-3, -6).toFraction() == "1/2");
  CHECK(Rational(14, 6).toFraction() == "7/3");
  CHECK(Rational(10, 2).toFraction() == "5");
  CHECK(Rational(0, -7).toFraction() == "0");
  CHECK(Rational::fromMpq(mpq_class(6, 4)).toFraction() == "3/2");
  CHECK(Rational::fromMpq(mpq_class(6, 4)).mpq().get_den() == 2);
  CHECK(Rational(LONG_MIN, 1).toFraction() == std::to_string(LONG_MIN));
}

TEST_CASE("Rational arithmetic is exact", "[rational]") {
  SECTION("thirds") {
    CHECK(Rational(1, 3) * 3 == 1);
    CHECK(Rational(1, 3) + Rational(1, 3) + Rational(1, 3) == 1);
    CHECK(Rational(1) / 3 * 3 == 1);
  }
  SECTION("decimal tenths have no binary error") {
    CHECK(num("0,1") + num("0,2") == num("0,3"));
    CHECK(num("0,1") * 3 == num("0,3"));
  }
  SECTION("weights sum to exactly 100") {
    Rational total;
    for (long weight : {15, 15, 15, 15, 10, 30}) total += weight;
    CHECK(total == 100);
  }
  SECTION("percentages of a weight") {
    CHECK(60 * num("87,5") / 100 == num("52,5"));
    CHECK(Rational(60) * Rational(875, 1000) == Rational(105, 2));
    CHECK(30 * num("33,33") / 100 == num("9,999"));
  }
  SECTION("operators") {
    CHECK(Rational(7, 3) - Rational(1, 3) == 2);
    CHECK(Rational(7) / 2 == Rational(7, 2));
    CHECK(Rational(-1, 2) / Rational(-1, 4) == 2);
    CHECK(-Rational(5, 2) == Rational(-5, 2));
    CHECK(-Rational(0) == 0);
  }
  SECTION("compound assignment") {
    Rational x = 10;
    x += Rational(1, 2);
    CHECK(x == Rational(21, 2));
    x -= 1;
    CHECK(x == Rational(19, 2));
    x *= 2;
    CHECK(x == 19);
    x /= 4;
    CHECK(x == Rational(19, 4));
    CHECK(x.toFraction() == "19/4");
  }
}

TEST_CASE("Rational comparisons", "[rational]") {
  CHECK(Rational(1, 3) < Rational(1, 2));
  CHECK(Rational(-1, 2) < Rational(-1, 3));
  CHECK(Rational(2, 4) <= Rational(1, 2));
  CHECK(Rational(2, 4) >= Rational(1, 2));
  CHECK(Rational(3, 2) > 1);
  CHECK(1 < Rational(3, 2));
  CHECK(Rational(1, 2) != Rational(1, 3));
  CHECK_FALSE(Rational(1, 2) == Rational(1, 3));
  CHECK((Rational(1, 3) <=> Rational(2, 6)) == std::strong_ordering::equal);
  CHECK(misura::minOf(Rational(1, 3), Rational(1, 4)) == Rational(1, 4));
  CHECK(misura::maxOf(Rational(1, 3), Rational(1, 4)) == Rational(1, 3));
  CHECK(misura::minOf(-2, 5) == -2);
  CHECK(misura::maxOf(-2, 5) == 5);
}

TEST_CASE("Rational queries", "[rational]") {
  struct Row {
    Rational value;
    int sign;
    bool integer;
    Rational abs, floor, ceil;
  };
  const std::vector<Row> rows = {
      {Rational(7, 3), 1, false, Rational(7, 3), 2, 3},
      {Rational(-7, 3), -1, false, Rational(7, 3), -3, -2},
      {Rational(5), 1, true, 5, 5, 5},
      {Rational(-5), -1, true, 5, -5, -5},
      {Rational(-1, 2), -1, false, Rational(1, 2), -1, 0},
      {Rational(1, 2), 1, false, Rational(1, 2), 0, 1},
      {Rational(0), 0, true, 0, 0, 0},
  };
  for (const Row& row : rows) {
    INFO("value " << row.value);
    CHECK(row.value.sign() == row.sign);
    CHECK(row.value.isZero() == (row.sign == 0));
    CHECK(row.value.isInteger() == row.integer);
    CHECK(row.value.abs() == row.abs);
    CHECK(row.value.floor() == row.floor);
    CHECK(row.value.ceil() == row.ceil);
    CHECK(row.value.floor().isInteger());
    CHECK(row.value.ceil().isInteger());
  }
}

TEST_CASE("Rational conversions", "[rational]") {
  CHECK(Rational(5).toLong() == 5L);
  CHECK(Rational(-12, 4).toLong() == -3L);
  CHECK_FALSE(Rational(7, 3).toLong().has_value());
  CHECK(Rational(LONG_MAX).toLong() == LONG_MAX);
  const Rational huge = Rational::fromMpq(mpq_class(mpz_class("1000000000000000000000000000000")));
  CHECK(huge.isInteger());
  CHECK_FALSE(huge.toLong().has_value());
  CHECK((Rational(LONG_MAX) + 1).toLong() == std::nullopt);
  CHECK(Rational(1, 4).toDouble() == 0.25);
  CHECK(Rational(-3, 2).toDouble() == -1.5);
}

TEST_CASE("roundTo at ties and in between", "[rational][rounding]") {
  struct Row {
    const char* value;
    int decimals;
    RoundingMode mode;
    const char* expected;
  };
  const std::vector<Row> rows = {
      // Ties, positive and negative, in every mode.
      {"2,345", 2, RoundingMode::HalfUp, "2,35"},
      {"-2,345", 2, RoundingMode::HalfUp, "-2,35"},
      {"2,345", 2, RoundingMode::HalfEven, "2,34"},
      {"2,355", 2, RoundingMode::HalfEven, "2,36"},
      {"-2,345", 2, RoundingMode::HalfEven, "-2,34"},
      {"-2,355", 2, RoundingMode::HalfEven, "-2,36"},
      {"2,345", 2, RoundingMode::Down, "2,34"},
      {"-2,345", 2, RoundingMode::Down, "-2,34"},
      {"2,345", 2, RoundingMode::Up, "2,35"},
      {"-2,345", 2, RoundingMode::Up, "-2,35"},
      // Not ties.
      {"2,344", 2, RoundingMode::HalfUp, "2,34"},
      {"2,3451", 2, RoundingMode::HalfEven, "2,35"},
      {"2,3449", 2, RoundingMode::HalfUp, "2,34"},
      {"2,349", 2, RoundingMode::Down, "2,34"},
      {"-2,349", 2, RoundingMode::Down, "-2,34"},
      {"2,341", 2, RoundingMode::Up, "2,35"},
      {"-2,341", 2, RoundingMode::Up, "-2,35"},
      // Carry across the integer part.
      {"89,995", 2, RoundingMode::HalfUp, "90"},
      {"99,9999", 3, RoundingMode::HalfUp, "100"},
      {"-89,995", 2, RoundingMode::HalfUp, "-90"},
      // Already exact values never move.
      {"2,34", 2, RoundingMode::Up, "2,34"},
      {"-2,34", 2, RoundingMode::Down, "-2,34"},
      {"7", 2, RoundingMode::Up, "7"},
      // Zero decimals.
      {"2,5", 0, RoundingMode::HalfUp, "3"},
      {"-2,5", 0, RoundingMode::HalfUp, "-3"},
      {"2,5", 0, RoundingMode::HalfEven, "2"},
      {"3,5", 0, RoundingMode::HalfEven, "4"},
      {"-2,5", 0, RoundingMode::HalfEven, "-2"},
      {"2,9", 0, RoundingMode::Down, "2"},
      {"-2,9", 0, RoundingMode::Down, "-2"},
      {"2,1", 0, RoundingMode::Up, "3"},
      {"-2,1", 0, RoundingMode::Up, "-3"},
      {"0,4", 0, RoundingMode::HalfUp, "0"},
      {"-0,4", 0, RoundingMode::HalfUp, "0"},
  };
  for (const Row& row : rows) {
    INFO(row.value << " to " << row.decimals << " decimals, " << modeName(row.mode));
    CHECK(roundTo(num(row.value), row.decimals, row.mode) == num(row.expected));
  }

  SECTION("non-decimal fractions") {
    CHECK(roundTo(Rational(1, 3), 2, RoundingMode::HalfUp) == num("0,33"));
    CHECK(roundTo(Rational(2, 3), 2, RoundingMode::HalfUp) == num("0,67"));
    CHECK(roundTo(Rational(2, 3), 2, RoundingMode::Down) == num("0,66"));
    CHECK(roundTo(Rational(-2, 3), 2, RoundingMode::HalfEven) == num("-0,67"));
    CHECK(roundTo(Rational(1, 3), 4, RoundingMode::Up) == num("0,3334"));
  }
  SECTION("results are exact at the requested decimals") {
    CHECK(isExactAt(roundTo(Rational(22, 7), 5, RoundingMode::HalfUp), 5));
    CHECK(roundTo(Rational(22, 7), 5, RoundingMode::HalfUp) == Rational(314286, 100000));
  }
}

TEST_CASE("isExactAt", "[rational][rounding]") {
  CHECK(isExactAt(5, 0));
  CHECK(isExactAt(num("87,5"), 1));
  CHECK_FALSE(isExactAt(num("87,5"), 0));
  CHECK(isExactAt(num("0,125"), 3));
  CHECK(isExactAt(num("0,125"), 10));
  CHECK_FALSE(isExactAt(num("0,125"), 2));
  CHECK(isExactAt(num("-0,05"), 2));
  CHECK_FALSE(isExactAt(Rational(1, 3), 20));
  CHECK_FALSE(isExactAt(Rational(1, 6), 20));
  CHECK(isExactAt(Rational(1, 1024), 10));
  CHECK_FALSE(isExactAt(Rational(1, 1024), 9));
}

TEST_CASE("parseItalianNumber accepts Italian notation", "[rational][parse]") {
  struct Row {
    const char* text;
    Rational expected;
  };
  const std::vector<Row> rows = {
      {"12", 12},
      {"-3", -3},
      {"+4", 4},
      {"0", 0},
      {"-0", 0},
      {"0,5", Rational(1, 2)},
      {"-0,5", Rational(-1, 2)},
      {"1.234,56", Rational(123456, 100)},
      {"1234,56", Rational(123456, 100)},
      {"1.234.567", 1234567},
      {"-1.234.567,891", Rational(-1234567891, 1000)},
      {"1.234", 1234},
      {"999.000", 999000},
      {"87,50", Rational(175, 2)},
      {"0,000001", Rational(1, 1000000)},
      {"  7,25  ", Rational(29, 4)},
      {"\t15\t", 15},
      {"123456789012345678901234567890", Rational::fromMpq(mpq_class(mpz_class("123456789012345678901234567890")))},
  };
  for (const Row& row : rows) {
    INFO("text \"" << row.text << "\"");
    const auto parsed = parseItalianNumber(row.text);
    REQUIRE(std::holds_alternative<Rational>(parsed));
    CHECK(std::get<Rational>(parsed) == row.expected);
  }
}

TEST_CASE("parseItalianNumber rejects other notations", "[rational][parse]") {
  struct Row {
    const char* text;
    NumberParseError expected;
  };
  const std::vector<Row> rows = {
      {"", NumberParseError::Empty},
      {" ", NumberParseError::Empty},
      {" \t ", NumberParseError::Empty},
      {"1.5", NumberParseError::DotAsDecimal},
      {"1.23", NumberParseError::DotAsDecimal},
      {"-3.14", NumberParseError::DotAsDecimal},
      {"0.5", NumberParseError::DotAsDecimal},
      {"1234.5678", NumberParseError::DotAsDecimal},
      {"1.23,4", NumberParseError::BadGrouping},
      {"12.34.567", NumberParseError::BadGrouping},
      {"1.234.56", NumberParseError::BadGrouping},
      {"1234.567,8", NumberParseError::BadGrouping},
      {"1..234", NumberParseError::BadGrouping},
      {"1,234.5", NumberParseError::BadGrouping},
      {"1,2,3", NumberParseError::NotANumber},
      {",5", NumberParseError::NotANumber},
      {"5,", NumberParseError::NotANumber},
      {".5", NumberParseError::NotANumber},
      {"5.", NumberParseError::NotANumber},
      {"-", NumberParseError::NotANumber},
      {"+", NumberParseError::NotANumber},
      {"--5", NumberParseError::NotANumber},
      {"- 5", NumberParseError::NotANumber},
      {"1 234", NumberParseError::NotANumber},
      {"abc", NumberParseError::NotANumber},
      {"1e3", NumberParseError::NotANumber},
      {"12%", NumberParseError::NotANumber},
      {"€ 5", NumberParseError::NotANumber},
      {"0x10", NumberParseError::NotANumber},
  };
  for (const Row& row : rows) {
    INFO("text \"" << row.text << "\"");
    const auto parsed = parseItalianNumber(row.text);
    REQUIRE(std::holds_alternative<NumberParseError>(parsed));
    CHECK(std::get<NumberParseError>(parsed) == row.expected);
  }
}

TEST_CASE("describe explains parse errors in Italian", "[rational][parse]") {
  CHECK(misura::describe(NumberParseError::DotAsDecimal, "1.5") ==
        "il separatore decimale è la virgola: scrivi 1,5 invece di 1.5");
  CHECK(misura::describe(NumberParseError::DotAsDecimal, " -3.14 ") ==
        "il separatore decimale è la virgola: scrivi -3,14 invece di -3.14");
  CHECK_THAT(misura::describe(NumberParseError::BadGrouping, "1.23,4"),
             Catch::Contains("1.23,4") && Catch::Contains("migliaia"));
  CHECK_THAT(misura::describe(NumberParseError::NotANumber, "abc"),
             Catch::Contains("«abc»") && Catch::Contains("non è un numero"));
  CHECK_FALSE(misura::describe(NumberParseError::Empty, "").empty());
}

TEST_CASE("formatItalian", "[rational][format]") {
  struct Row {
    Rational value;
    int decimals;
    bool thousands;
    const char* expected;
  };
  const std::vector<Row> rows = {
      {Rational(123456, 100), 2, true, "1.234,56"},
      {Rational(123456, 100), 2, false, "1234,56"},
      {Rational(1, 3), 2, true, "0,33"},
      {Rational(2, 3), 2, true, "0,67"},
      {-5, 0, true, "-5"},
      {-5, 2, true, "-5,00"},
      {0, 0, true, "0"},
      {0, 2, true, "0,00"},
      {Rational(-1, 1000), 2, true, "0,00"},  // rounds to zero: no "-0,00"
      {Rational(-4, 10), 0, true, "0"},
      {Rational(-5, 1000), 2, true, "-0,01"},  // half up goes away from zero
      {Rational(5, 100), 2, true, "0,05"},
      {Rational(7, 1000), 3, true, "0,007"},
      {Rational(-7, 1000), 3, true, "-0,007"},
      {Rational(89995, 1000), 2, true, "90,00"},
      {Rational(2345, 1000), 2, true, "2,35"},
      {Rational(-2345, 1000), 2, true, "-2,35"},
      {999, 0, true, "999"},
      {1000, 0, true, "1.000"},
      {-1000, 0, true, "-1.000"},
      {1234567, 2, true, "1.234.567,00"},
      {-1234567, 0, false, "-1234567"},
      {Rational(9999995, 10000), 2, true, "1.000,00"},
      {Rational(175, 2), 1, true, "87,5"},
  };
  for (const Row& row : rows) {
    INFO(row.value << " with " << row.decimals << " decimals");
    CHECK(formatItalian(row.value, row.decimals, row.thousands) == row.expected);
  }
}

TEST_CASE("formatExact", "[rational][format]") {
  CHECK(formatExact(Rational(175, 2)) == "87,5");
  CHECK(formatExact(90) == "90");
  CHECK(formatExact(Rational(1, 8)) == "0,125");
  CHECK(formatExact(Rational(-1, 8)) == "-0,125");
  CHECK(formatExact(0) == "0");
  CHECK(formatExact(1234567) == "1.234.567");
  CHECK(formatExact(1234567, 6, false) == "1234567");
  CHECK(formatExact(Rational(262, 3), 2) == "87,33…");
  CHECK(formatExact(Rational(262, 3)) == "87,333333…");
  CHECK(formatExact(Rational(2, 3), 2) == "0,67…");
  CHECK(formatExact(Rational(-2, 3), 2) == "-0,67…");
  CHECK(formatExact(Rational(1, 1000), 2) == "0,00…");
  CHECK(formatExact(Rational(-1, 1000), 2) == "0,00…");
  CHECK(formatExact(Rational(1, 1000), 3) == "0,001");
  CHECK(formatExact(Rational(1, 3), 0) == "0…");
}

TEST_CASE("parse and format round trip", "[rational][format][parse]") {
  for (const char* text : {"0", "-1,5", "1.234,56", "0,001", "-9.999.999,999", "87,5"}) {
    INFO(text);
    CHECK(formatExact(num(text)) == text);
  }
}

namespace {

// parseItalianNumber as a file with `decimal` reads it: '.' and ',' swapped for '.'.
std::optional<misura::Rational> slowParse(std::string text, char decimal) {
  if (decimal == '.')
    for (char& c : text) c = c == '.' ? ',' : c == ',' ? '.' : c;
  auto parsed = misura::parseItalianNumber(text);
  if (const auto* q = std::get_if<misura::Rational>(&parsed)) return *q;
  return std::nullopt;
}

}  // namespace

TEST_CASE("parsePlainDecimal agrees with parseItalianNumber on every short text", "[rational][numeri]") {
  // Every text of up to 6 characters over an alphabet with digits, both
  // separators, signs and a blank: where the fast path answers, its value is
  // the full parser's.
  const std::string alphabet = "09,.-+ ";
  size_t answered = 0;
  for (char decimal : {',', '.'}) {
    std::vector<std::string> texts = {""};
    for (int length = 1; length <= 6; ++length) {
      std::vector<std::string> longer;
      for (const std::string& t : texts)
        for (char c : alphabet) longer.push_back(t + c);
      for (const std::string& t : longer) {
        std::optional<misura::Rational> fast = misura::parsePlainDecimal(t, decimal);
        if (!fast) continue;
        ++answered;
        std::optional<misura::Rational> slow = slowParse(t, decimal);
        INFO("«" << t << "» decimali «" << decimal << "»");
        REQUIRE(slow);
        CHECK(*fast == *slow);
      }
      texts = std::move(longer);
    }
  }
  CHECK(answered > 1000);
}

TEST_CASE("parsePlainDecimal reads the common cells and leaves the rest to the full parser", "[rational][numeri]") {
  using misura::Rational;
  CHECK(misura::parsePlainDecimal("0.8534", '.') == Rational(8534, 10000));
  CHECK(misura::parsePlainDecimal("-12,5", ',') == Rational(-25, 2));
  CHECK(misura::parsePlainDecimal("+7", ',') == Rational(7));
  CHECK(misura::parsePlainDecimal("123456789012345678", ',') == Rational(123456789012345678L));
  CHECK(misura::parsePlainDecimal("0,00000000000000001", ',') == Rational(1, 100000000000000000L));  // 18 digits
  // 19 digits, thousands separators, blanks, the other separator: not the common shape.
  CHECK_FALSE(misura::parsePlainDecimal("1234567890123456789", ','));
  CHECK_FALSE(misura::parsePlainDecimal("1.234", ','));
  CHECK_FALSE(misura::parsePlainDecimal("1.234,5", ','));
  CHECK_FALSE(misura::parsePlainDecimal(" 5", ','));
  CHECK_FALSE(misura::parsePlainDecimal("0,5", '.'));
  CHECK_FALSE(misura::parsePlainDecimal(",5", ','));
  CHECK_FALSE(misura::parsePlainDecimal("5,", ','));
  CHECK_FALSE(misura::parsePlainDecimal("-", ','));
  // 19 digits are still read, by the full parser.
  CHECK(slowParse("1234567890123456789", ',') == Rational::fromMpq(mpq_class("1234567890123456789")));
}
