// The integer machine's instructions (runtime/fixed/run.cpp) as LLVM IR.
//
// The stack machine becomes straight-line code: the stack depth before each
// instruction is known (jumps only go forward and agree on the depth), so
// stack slot i is one local variable, which LLVM's optimiser turns into
// registers. Every instruction gets a basic block; arithmetic is done in
// 128 bits and checked to fit 64, as the machine does, and every give-up
// of the machine branches to one block that returns 0.
#include "runtime/jit/llvm/codegen.h"

#include <llvm/IR/IRBuilder.h>

#include <optional>
#include <vector>

namespace misura::jit {

namespace {

using fixed::FInstr;
using fixed::FOp;

// The stack depth before each instruction; nullopt where none arrives.
std::vector<std::optional<uint32_t>> depths(const fixed::Program& p) {
  const size_t n = p.code.size();
  std::vector<std::optional<uint32_t>> d(n + 1);
  if (n) d[0] = 0;
  auto reach = [&](size_t pc, uint32_t depth) {
    if (pc <= n && !d[pc]) d[pc] = depth;
  };
  for (size_t pc = 0; pc < n; ++pc) {
    if (!d[pc]) continue;
    const FInstr& in = p.code[pc];
    uint32_t depth = *d[pc];
    switch (in.op) {
      case FOp::Push: case FOp::LoadPerson: case FOp::LoadBand: case FOp::LoadTotal: case FOp::LoadService:
        ++depth;
        break;
      case FOp::Add: case FOp::Sub: case FOp::Mul: case FOp::DivConst: case FOp::Compare: case FOp::And:
      case FOp::Or:
        --depth;
        break;
      case FOp::Extreme: depth -= in.a - 1; break;
      case FOp::Jump: reach(in.a, depth); continue;
      case FOp::JumpIfFalse: --depth; reach(in.a, depth); break;
      case FOp::JumpIf: reach(in.a, depth); break;
      case FOp::GiveUp: case FOp::Return: continue;
      default: break;  // Neg, Not, Rescale, Steps: the depth stays
    }
    reach(pc + 1, depth);
  }
  return d;
}

class Emitter {
 public:
  Emitter(const fixed::Program& p, llvm::Function* f)
      : p_(p), f_(f), ctx_(f->getContext()), b_(ctx_), i64_(b_.getInt64Ty()), i128_(b_.getInt128Ty()) {}

  void emit() {
    llvm::BasicBlock* entry = llvm::BasicBlock::Create(ctx_, "entry", f_);
    b_.SetInsertPoint(entry);
    for (uint32_t i = 0; i < p_.maxDepth; ++i) slots_.push_back(b_.CreateAlloca(i64_));
    giveUp_ = llvm::BasicBlock::Create(ctx_, "rinuncia", f_);
    for (size_t pc = 0; pc <= p_.code.size(); ++pc) blocks_.push_back(llvm::BasicBlock::Create(ctx_, "", f_));
    b_.CreateBr(blocks_[0]);
    const std::vector<std::optional<uint32_t>> d = depths(p_);
    uint32_t load = 0;  // the next load's input slot
    for (size_t pc = 0; pc < p_.code.size(); ++pc) {
      b_.SetInsertPoint(blocks_[pc]);
      if (fixed::isLoad(p_.code[pc].op)) ++load;
      if (!d[pc]) {
        b_.CreateUnreachable();
        continue;
      }
      instruction(pc, *d[pc], load - 1);
    }
    b_.SetInsertPoint(blocks_.back());
    b_.CreateBr(giveUp_);  // past the end without a Return: the machine gives up too
    b_.SetInsertPoint(giveUp_);
    b_.CreateRet(b_.getInt32(0));
  }

 private:
  llvm::Value* get(uint32_t i) { return b_.CreateLoad(i64_, slots_[i]); }
  void set(uint32_t i, llvm::Value* v) { b_.CreateStore(v, slots_[i]); }
  llvm::Value* wide(llvm::Value* v) { return b_.CreateSExt(v, i128_); }
  llvm::Value* wideConst(__int128 v) {
    const uint64_t words[2] = {uint64_t(v), uint64_t(static_cast<unsigned __int128>(v) >> 64)};
    return llvm::ConstantInt::get(i128_, llvm::APInt(128, words));
  }
  llvm::Value* times(llvm::Value* v, int64_t k) { return b_.CreateMul(wide(v), wideConst(k)); }

