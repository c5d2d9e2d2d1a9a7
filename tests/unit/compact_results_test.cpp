// Unit tests for the compact per-row and per-person storage of issue 10's
// memory work: data::CellSpans (a cell as 16-bit offset and length from the
// row's start, plain Spans when a cell does not fit) and eval::LazyVector
// and eval::LazyOptional (an empty vector or optional costs one pointer).
#include <catch2/catch.hpp>

#include <optional>
#include <utility>
#include <vector>

#include "runtime/data/cell_spans.h"
#include "runtime/eval/lazy_optional.h"
#include "runtime/eval/lazy_vector.h"

using misura::Span;
using misura::data::CellSpans;
using misura::eval::LazyVector;

namespace {
bool same(Span a, Span b) { return a.file == b.file && a.begin == b.begin && a.end == b.end; }
}  // namespace

TEST_CASE("CellSpans gives back every cell of a row, valid or not") {
  CellSpans s;
  const Span row{3, 1000, 1100};
  s.reset(4, row);
  s.set(0, Span{3, 1000, 1005});
  s.set(2, Span{3, 1090, 1100});
  s.set(3, row);  // a computed field cites the whole row
  REQUIRE(s.size() == 4);
  CHECK(same(s[0], Span{3, 1000, 1005}));
  CHECK(!s[1].valid());  // an absent column
  CHECK(same(s.at(2), Span{3, 1090, 1100}));
  CHECK(same(s.back(), row));
  CHECK_THROWS_AS(s.at(4), std::out_of_range);
  std::vector<Span> v = s.toVector();
  REQUIRE(v.size() == 4);
  CHECK(same(v[2], s[2]));
}

TEST_CASE("CellSpans keeps plain Spans when a cell does not fit in 16 bits or is in another file") {
  const Span row{1, 10, 200000};
  for (Span odd : {Span{1, 100000, 100004}, Span{1, 20, 70000}, Span{2, 10, 12}, Span{1, 5, 8}}) {
    CellSpans s;
    s.reset(3, row);
    s.set(0, Span{1, 10, 14});
    s.set(1, odd);
    s.set(2, Span{1, 15, 19});
    CHECK(same(s[0], Span{1, 10, 14}));
    CHECK(same(s[1], odd));
    CHECK(same(s[2], Span{1, 15, 19}));
    CellSpans copy = s;
    CHECK(same(copy[1], odd));
    s.set(1, Span{});
    CHECK(!s[1].valid());
    CHECK(same(copy[1], odd));  // the copy is deep
  }
}

TEST_CASE("LazyVector reads as an empty vector until written") {
  LazyVector<int> v;
  CHECK(v.empty());
  CHECK(v.size() == 0);
  CHECK(v.begin() == v.end());
  const std::vector<int>& asVector = v;
  CHECK(asVector.empty());
  v.push_back(4);
  v.emplace_back(5);
  CHECK(v.size() == 2);
  CHECK(v.get() == std::vector<int>{4, 5});
  LazyVector<int> copy = v;
  v.mut()[0] = 9;
  CHECK(copy[0] == 4);  // the copy is deep
  v = std::vector<int>{};
  CHECK(v.empty());
  CHECK(sizeof(LazyVector<int>) == sizeof(void*));
}

TEST_CASE("LazyOptional reads as a std::optional") {
  using misura::eval::LazyOptional;
  LazyOptional<int> o;
  CHECK(!o);
  CHECK(o.value_or(7) == 7);
  CHECK(!o.get().has_value());
  o = 3;
  REQUIRE(o.has_value());
  CHECK(*o == 3);
  std::optional<int> plain = o;
  CHECK(plain == 3);
  LazyOptional<int> copy = o;
  *o = 4;
  CHECK(*copy == 3);  // the copy is deep
  LazyOptional<int> taken = std::exchange(o, std::nullopt);
  CHECK(!o);
  CHECK(*taken == 4);
  CHECK(sizeof(LazyOptional<int>) == sizeof(void*));
}
