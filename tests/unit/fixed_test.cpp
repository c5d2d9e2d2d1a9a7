// Unit tests for runtime/fixed: the integer evaluator gives the general
// interpreter's value whenever it gives one, gives up (nullopt) on a
// non rilevato value, a value off its scale or an overflow, and refuses to
// compile what it does not do. The differential part runs random chunks
// (sums, products, divisions by constants, minimo/massimo, se/allora/
// altrimenti, scaglioni) on random persons; the seed is fixed.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "compiler/driver/driver.h"
#include "compiler/ir/ir.h"
#include "runtime/eval/evaluate.h"
#include "runtime/report/report.h"
#include "runtime/fixed/fixed.h"
#include "runtime/interp/interp.h"
#include "runtime/jit/jit.h"
#include "tests/unit/chunk_builder.h"

using misura::Rational;
namespace ir = misura::ir;
namespace fixed = misura::fixed;
namespace interp = misura::interp;
using ir::Op;
using misura::testing::Code;
using misura::Compilation;
namespace eval = misura::eval;
namespace report = misura::report;

namespace {

// Three numeric staff fields: whole numbers, tenths, hundredths.
fixed::InputScales threeFields() {
  fixed::InputScales s;
  s.staff = {1, 10, 100};
  return s;
}

const ir::Module kModule{};

std::optional<Rational> fixedValue(const ir::Chunk& chunk, const std::vector<ir::Value>& person,
                                   const fixed::InputScales& scales = threeFields()) {
  std::string why;
  std::optional<fixed::Program> p = fixed::compile(chunk, kModule, scales, &why);
  INFO("non compilato: " << why);
  REQUIRE(p);
  const ir::Record row(person);
  return fixed::run(*p, fixed::Inputs{&row, nullptr, nullptr});
}

ir::Value interpreted(const ir::Chunk& chunk, const std::vector<ir::Value>& person) {
  const ir::Record row(person);
  interp::Context ctx;
  ctx.person = &row;
  interp::Result r = interp::run(chunk, ctx);
  if (const auto* v = std::get_if<ir::Value>(&r)) return *v;
  return ir::Value{std::string("errore ") + std::get<interp::RuntimeError>(r).code};
}

std::vector<ir::Value> person(Rational a, Rational b, Rational c) { return {a, b, c}; }

// se field1 < 50 allora 0 altrimenti minimo(1, field1 / 80): the two
// branches have scales 1 and 800, so the join rescales the first.
ir::Chunk g2() {
  Code c;
  c.op(Op::LoadPerson, 1).num(50).op(Op::Lt);
  const uint32_t jif = c.here();
  c.op(Op::JumpIfFalse);
  c.num(0);
  const uint32_t jmp = c.here();
  c.op(Op::Jump);
  c.chunk.code[jif].a = c.here();
  c.num(1).op(Op::LoadPerson, 1).num(80).op(Op::Div).call(ir::Builtin::Minimo, 2);
  c.chunk.code[jif].b = c.chunk.code[jmp].a = c.here();
  return c.done();
}

}  // namespace

TEST_CASE("Integer evaluator: the interpreter's value, exactly", "[fixed]") {
  const ir::Chunk chunk = g2();
  for (Rational x : {Rational(499, 10), Rational(50), Rational(643, 10), Rational(80), Rational(1000, 10)}) {
    const std::vector<ir::Value> row = person(0, x, 0);
    std::optional<Rational> v = fixedValue(chunk, row);
    REQUIRE(v);
    CHECK(ir::Value(*v) == interpreted(chunk, row));
  }
  CHECK(*fixedValue(chunk, person(0, Rational(643, 10), 0)) == Rational(643, 800));
  CHECK(*fixedValue(chunk, person(0, Rational(499, 10), 0)) == Rational(0));
}

TEST_CASE("Integer evaluator: a division by a negative constant keeps the sign", "[fixed]") {
  Code c;
  c.op(Op::LoadPerson, 2).num(-3, 4).op(Op::Div);
  const ir::Chunk chunk = c.done();
  CHECK(*fixedValue(chunk, person(0, 0, Rational(15, 100))) == Rational(-1, 5));
  CHECK(*fixedValue(chunk, person(0, 0, Rational(-1, 100))) == Rational(1, 75));
}

