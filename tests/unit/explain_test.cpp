// Unit tests for explanations: the interpreter's optional trace (what a
// chunk read and compared, nothing when not asked) and the regolamento's
// text of a rule as an explanation shows it.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "compiler/ir/ir.h"
#include "runtime/interp/interp.h"
#include "runtime/report/explain_parts.h"

using misura::Rational;
using misura::Span;
namespace ir = misura::ir;
namespace interp = misura::interp;
using ir::Op;

namespace {

ir::Chunk chunkOf(std::vector<ir::Instr> code, std::vector<ir::Value> consts) {
  ir::Chunk c;
  c.code = std::move(code);
  c.consts = std::move(consts);
  c.type = ir::Type::Booleano;
  return c;
}

// valore < soglia * 70%  (slot 0: valore, slot 1: soglia)
ir::Chunk lessThanThreshold() {
  return chunkOf({{Op::LoadParam, 0, 0, {0, 0, 6}},
                  {Op::LoadParam, 1, 0, {0, 9, 15}},
                  {Op::PushConst, 0, 0, {0, 18, 21}},
                  {Op::Mul, 0, 0, {0, 9, 21}},
                  {Op::Lt, 0, 0, {0, 0, 21}},
                  {Op::Return, 0, 0, {0, 0, 21}}},
                 {Rational(7, 10)});
}

}  // namespace

TEST_CASE("The trace records the names read and the comparisons, in order", "[interp][spiega]") {
  std::vector<ir::Value> args{Rational(7, 10), Rational(4, 5)};
  std::vector<interp::TraceEntry> trace;
  interp::Context ctx;
  ctx.args = args;
  ctx.trace = &trace;
  interp::Result r = interp::run(lessThanThreshold(), ctx);
  REQUIRE(std::holds_alternative<ir::Value>(r));
  CHECK(std::get<bool>(std::get<ir::Value>(r)) == false);  // 70% < 56% is false

  REQUIRE(trace.size() == 3);  // valore, soglia, the comparison; not the constant nor the product
  CHECK(trace[0].op == Op::LoadParam);
  CHECK(trace[0].operand == 0);
  CHECK(std::get<Rational>(trace[0].value) == Rational(7, 10));
  CHECK(trace[1].operand == 1);
  CHECK(std::get<Rational>(trace[1].value) == Rational(4, 5));
  CHECK(trace[2].op == Op::Lt);
  CHECK(trace[2].span.begin == 0);
  CHECK(trace[2].span.end == 21);
  CHECK(std::get<bool>(trace[2].value) == false);
}

TEST_CASE("Without a trace nothing is recorded and the result is the same", "[interp][spiega]") {
  std::vector<ir::Value> args{Rational(1, 2), Rational(4, 5)};
  interp::Context ctx;
  ctx.args = args;
  interp::Result r = interp::run(lessThanThreshold(), ctx);
  REQUIRE(std::holds_alternative<ir::Value>(r));
  CHECK(std::get<bool>(std::get<ir::Value>(r)) == true);  // 50% < 56%
}

TEST_CASE("The trace does not follow into the indicators a chunk calls", "[interp][spiega]") {
  ir::Module m;
  ir::Indicator ind;
  ind.name = "doppio";
  ind.slots = {ir::Type::Numero};
  ind.slotNames = {"x"};
  ind.body = chunkOf({{Op::LoadParam, 0, 0, {}}, {Op::LoadParam, 0, 0, {}}, {Op::Add, 0, 0, {}}, {Op::Return, 0, 0, {}}},
                     {});
  m.indicators.push_back(ind);
  ir::Chunk call = chunkOf({{Op::PushConst, 0, 0, {}}, {Op::CallIndicator, 0, 1, {}}, {Op::Return, 0, 0, {}}},
                           {Rational(3)});
  std::vector<interp::TraceEntry> trace;
  interp::Context ctx;
  ctx.module = &m;
  ctx.trace = &trace;
  interp::Result r = interp::run(call, ctx);
  REQUIRE(std::holds_alternative<ir::Value>(r));
  REQUIRE(trace.size() == 1);
  CHECK(trace[0].op == Op::CallIndicator);
  CHECK(std::get<Rational>(trace[0].value) == Rational(6));
}

TEST_CASE("A rule's text: as written over lines, or on one line without comments", "[spiega]") {
  misura::SourceManager sm;
  const std::string text =
      "indicatore almeno(soglia: percentuale) su valore: percentuale =\n"
      "  se valore < soglia * 70% allora 0%   # sotto il 70%\n"
      "  altrimenti minimo(100%, valore / soglia)\n";
  const misura::FileId f = sm.add("r.misura", text);
  const uint32_t begin = static_cast<uint32_t>(text.find("se valore"));
  const uint32_t end = static_cast<uint32_t>(text.find("soglia)\n") + 7);
  const Span body{f, begin, end};
  CHECK(misura::report::detail::sourceText(sm, body) ==
        "se valore < soglia * 70% allora 0%   # sotto il 70%\naltrimenti minimo(100%, valore / soglia)");
  CHECK(misura::report::detail::sourceLine(sm, body) ==
        "se valore < soglia * 70% allora 0% altrimenti minimo(100%, valore / soglia)");
}

TEST_CASE("Exact numbers: shortest decimal, or rounded with the fraction", "[spiega]") {
  using misura::report::detail::exactNote;
  using misura::report::detail::num;
  CHECK(num(Rational(1839, 20)) == "91,95");
  CHECK(exactNote(Rational(1839, 20)).empty());
  CHECK(num(Rational(1, 3)) == "0,333333…");
  CHECK(exactNote(Rational(1, 3)) == " (esatto: 1/3)");
  CHECK(misura::report::detail::shown(Rational(108110, 100), ir::Type::Euro) == "1.081,10 €");
  CHECK(misura::report::detail::shown(Rational(1837871, 2000), ir::Type::Euro) == "918,9355 €");
}
