// Chunks written by hand, as the compiler would lower them, for the tests
// of the interpreter (interp_test.cpp) and of the integer evaluator
// (fixed_test.cpp).
#pragma once

#include <cstdint>
#include <utility>

#include "compiler/ir/ir.h"

namespace misura::testing {

// Appends instructions to a chunk; every instruction gets the span given
// to `at` (if any) so errors can be located.
struct Code {
  ir::Chunk chunk;
  Span span;

  Code& at(Span s) {
    span = s;
    return *this;
  }
  Code& op(ir::Op o, uint32_t a = 0, uint32_t b = 0) {
    chunk.code.push_back(ir::Instr{o, a, b, span});
    return *this;
  }
  Code& push(ir::Value v) {
    chunk.consts.push_back(std::move(v));
    return op(ir::Op::PushConst, static_cast<uint32_t>(chunk.consts.size() - 1));
  }
  Code& num(long n, long d = 1) { return push(Rational(n, d)); }
  Code& call(ir::Builtin b, uint32_t argc) { return op(ir::Op::CallBuiltin, static_cast<uint32_t>(b), argc); }
  uint32_t here() const { return static_cast<uint32_t>(chunk.code.size()); }
  ir::Chunk done() { return op(ir::Op::Return).chunk; }
};

}  // namespace misura::testing