TEST_CASE("Integer evaluator: scaglioni, at the thresholds and past them", "[fixed]") {
  // fino a 0 -> 1, fino a 30 -> 0,9, fino a 60 -> 0,8, altrimenti 0
  Code c;
  ir::StepTable t;
  t.kind = ir::StepKind::FinoA;
  t.lines = {{Rational(0), Rational(1)}, {Rational(30), Rational(9, 10)}, {Rational(60), Rational(8, 10)}};
  t.otherwise = Rational(0);
  c.chunk.steps.push_back(t);
  c.op(Op::LoadPerson, 1).op(Op::Scaglioni, 0);
  const ir::Chunk chunk = c.done();
  const std::pair<Rational, Rational> cases[] = {{Rational(-5), Rational(1)},     {Rational(0), Rational(1)},
                                                 {Rational(1, 10), Rational(9, 10)}, {Rational(30), Rational(9, 10)},
                                                 {Rational(301, 10), Rational(4, 5)}, {Rational(61), Rational(0)}};
  for (const auto& [x, expected] : cases) CHECK(*fixedValue(chunk, person(0, x, 0)) == expected);
  // da 90 -> 1, da 80 -> 0,85, altrimenti 0: a threshold is met by the value itself
  Code da;
  ir::StepTable bands;
  bands.kind = ir::StepKind::Da;
  bands.lines = {{Rational(90), Rational(1)}, {Rational(80), Rational(85, 100)}};
  bands.otherwise = Rational(0);
  da.chunk.steps.push_back(bands);
  da.op(Op::LoadPerson, 2).op(Op::Scaglioni, 0);
  const ir::Chunk daChunk = da.done();
  CHECK(*fixedValue(daChunk, person(0, 0, Rational(90))) == Rational(1));
  CHECK(*fixedValue(daChunk, person(0, 0, Rational(8999, 100))) == Rational(17, 20));
  CHECK(*fixedValue(daChunk, person(0, 0, Rational(80))) == Rational(17, 20));
  CHECK(*fixedValue(daChunk, person(0, 0, Rational(7999, 100))) == Rational(0));
  // Without `altrimenti` the value past the last line is non rilevato: the interpreter says so.
  c.chunk.steps[0].otherwise = ir::Missing{};
  const ir::Chunk open = c.chunk;
  CHECK_FALSE(fixedValue(open, person(0, Rational(61), 0)));
  CHECK(*fixedValue(open, person(0, Rational(60), 0)) == Rational(4, 5));
}

TEST_CASE("Integer evaluator: gives up where the interpreter must answer", "[fixed]") {
  Code c;
  c.op(Op::LoadPerson, 0).op(Op::LoadPerson, 1).op(Op::Mul);
  const ir::Chunk chunk = c.done();
  SECTION("a non rilevato value") {
    const std::vector<ir::Value> row{ir::Missing{}, Rational(1), Rational(0)};
    CHECK_FALSE(fixedValue(chunk, row));
  }
  SECTION("a value off its column's scale") {
    CHECK_FALSE(fixedValue(chunk, person(Rational(1, 3), 1, 0)));
  }
  SECTION("a numerator past 64 bits") {
    CHECK_FALSE(fixedValue(chunk, person(Rational(INT64_MAX / 2), 4, 0)));
    CHECK(*fixedValue(chunk, person(Rational(1L << 40), 4, 0)) == Rational(1L << 42));
  }
}

TEST_CASE("Integer evaluator: what it does not compile", "[fixed]") {
  std::string why;
  Code div;
  div.num(1).op(Op::LoadPerson, 0).op(Op::Div);  // by a value known only when running
  CHECK_FALSE(fixed::compile(div.done(), kModule, threeFields(), &why));
  CHECK(why == "divisione per un valore calcolato");
  Code text;
  text.push(std::string("R")).op(Op::LoadPerson, 0).op(Op::Eq);
  CHECK_FALSE(fixed::compile(text.done(), kModule, threeFields()));
  Code unknownScale;
  unknownScale.op(Op::LoadPerson, 0);
  fixed::InputScales none;
  none.staff = {0, 0, 0};
  CHECK_FALSE(fixed::compile(unknownScale.done(), kModule, none));
}

