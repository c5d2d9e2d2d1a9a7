// Unit tests for the field rules checked at load (runtime/data/rules.h):
// ranges with excluded ends, whole numbers, non-negative amounts, and the
// statistics behind the "percentages written as fractions" warning (W0540).
#include <catch2/catch.hpp>

#include "compiler/support/diagnostics.h"
#include "runtime/data/rules.h"

using misura::Rational;
namespace ir = misura::ir;
namespace data = misura::data;

namespace {

ir::Field numeric(ir::Type type) {
  ir::Field f;
  f.name = "campo";
  f.type = type;
  return f;
}

// The codes reported when checking `value` against `f`.
std::vector<std::string> check(const ir::Field& f, Rational value) {
  misura::Diagnostics diags;
  data::FileDiagnostics fd(diags);
  data::checkFieldRules(f, ir::Value(value), misura::Span{}, fd);
  std::vector<std::string> codes;
  for (const misura::Diagnostic& d : diags.all()) codes.push_back(d.code);
  return codes;
}

}  // namespace

TEST_CASE("A range with an excluded lower end: part_time da 0 escluso a 1", "[rules]") {
  ir::Field f = numeric(ir::Type::Numero);
  f.rules.lower = ir::Bound{Rational(0), true, "0"};
  f.rules.upper = ir::Bound{Rational(1), false, "1"};
  CHECK(check(f, Rational(1, 2)).empty());
  CHECK(check(f, Rational(1)).empty());
  CHECK(check(f, Rational(0)) == std::vector<std::string>{"E0540"});
  CHECK(check(f, Rational(3, 2)) == std::vector<std::string>{"E0540"});
}

TEST_CASE("Whole numbers and non-negative amounts", "[rules]") {
  ir::Field voto = numeric(ir::Type::Numero);
  voto.rules.integer = true;
  CHECK(check(voto, Rational(3)).empty());
  CHECK(check(voto, Rational(7, 2)) == std::vector<std::string>{"E0541"});
  ir::Field importo = numeric(ir::Type::Euro);
  importo.rules.nonNegative = true;
  CHECK(check(importo, Rational(0)).empty());
  CHECK(check(importo, Rational(-1)) == std::vector<std::string>{"E0542"});
}

TEST_CASE("An integer percentage is a whole percent", "[rules]") {
  ir::Field f = numeric(ir::Type::Percentuale);
  f.rules.integer = true;
  CHECK(check(f, Rational(9, 10)).empty());          // 90%
  CHECK(check(f, Rational(905, 1000)) == std::vector<std::string>{"E0541"});  // 90,5%
}

TEST_CASE("Column statistics: fractions without % are suspicious, with % they are not", "[rules]") {
  data::ColumnStats fractions;
  fractions.note("0,9", ir::Value(Rational(9, 1000)));
  fractions.note("0,75", ir::Value(Rational(75, 10000)));
  CHECK(fractions.allUpToOne);
  CHECK(fractions.anyPositive);
  CHECK_FALSE(fractions.percentSign);

  data::ColumnStats written;
  written.note("0,9%", ir::Value(Rational(9, 1000)));
  CHECK(written.percentSign);

  data::ColumnStats percents;
  percents.note("90", ir::Value(Rational(9, 10)));
  CHECK_FALSE(percents.allUpToOne);
}
