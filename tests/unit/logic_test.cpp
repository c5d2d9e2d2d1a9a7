// Three-valued logic (docs/linguaggio.md § 7): the truth tables of `e`, `o`
// and `non` with non rilevato, for chunks shaped as the compiler lowers
// them ([x] Short END, k [y] And|Or), in both operand orders; the right
// operand runs only when the left one does not decide.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "compiler/ir/ir.h"
#include "runtime/interp/interp.h"

namespace ir = misura::ir;
namespace interp = misura::interp;
using misura::Rational;
using ir::Op;

namespace {

// A truth value: vero, falso or non rilevato.
enum class T { Vero, Falso, NonRilevato };

ir::Value value(T t) {
  switch (t) {
    case T::Vero: return true;
    case T::Falso: return false;
    case T::NonRilevato: return ir::Missing{};
  }
  return ir::Missing{};
}

const char* name(T t) {
  switch (t) {
    case T::Vero: return "vero";
    case T::Falso: return "falso";
    case T::NonRilevato: return "non rilevato";
  }
  return "?";
}

// `x e y` (isOr false) or `x o y`, lowered as the compiler does. With
// `failRight`, the right operand is a division by zero: the run fails if
// it is evaluated.
ir::Chunk logic(T x, T y, bool isOr, bool failRight = false) {
  ir::Chunk c;
  c.type = ir::Type::Booleano;
  c.consts = {value(x), value(y), Rational(1), Rational(0)};
  c.code.push_back({Op::PushConst, 0});
  c.code.push_back({Op::Short, 0, isOr ? 1u : 0u});
  if (failRight) {
    c.code.push_back({Op::PushConst, 2});
    c.code.push_back({Op::PushConst, 3});
    c.code.push_back({Op::Div});
    c.code.push_back({Op::PushConst, 1});  // never reached when it matters
    c.code.push_back({Op::Eq});
  } else {
    c.code.push_back({Op::PushConst, 1});
  }
  c.code.push_back({isOr ? Op::Or : Op::And});
  c.code[1].a = static_cast<uint32_t>(c.code.size());
  c.code.push_back({Op::Return});
  return c;
}

T run(const ir::Chunk& c) {
  interp::Result r = interp::run(c, interp::Context{});
  REQUIRE(std::holds_alternative<ir::Value>(r));
  const ir::Value& v = std::get<ir::Value>(r);
  if (std::holds_alternative<ir::Missing>(v)) return T::NonRilevato;
  REQUIRE(std::holds_alternative<bool>(v));
  return std::get<bool>(v) ? T::Vero : T::Falso;
}

struct Row {
  T x, y, result;
};

}  // namespace

TEST_CASE("e: Kleene truth table, the same in both operand orders", "[logic]") {
  const std::vector<Row> table = {
      {T::Vero, T::Vero, T::Vero},
      {T::Vero, T::Falso, T::Falso},
      {T::Vero, T::NonRilevato, T::NonRilevato},
      {T::Falso, T::Vero, T::Falso},
      {T::Falso, T::Falso, T::Falso},
      {T::Falso, T::NonRilevato, T::Falso},
      {T::NonRilevato, T::Vero, T::NonRilevato},
      {T::NonRilevato, T::Falso, T::Falso},
      {T::NonRilevato, T::NonRilevato, T::NonRilevato},
  };
  for (const Row& r : table) {
    INFO(name(r.x) << " e " << name(r.y));
    CHECK(run(logic(r.x, r.y, false)) == r.result);
    CHECK(run(logic(r.y, r.x, false)) == r.result);
  }
}

TEST_CASE("o: Kleene truth table, the same in both operand orders", "[logic]") {
  const std::vector<Row> table = {
      {T::Vero, T::Vero, T::Vero},
      {T::Vero, T::Falso, T::Vero},
      {T::Vero, T::NonRilevato, T::Vero},
      {T::Falso, T::Vero, T::Vero},
      {T::Falso, T::Falso, T::Falso},
      {T::Falso, T::NonRilevato, T::NonRilevato},
      {T::NonRilevato, T::Vero, T::Vero},
      {T::NonRilevato, T::Falso, T::NonRilevato},
      {T::NonRilevato, T::NonRilevato, T::NonRilevato},
  };
  for (const Row& r : table) {
    INFO(name(r.x) << " o " << name(r.y));
    CHECK(run(logic(r.x, r.y, true)) == r.result);
    CHECK(run(logic(r.y, r.x, true)) == r.result);
  }
}

TEST_CASE("The right operand runs only when the left one does not decide", "[logic]") {
  // falso e (1/0 = ...) and vero o (1/0 = ...) never divide.
  CHECK(run(logic(T::Falso, T::Vero, false, true)) == T::Falso);
  CHECK(run(logic(T::Vero, T::Vero, true, true)) == T::Vero);
  // vero e ..., non rilevato e ..., falso o ...: the right operand runs.
  for (T left : {T::Vero, T::NonRilevato}) {
    interp::Result r = interp::run(logic(left, T::Vero, false, true), interp::Context{});
    REQUIRE(std::holds_alternative<interp::RuntimeError>(r));
    CHECK(std::get<interp::RuntimeError>(r).code == "E0601");
  }
  interp::Result r = interp::run(logic(T::Falso, T::Vero, true, true), interp::Context{});
  REQUIRE(std::holds_alternative<interp::RuntimeError>(r));
  CHECK(std::get<interp::RuntimeError>(r).code == "E0601");
}

TEST_CASE("non: vero, falso, non rilevato", "[logic]") {
  for (auto [x, result] : std::vector<std::pair<T, T>>{
           {T::Vero, T::Falso}, {T::Falso, T::Vero}, {T::NonRilevato, T::NonRilevato}}) {
    ir::Chunk c;
    c.type = ir::Type::Booleano;
    c.consts = {value(x)};
    c.code = {{Op::PushConst, 0}, {Op::Not}, {Op::Return}};
    INFO("non " << name(x));
    CHECK(run(c) == result);
  }
}