TEST_CASE("Integer evaluator: columnScale is the lcm of a column's denominators", "[fixed]") {
  const ir::Record a(std::vector<ir::Value>{Rational(1, 2), std::string("x")}),
      b(std::vector<ir::Value>{Rational(3, 5), ir::Missing{}}), c(std::vector<ir::Value>{Rational(7), Rational(1)});
  const std::vector<const ir::Record*> rows{&a, &b, &c};
  CHECK(fixed::columnScale(rows, 0, 1000) == 10);
  CHECK(fixed::columnScale(rows, 0, 9) == 0);
  CHECK(fixed::columnScale(rows, 1, 1000) == 0);  // a text
  CHECK(fixed::columnScales(rows, {1, 0, 2}, 1000) == std::vector<int64_t>{0, 10, 0});  // 2: past the rows' end
}

namespace {

// Random expressions over the three fields, lowered as the compiler does.
class RandomChunk {
 public:
  explicit RandomChunk(std::mt19937_64& rng) : rng_(rng) {}
  ir::Chunk make() {
    expr(4);
    return code_.done();
  }

 private:
  int pick(int n) { return int(rng_() % uint64_t(n)); }
  Rational constant() {
    static const long dens[] = {1, 2, 4, 10, 100, 3, 7};
    return Rational(long(pick(401)) - 200, dens[pick(7)]);
  }
  void expr(int depth) {
    const int kind = depth == 0 ? pick(2) : pick(10);
    switch (kind) {
      case 0: code_.push(constant()); return;
      case 1: code_.op(Op::LoadPerson, uint32_t(pick(3))); return;
      case 2: case 3: case 4: {
        expr(depth - 1);
        expr(depth - 1);
        code_.op(kind == 2 ? Op::Add : kind == 3 ? Op::Sub : Op::Mul);
        return;
      }
      case 5: {
        expr(depth - 1);
        Rational d = constant();
        code_.push(d.isZero() ? Rational(-7, 3) : d).op(Op::Div);
        return;
      }
      case 6: {
        const uint32_t n = 2 + uint32_t(pick(2));
        for (uint32_t i = 0; i < n; ++i) expr(depth - 1);
        code_.call(pick(2) ? ir::Builtin::Minimo : ir::Builtin::Massimo, n);
        return;
      }
      case 7: {
        expr(depth - 1);
        code_.op(Op::Neg);
        return;
      }
      case 8: {  // se A op B allora C altrimenti D
        expr(depth - 1);
        expr(depth - 1);
        static const Op cmps[] = {Op::Lt, Op::Le, Op::Gt, Op::Ge, Op::Eq, Op::Ne};
        code_.op(cmps[pick(6)]);
        const uint32_t jif = code_.here();
        code_.op(Op::JumpIfFalse);
        expr(depth - 1);
        const uint32_t jmp = code_.here();
        code_.op(Op::Jump);
        code_.chunk.code[jif].a = code_.here();
        expr(depth - 1);
        code_.chunk.code[jif].b = code_.chunk.code[jmp].a = code_.here();
        return;
      }
      default: {  // scaglioni, da or fino a, with or without altrimenti
        expr(depth - 1);
        ir::StepTable t;
        t.kind = pick(2) ? ir::StepKind::Da : ir::StepKind::FinoA;
        Rational threshold(long(pick(100)) - 50);
        for (int i = 0; i < 3; ++i) {
          const Rational step = pick(2) ? Rational(pick(40), 10) : Rational(pick(5));
          threshold = t.kind == ir::StepKind::Da ? threshold - step : threshold + step;
          t.lines.emplace_back(threshold, constant());
        }
        if (pick(4)) t.otherwise = constant();
        code_.chunk.steps.push_back(t);
        code_.op(Op::Scaglioni, uint32_t(code_.chunk.steps.size() - 1));
        return;
      }
    }
  }