  // Continues in a new block when `ok`, else gives up.
  void orGiveUp(llvm::Value* ok) {
    llvm::BasicBlock* next = llvm::BasicBlock::Create(ctx_, "", f_);
    b_.CreateCondBr(ok, next, giveUp_);
    b_.SetInsertPoint(next);
  }
  // The 128-bit r narrowed to 64 bits, giving up when it does not fit.
  llvm::Value* narrow(llvm::Value* r) {
    llvm::Value* n = b_.CreateTrunc(r, i64_);
    orGiveUp(b_.CreateICmpEQ(wide(n), r));
    return n;
  }
  llvm::Value* truth(llvm::Value* v) { return b_.CreateICmpNE(v, b_.getInt64(0)); }
  llvm::Value* asNumber(llvm::Value* flag) { return b_.CreateZExt(flag, i64_); }

  llvm::Value* compare(fixed::Cmp c, llvm::Value* x, llvm::Value* y) {
    switch (c) {
      case fixed::Cmp::Lt: return b_.CreateICmpSLT(x, y);
      case fixed::Cmp::Le: return b_.CreateICmpSLE(x, y);
      case fixed::Cmp::Gt: return b_.CreateICmpSGT(x, y);
      case fixed::Cmp::Ge: return b_.CreateICmpSGE(x, y);
      case fixed::Cmp::Eq: return b_.CreateICmpEQ(x, y);
      case fixed::Cmp::Ne: return b_.CreateICmpNE(x, y);
    }
    return b_.getFalse();
  }

  void loadInput(uint32_t depth, uint32_t slot) {
    llvm::Argument* in = f_->getArg(0);
    llvm::Argument* ok = f_->getArg(1);
    llvm::Value* valid = b_.CreateLoad(b_.getInt8Ty(), b_.CreateConstInBoundsGEP1_32(b_.getInt8Ty(), ok, slot));
    orGiveUp(b_.CreateICmpNE(valid, b_.getInt8(0)));
    set(depth, b_.CreateLoad(i64_, b_.CreateConstInBoundsGEP1_32(i64_, in, slot)));
  }

  void extreme(const FInstr& in, uint32_t depth) {
    const uint32_t first = depth - in.a;
    llvm::Value* best = times(get(first), p_.factors[size_t(in.y)]);
    for (uint32_t i = 1; i < in.a; ++i) {
      llvm::Value* v = times(get(first + i), p_.factors[size_t(in.y) + i]);
      llvm::Value* better = in.b == 1 ? b_.CreateICmpSLT(v, best) : b_.CreateICmpSGT(v, best);
      best = b_.CreateSelect(better, v, best);
    }
    set(first, narrow(best));
  }

  // The first line whose threshold the value meets, else `altrimenti`, else give up.
  void steps(const FInstr& in, uint32_t depth, llvm::BasicBlock* next) {
    const fixed::FSteps& t = p_.steps[in.a];
    llvm::Value* v = wide(get(depth - 1));
    for (size_t i = 0; i < t.thresholds.size(); ++i) {
      const auto [p, q] = t.thresholds[i];
      llvm::Value* lhs = b_.CreateMul(v, wideConst(q));
      llvm::Value* rhs = wideConst(__int128(p) * t.scale);
      llvm::Value* met = t.kind == ir::StepKind::Da ? b_.CreateICmpSGE(lhs, rhs) : b_.CreateICmpSLE(lhs, rhs);
      llvm::BasicBlock* hit = llvm::BasicBlock::Create(ctx_, "", f_);
      llvm::BasicBlock* miss = llvm::BasicBlock::Create(ctx_, "", f_);
      b_.CreateCondBr(met, hit, miss);
      b_.SetInsertPoint(hit);
      set(depth - 1, b_.getInt64(uint64_t(t.results[i])));
      b_.CreateBr(next);
      b_.SetInsertPoint(miss);
    }
    if (!t.otherwise) {
      b_.CreateBr(giveUp_);
      return;
    }
    set(depth - 1, b_.getInt64(uint64_t(*t.otherwise)));
    b_.CreateBr(next);
  }

