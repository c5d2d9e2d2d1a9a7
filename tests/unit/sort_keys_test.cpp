// Unit tests for the ordering of rankings and ties (runtime/eval/sort_keys.cpp):
// matricole of digits compare as numbers, declared keys in their direction,
// the matricola as the last resort.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "runtime/eval/session.h"

using namespace misura;
using eval::compareText;

TEST_CASE("matricole di sole cifre si confrontano come numeri", "[graduatoria]") {
  CHECK(compareText("9", "10") < 0);
  CHECK(compareText("99", "100") < 0);
  CHECK(compareText("10", "9") > 0);
  CHECK(compareText("0102", "0103") < 0);
  CHECK(compareText("0102", "102") < 0);  // equal numbers: then as text
  CHECK(compareText("102", "0102") > 0);
  CHECK(compareText("7", "7") == 0);
}

TEST_CASE("testi non numerici si confrontano carattere per carattere", "[graduatoria]") {
  CHECK(compareText("A10", "A2") < 0);
  CHECK(compareText("9", "A1") < 0);  // '9' < 'A' in byte order
  CHECK(compareText("", "1") < 0);
}

TEST_CASE("chiavi nel loro verso, poi la matricola", "[graduatoria]") {
  ir::SortKey total;
  total.descending = true;
  ir::SortKey date;
  date.descending = false;
  const std::vector<ir::SortKey> keys{total, date};
  const std::vector<ir::Value> a{Rational(90), Date::fromYmd(2010, 3, 1).value()};
  const std::vector<ir::Value> b{Rational(88), Date::fromYmd(2005, 1, 1).value()};
  const std::vector<ir::Value> c{Rational(90), Date::fromYmd(2012, 6, 15).value()};
  CHECK(eval::comesBefore(keys, a, "10", b, "9"));   // higher total first
  CHECK(eval::comesBefore(keys, a, "10", c, "9"));   // equal total: earlier date
  CHECK(eval::comesBefore(keys, a, "9", a, "10"));   // all equal: 9 before 10
  CHECK_FALSE(eval::comesBefore(keys, a, "10", a, "9"));
}

TEST_CASE("non rilevati in fondo: dopo ogni valore, in qualunque verso", "[graduatoria]") {
  for (bool descending : {true, false}) {
    ir::SortKey vote;
    vote.descending = descending;
    vote.missingLast = true;
    const std::vector<ir::SortKey> keys{vote};
    const std::vector<ir::Value> voted{Rational(60)}, notVoted{ir::Missing{}};
    CHECK(eval::comesBefore(keys, voted, "10", notVoted, "9"));
    CHECK_FALSE(eval::comesBefore(keys, notVoted, "9", voted, "10"));
    CHECK(eval::comesBefore(keys, notVoted, "9", notVoted, "10"));  // both missing: the next key (matricola)
  }
}