  std::mt19937_64& rng_;
  Code code_;
};

// Half of the values are small whole numbers, so that comparisons and step
// thresholds are met exactly as often as they are passed.
Rational randomAt(std::mt19937_64& rng, long scale) {
  if (rng() % 2) return Rational(long(rng() % 121) - 60);
  return Rational(long(rng() % 20001) - 10000, scale);
}

}  // namespace

TEST_CASE("Integer evaluator against the interpreter on random chunks", "[fixed][differential]") {
  std::mt19937_64 rng(20261207);
  size_t agreed = 0, gaveUp = 0, notCompiled = 0;
  for (int n = 0; n < 400; ++n) {
    const ir::Chunk chunk = RandomChunk(rng).make();
    std::string why;
    std::optional<fixed::Program> program = fixed::compile(chunk, kModule, threeFields(), &why);
    if (!program) {  // every random chunk is in the compiled subset; deep products may pass 2^40 as a scale
      REQUIRE(why == "scala troppo grande");
      ++notCompiled;
      continue;
    }
    for (int k = 0; k < 40; ++k) {
      std::vector<ir::Value> row{randomAt(rng, 1), randomAt(rng, 10), randomAt(rng, 100)};
      if (rng() % 20 == 0) row[rng() % 3] = ir::Missing{};
      const ir::Record record(row);
      const std::optional<Rational> fast = fixed::run(*program, fixed::Inputs{&record, nullptr, nullptr});
      const ir::Value slow = interpreted(chunk, row);
      if (!fast) {
        ++gaveUp;
        continue;
      }
      INFO("piano:\n" << fixed::print(*program));
      REQUIRE(ir::Value(*fast) == slow);
      ++agreed;
    }
  }
  // Give-ups are the non rilevato values, a step table without altrimenti
  // and overflows: a minority, or the test would prove little.
  CHECK(agreed > 3 * gaveUp);
  CHECK(notCompiled < 40);
}

// The JIT (runtime/jit) against the integer machine on the same random
// chunks and persons: the same value, or a give-up in both. Only where this
// build has the JIT; the goldens also run with MISURA_MOTORE=jit.
TEST_CASE("JIT: the integer machine's results on random chunks", "[fixed][jit][differential]") {
  if (!misura::jit::built()) {
    WARN("misura compilato senza JIT (LLVM 14): niente da confrontare");
    return;
  }
  std::mt19937_64 rng(20261208);
  std::vector<ir::Chunk> chunks;
  std::vector<fixed::Program> machine, native;
  for (int n = 0; n < 300; ++n) {
    ir::Chunk chunk = RandomChunk(rng).make();
    if (std::optional<fixed::Program> p = fixed::compile(chunk, kModule, threeFields())) {
      machine.push_back(*p);
      native.push_back(std::move(*p));
      chunks.push_back(std::move(chunk));
    }
  }
  std::vector<fixed::Program*> all;
  for (fixed::Program& p : native) all.push_back(&p);
  std::string error;
  std::unique_ptr<misura::jit::Compiled> code = misura::jit::compile(all, error);
  INFO(error);
  REQUIRE(code);
  size_t values = 0, gaveUp = 0;
  for (size_t i = 0; i < native.size(); ++i) {
    REQUIRE(native[i].native);
    for (int k = 0; k < 40; ++k) {
      std::vector<ir::Value> row{randomAt(rng, 1), randomAt(rng, 10), randomAt(rng, 100)};
      if (rng() % 20 == 0) row[rng() % 3] = ir::Missing{};
      const ir::Record record(row);
      const fixed::Inputs in{&record, nullptr, nullptr};
      const std::optional<Rational> expected = fixed::run(machine[i], in);
      INFO("piano:\n" << fixed::print(machine[i]));
      REQUIRE(fixed::run(native[i], in) == expected);
      ++(expected ? values : gaveUp);
    }
  }
  CHECK(values > 3 * gaveUp);
  CHECK(gaveUp > 0);  // the give-up paths ran too
}

