// Unit tests for interp::ChunkMemo (runtime/interp/memo.h): which chunks
// qualify, which rows use the memo, and that a remembered value is the
// interpreter's for every combination of inputs.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "runtime/interp/interp.h"
#include "runtime/interp/memo.h"
#include "tests/unit/chunk_builder.h"

using misura::Rational;
namespace ir = misura::ir;
namespace interp = misura::interp;
using ir::Op;
using misura::testing::Code;

namespace {

// se campo0 = "R" allora "responsabile" altrimenti "dipendente"
ir::Chunk profilo() {
  Code c;
  c.op(Op::LoadPerson, 0).push(std::string("R")).op(Op::Eq);
  const uint32_t jif = c.here();
  c.op(Op::JumpIfFalse);
  c.push(std::string("responsabile"));
  const uint32_t jmp = c.here();
  c.op(Op::Jump);
  c.chunk.code[jif].a = c.here();
  c.push(std::string("dipendente"));
  c.chunk.code[jif].b = c.chunk.code[jmp].a = c.here();
  return c.done();
}

}  // namespace

TEST_CASE("ChunkMemo: a chunk of text fields and comparisons is remembered per value", "[memo]") {
  const ir::Chunk chunk = profilo();
  interp::ChunkMemo memo(chunk);
  REQUIRE(memo.usable());
  std::string key;
  size_t runs = 0;
  for (const char* value : {"R", "D", "R", "D", "X", "R"}) {
    const ir::Record person(std::vector<ir::Value>{std::string(value)});
    interp::Context ctx;
    ctx.person = &person;
    const ir::Value expected = std::get<ir::Value>(interp::run(chunk, ctx));
    if (const ir::Value* known = memo.find(ctx, key)) {
      CHECK(*known == expected);
      continue;
    }
    REQUIRE_FALSE(key.empty());
    ++runs;
    memo.remember(key, expected);
  }
  CHECK(runs == 3);  // R, D and X once each
}

TEST_CASE("ChunkMemo: non rilevato and yes/no are inputs too; numbers are not memoized", "[memo]") {
  Code c;
  c.op(Op::LoadRow, 1).op(Op::Not);
  interp::ChunkMemo memo(c.done());
  REQUIRE(memo.usable());
  std::string key;
  const ir::Record yes(std::vector<ir::Value>{Rational(1), true}), missing(std::vector<ir::Value>{Rational(1), ir::Missing{}}),
      number(std::vector<ir::Value>{Rational(1), Rational(3)});
  interp::Context ctx;
  ctx.row = &yes;
  CHECK_FALSE(memo.find(ctx, key));
  const std::string yesKey = key;
  memo.remember(key, false);
  CHECK(*memo.find(ctx, key) == ir::Value(false));
  ctx.row = &missing;
  CHECK_FALSE(memo.find(ctx, key));
  CHECK(key != yesKey);
  ctx.row = &number;
  CHECK_FALSE(memo.find(ctx, key));
  CHECK(key.empty());  // never remembered
  memo.remember(key, true);
  CHECK_FALSE(memo.find(ctx, key));
}

TEST_CASE("ChunkMemo: the row's tail is read as the interpreter reads it", "[memo]") {
  Code c;
  c.op(Op::LoadRow, 3).push(std::string("A")).op(Op::Eq);
  interp::ChunkMemo memo(c.done());
  const ir::Record row(std::vector<ir::Value>{std::string("x"), std::string("y")});
  const std::vector<ir::Value> tailA{std::string("z"), std::string("A")}, tailB{std::string("z"), std::string("B")};
  interp::Context ctx;
  ctx.row = &row;
  ctx.rowSplit = 2;
  std::string keyA, keyB;
  ctx.rowTail = std::span<const ir::Value>(tailA);
  memo.find(ctx, keyA);
  ctx.rowTail = std::span<const ir::Value>(tailB);
  memo.find(ctx, keyB);
  CHECK_FALSE(keyA.empty());
  CHECK(keyA != keyB);  // field 3 is tail[1]: "A" against "B"
}

TEST_CASE("ChunkMemo: arithmetic, calls and aggregates do not qualify", "[memo]") {
  Code sum;
  sum.op(Op::LoadPerson, 0).num(1).op(Op::Add);
  CHECK_FALSE(interp::ChunkMemo(sum.done()).usable());
  Code call;
  call.num(1).num(2).call(ir::Builtin::Minimo, 2);
  CHECK_FALSE(interp::ChunkMemo(call.done()).usable());
  Code aggregate;
  aggregate.chunk.aggregates.emplace_back();
  aggregate.op(Op::Aggregate, 0);
  CHECK_FALSE(interp::ChunkMemo(aggregate.done()).usable());
}
