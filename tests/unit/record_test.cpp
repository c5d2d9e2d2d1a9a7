// Unit tests for ir::Record (compiler/ir/record.h): every value comes back
// exactly as stored, whether it fits a cell or goes to the record's list.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "compiler/ir/record.h"

using misura::Date;
using misura::Rational;
namespace ir = misura::ir;

namespace {

std::vector<ir::Value> samples() {
  std::vector<ir::Value> v{ir::Missing{}, true, false, std::string(), std::string("R"), std::string("1234567"),
                           std::string("12345678"),  // 8 bytes: past a cell
                           std::string("àè€"),       // UTF-8, 8 bytes
                           std::string("a\0b", 3),   // a NUL byte is a byte like the others
                           *Date::fromYmd(2024, 2, 29), *Date::fromYmd(1900, 1, 1), Date::fromDays(-1),
                           Rational(0), Rational(-1), Rational(424, 10), Rational(-17, 1), Rational(1, 3),
                           Rational(4, 5), Rational(1, 128), Rational(1, 256),  // 2^8: past a cell
                           Rational(1, 78125),                                  // 5^7
                           Rational(1, 390625),                                 // 5^8
                           Rational(1, 10000000), Rational(1, 100000000)};
  const int64_t edge = int64_t{1} << 54;
  for (int64_t n : {edge - 1, edge, -(edge - 1), -edge, INT64_MAX, INT64_MIN + 1})
    for (int64_t d : {int64_t{1}, int64_t{10}, int64_t{3}}) v.push_back(Rational(n, d));
  v.push_back(Rational::fromMpq(mpq_class("123456789012345678901234567890/7")));
  return v;
}

}  // namespace

TEST_CASE("Record: every value read back is the one stored", "[record]") {
  const std::vector<ir::Value> values = samples();
  const ir::Record record(values);
  REQUIRE(record.size() == values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    INFO("valore " << i);
    CHECK(record[i] == values[i]);
    CHECK(record.missing(i) == std::holds_alternative<ir::Missing>(values[i]));
  }
  const ir::Record copy = record;  // a copy owns its own list of others
  for (size_t i = 0; i < values.size(); ++i) CHECK(copy[i] == values[i]);
  CHECK_THROWS_AS(record.at(values.size()), std::out_of_range);
}

TEST_CASE("Record: a new record is all non rilevato; set overwrites any kind with any kind", "[record]") {
  const std::vector<ir::Value> values = samples();
  ir::Record record(3);
  for (size_t i = 0; i < 3; ++i) CHECK(std::holds_alternative<ir::Missing>(record[i]));
  for (const ir::Value& a : values)
    for (const ir::Value& b : {values.front(), values.back(), values[5], values[14]}) {
      record.set(1, a);
      record.set(1, b);
      CHECK(record[1] == b);
      CHECK(std::holds_alternative<ir::Missing>(record[0]));
      CHECK(std::holds_alternative<ir::Missing>(record[2]));
    }
}

TEST_CASE("Record: inlineNumber gives the lowest terms of decimals, nothing for other cells", "[record]") {
  const ir::Record record(std::vector<ir::Value>{Rational(424, 10), Rational(1, 3), std::string("7"), ir::Missing{},
                                                 Rational(-25, 100)});
  CHECK(record.inlineNumber(0) == std::make_pair(int64_t{212}, int64_t{5}));
  CHECK_FALSE(record.inlineNumber(1));  // a third is kept as a Value
  CHECK_FALSE(record.inlineNumber(2));
  CHECK_FALSE(record.inlineNumber(3));
  CHECK(record.inlineNumber(4) == std::make_pair(int64_t{-1}, int64_t{4}));
}

TEST_CASE("Record: random decimals round-trip", "[record]") {
  std::mt19937_64 rng(20261207);
  std::uniform_int_distribution<int64_t> num(-(int64_t{1} << 56), int64_t{1} << 56);
  std::uniform_int_distribution<int> places(0, 9);
  std::vector<ir::Value> values;
  for (int i = 0; i < 20000; ++i) {
    int64_t den = 1;
    for (int p = places(rng); p > 0; --p) den *= 10;
    values.push_back(Rational(num(rng) >> (i % 50), den));
  }
  const ir::Record record(values);
  for (size_t i = 0; i < values.size(); ++i) REQUIRE(record[i] == values[i]);
}