TEST_CASE("W1 runs every number chunk on integers, with the interpreter's results", "[fixed][w1]") {
  // bench/w1's regolamento on its hand-made fixture (21 persons, exact .5
  // ties and tie-breaks), linked as the w1.csv the regolamento reads.
  const std::filesystem::path root = MISURA_SOURCE_DIR;
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "misura_fixed_w1";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(root / "bench/w1/fixtures/edge.csv", dir / "w1.csv");
  auto evaluated = [&](eval::Timings& t) {
    Compilation c;
    REQUIRE(compileFile((root / "bench/w1/w1.misura").string(), c));
    eval::Options options{dir};
    options.timings = &t;
    std::optional<eval::Evaluation> e = eval::evaluate(*c.module, options, c.sources, c.diags);
    REQUIRE(e);
    return report::csv(*c.module, *e);
  };
  eval::Timings integers, interpreter, native;
  const std::string fast = evaluated(integers);
  setenv("MISURA_MOTORE", "interprete", 1);
  const std::string slow = evaluated(interpreter);
  setenv("MISURA_MOTORE", "jit", 1);
  const std::string jitted = evaluated(native);
  unsetenv("MISURA_MOTORE");
  std::filesystem::remove_all(dir);
  CHECK(fast == slow);
  CHECK(integers.integerChunks == 6);  // two components per profile, the premio, the fund's quota
  // Per person: two components, then the premio (R) or the quota (D).
  CHECK(integers.integerRuns == 3 * 21);
  CHECK(integers.nativeChunks == 0);  // the JIT only when asked for
  CHECK(interpreter.integerChunks == 0);
  CHECK(interpreter.integerRuns == 0);
  // With the JIT (where it is built): the same results, all six in machine code.
  CHECK(jitted == fast);
  CHECK(native.integerRuns == 3 * 21);
  CHECK(native.nativeChunks == (misura::jit::built() ? 6u : 0u));
}

TEST_CASE("Integer evaluator: giorni_anno, anno and giorni_servizio as the interpreter counts them", "[fixed]") {
  ir::Module m;
  m.anno = 2024;
  // premio-like: 1000 * giorni_servizio / giorni_anno + anno - 2024
  Code c;
  c.num(1000).call(ir::Builtin::GiorniServizio, 0).op(Op::Mul).call(ir::Builtin::GiorniAnno, 0).op(Op::Div);
  c.call(ir::Builtin::AnnoValutazione, 0).op(Op::Add).num(2024).op(Op::Sub);
  const ir::Chunk chunk = c.done();
  fixed::InputScales scales = threeFields();
  CHECK_FALSE(fixed::compile(chunk, m, scales));  // the year unknown to the compiler
  scales.year = 2024;
  std::optional<fixed::Program> p = fixed::compile(chunk, m, scales);
  REQUIRE(p);
  const ir::Record row(person(0, 0, 0));
  const misura::DateRange periods[] = {
      {*misura::Date::fromYmd(2024, 1, 1), *misura::Date::fromYmd(2024, 12, 31)},
      {*misura::Date::fromYmd(2023, 6, 1), *misura::Date::fromYmd(2024, 2, 29)},  // 60 days in 2024
      {*misura::Date::fromYmd(2024, 7, 1), *misura::Date::fromYmd(2025, 3, 1)},
      {*misura::Date::fromYmd(2025, 1, 1), *misura::Date::fromYmd(2025, 3, 1)},   // none in 2024
  };
  for (const misura::DateRange& service : periods) {
    std::optional<Rational> fast = fixed::run(*p, fixed::Inputs{&row, &service, nullptr, nullptr});
    REQUIRE(fast);
    interp::Context ctx;
    ctx.module = &m;
    ctx.person = &row;
    ctx.service = service;
    interp::Result slow = interp::run(chunk, ctx);
    REQUIRE(std::holds_alternative<ir::Value>(slow));
    CHECK(ir::Value(*fast) == std::get<ir::Value>(slow));
  }
  CHECK(*fixed::run(*p, fixed::Inputs{&row, &periods[1], nullptr, nullptr}) == Rational(60000, 366));
  CHECK_FALSE(fixed::run(*p, fixed::Inputs{&row, nullptr, nullptr, nullptr}));  // no person's service: give up
}