  void instruction(size_t pc, uint32_t d, uint32_t loadSlot) {
    const FInstr& in = p_.code[pc];
    llvm::BasicBlock* next = blocks_[pc + 1];
    switch (in.op) {
      case FOp::Push: set(d, b_.getInt64(uint64_t(in.x))); break;
      case FOp::LoadPerson: case FOp::LoadBand: case FOp::LoadTotal: case FOp::LoadService:
        loadInput(d, loadSlot);
        break;
      case FOp::Add: case FOp::Sub: {
        llvm::Value* x = times(get(d - 2), in.x);
        llvm::Value* y = times(get(d - 1), in.y);
        set(d - 2, narrow(in.op == FOp::Add ? b_.CreateAdd(x, y) : b_.CreateSub(x, y)));
        break;
      }
      case FOp::Mul: set(d - 2, narrow(b_.CreateMul(wide(get(d - 2)), wide(get(d - 1))))); break;
      case FOp::DivConst: set(d - 2, narrow(times(get(d - 2), in.x))); break;
      case FOp::Neg: {
        llvm::Value* v = get(d - 1);
        orGiveUp(b_.CreateICmpNE(v, b_.getInt64(uint64_t(INT64_MIN))));
        set(d - 1, b_.CreateNeg(v));
        break;
      }
      case FOp::Compare:
        set(d - 2, asNumber(compare(in.cmp, times(get(d - 2), in.x), times(get(d - 1), in.y))));
        break;
      case FOp::Not: set(d - 1, asNumber(b_.CreateICmpEQ(get(d - 1), b_.getInt64(0)))); break;
      case FOp::And: set(d - 2, asNumber(b_.CreateAnd(truth(get(d - 2)), truth(get(d - 1))))); break;
      case FOp::Or: set(d - 2, asNumber(b_.CreateOr(truth(get(d - 2)), truth(get(d - 1))))); break;
      case FOp::Rescale: set(d - 1 - in.a, narrow(times(get(d - 1 - in.a), in.x))); break;
      case FOp::Jump: b_.CreateBr(blocks_[in.a]); return;
      case FOp::JumpIfFalse: b_.CreateCondBr(truth(get(d - 1)), next, blocks_[in.a]); return;
      case FOp::JumpIf: {
        llvm::Value* v = truth(get(d - 1));
        b_.CreateCondBr(in.b == 1 ? v : b_.CreateNot(v), blocks_[in.a], next);
        return;
      }
      case FOp::Extreme: extreme(in, d); break;
      case FOp::Steps: steps(in, d, next); return;
      case FOp::GiveUp: b_.CreateBr(giveUp_); return;
      case FOp::Return:
        b_.CreateStore(get(d - 1), f_->getArg(2));
        b_.CreateRet(b_.getInt32(1));
        return;
    }
    b_.CreateBr(next);
  }

  const fixed::Program& p_;
  llvm::Function* f_;
  llvm::LLVMContext& ctx_;
  llvm::IRBuilder<> b_;
  llvm::Type* i64_;
  llvm::Type* i128_;
  std::vector<llvm::AllocaInst*> slots_;
  std::vector<llvm::BasicBlock*> blocks_;
  llvm::BasicBlock* giveUp_ = nullptr;
};

}  // namespace

llvm::Function* emitProgram(const fixed::Program& program, const std::string& name, llvm::Module& module) {
  llvm::LLVMContext& ctx = module.getContext();
  llvm::Type* i64p = llvm::Type::getInt64PtrTy(ctx);
  llvm::FunctionType* type = llvm::FunctionType::get(
      llvm::Type::getInt32Ty(ctx), {i64p, llvm::Type::getInt8PtrTy(ctx), i64p}, false);
  llvm::Function* f = llvm::Function::Create(type, llvm::Function::ExternalLinkage, name, module);
  f->addFnAttr(llvm::Attribute::NoUnwind);
  Emitter(program, f).emit();
  return f;
}

}  // namespace misura::jit
