// The dispatch loop of the stack machine and the small steps it calls.
#include "runtime/interp/interp.h"

#include <fmt/format.h>

#include "runtime/interp/aggregate.h"
#include "runtime/interp/trace_marks.h"
#include "runtime/interp/values.h"

namespace misura::interp {

namespace {

using Step = std::optional<Failure>;  // nullopt: the instruction succeeded

class Stack {
 public:
  // Most chunks need a few slots: one allocation, never a regrowth; and the
  // storage of a finished run is kept for the next one on the same thread
  // (a chunk per data row or per person would otherwise allocate each time).
  Stack() {
    std::vector<std::vector<ir::Value>>& spare = spareStacks();
    if (spare.empty()) {
      values_.reserve(16);
      return;
    }
    values_ = std::move(spare.back());
    spare.pop_back();
  }
  ~Stack() {
    std::vector<std::vector<ir::Value>>& spare = spareStacks();
    if (spare.size() >= kMaxSpare || values_.capacity() > kMaxKeptSlots) return;
    values_.clear();
    spare.push_back(std::move(values_));
  }
  Stack(const Stack&) = delete;
  Stack& operator=(const Stack&) = delete;
  void push(ir::Value v) { values_.push_back(std::move(v)); }
  bool pop(ir::Value& out) {
    if (values_.empty()) return false;
    out = std::move(values_.back());
    values_.pop_back();
    return true;
  }
  const ir::Value* top() const { return values_.empty() ? nullptr : &values_.back(); }
  // The top two values (x pushed before y), or false if there are fewer.
  bool topTwo(ir::Value*& x, ir::Value*& y) {
    if (values_.size() < 2) return false;
    x = &values_[values_.size() - 2];
    y = &values_.back();
    return true;
  }
  void drop() { values_.pop_back(); }
  // The top n values, in the order they were pushed.
  bool popMany(uint32_t n, std::vector<ir::Value>& out) {
    if (values_.size() < n) return false;
    out.assign(std::make_move_iterator(values_.end() - n), std::make_move_iterator(values_.end()));
    values_.resize(values_.size() - n);
    return true;
  }

 private:
  static constexpr size_t kMaxSpare = 64;       // nested runs (indicators, aggregates) each hold one
  static constexpr size_t kMaxKeptSlots = 256;  // a rare deep stack is not kept
  static std::vector<std::vector<ir::Value>>& spareStacks() {
    thread_local std::vector<std::vector<ir::Value>> spare;
    return spare;
  }
  std::vector<ir::Value> values_;
};

const Failure kUnderflow = internalFailure("pila vuota");

RuntimeError located(Failure f, Span span) {
  return RuntimeError{std::move(f.code), span, std::move(f.message), std::move(f.hint)};
}

Step pushComputed(Stack& stack, Computed c) {
  if (Failure* f = std::get_if<Failure>(&c)) return std::move(*f);
  stack.push(std::get<ir::Value>(std::move(c)));
  return std::nullopt;
}

// Pops y then x, pushes fn(x, y).
template <typename Fn>
Step binaryStep(Stack& stack, Fn fn) {
  ir::Value x, y;
  if (!stack.pop(y) || !stack.pop(x)) return kUnderflow;
  return pushComputed(stack, fn(x, y));
}

template <typename Fn>
Step unaryStep(Stack& stack, Fn fn) {
  ir::Value x;
  if (!stack.pop(x)) return kUnderflow;
  return pushComputed(stack, fn(x));
}

// Two numbers, the common case, are combined in place: no value leaves the
// stack. Anything else (a missing value, texts, a division by zero) takes
// the general path, which reports it.
Step arith(Stack& stack, Arith op) {
  ir::Value *x = nullptr, *y = nullptr;
  if (stack.topTwo(x, y)) {
    Rational* a = std::get_if<Rational>(x);
    const Rational* b = std::get_if<Rational>(y);
    if (a && b && (op != Arith::Div || !b->isZero())) {
      switch (op) {
        case Arith::Add: *a += *b; break;
        case Arith::Sub: *a -= *b; break;
        case Arith::Mul: *a *= *b; break;
        case Arith::Div: *a /= *b; break;
      }
      stack.drop();
      return std::nullopt;
    }
  }
  return binaryStep(stack, [op](const ir::Value& x, const ir::Value& y) { return arithmetic(op, x, y); });
}

Step cmp(Stack& stack, Compare op) {
  return binaryStep(stack, [op](const ir::Value& x, const ir::Value& y) { return compare(op, x, y); });
}

Step shift(Stack& stack, bool subtract) {
  return binaryStep(stack, [subtract](const ir::Value& d, const ir::Value& n) { return shiftDate(d, n, subtract); });
}

// Pushes values[index] if it exists.
template <typename Range>
Step pushAt(Stack& stack, const Range& values, uint32_t index, const char* what) {
  if (index >= std::size(values)) return internalFailure(fmt::format("{} {} non disponibile", what, index));
  stack.push(values[index]);
  return std::nullopt;
}

Step loadPerson(Stack& stack, const Context& ctx, uint32_t field) {
  if (!ctx.person) return internalFailure("dati della persona non disponibili qui");
  return pushAt(stack, *ctx.person, field, "campo del personale");
}

Step loadComponent(Stack& stack, const Context& ctx, uint32_t component) {
  if (!ctx.components || component >= ctx.components->size() || !(*ctx.components)[component])
    return internalFailure(fmt::format("punti della componente {} non disponibili qui", component));
  stack.push(*(*ctx.components)[component]);
  return std::nullopt;
}

// An objective's esito for the person; Missing when they have none (not
// assigned, neutralised): never a silent zero.
Step loadEsito(Stack& stack, const Context& ctx, uint32_t objective) {
  if (!ctx.esiti || objective >= ctx.esiti->size())
    return internalFailure(fmt::format("esito dell'obiettivo {} non disponibile qui", objective));
  if (const std::optional<Rational>& e = (*ctx.esiti)[objective]) stack.push(*e);
  else stack.push(ir::Missing{});
  return std::nullopt;
}

Step loadCell(Stack& stack, const ir::Chunk& chunk, const Context& ctx, uint32_t cell) {
  if (!ctx.cell || cell >= chunk.cells.size()) return internalFailure(fmt::format("cella {} non disponibile qui", cell));
  stack.push(ctx.cell(chunk.cells[cell]));
  return std::nullopt;
}

Step loadOptional(Stack& stack, const std::optional<Rational>& value, const char* what) {
  if (!value) return internalFailure(fmt::format("{} non disponibile qui", what));
  stack.push(*value);
  return std::nullopt;
}

// Moves pc to `target`; only forward jumps exist, which guarantees termination.
Step jump(const ir::Chunk& chunk, uint32_t target, size_t& pc) {
  if (target < pc || target > chunk.code.size()) return internalFailure(fmt::format("salto non valido a {}", target));
  pc = target;
  return std::nullopt;
}

Step jumpIfFalse(Stack& stack, const ir::Chunk& chunk, const ir::Instr& in, size_t& pc) {
  ir::Value c;
  if (!stack.pop(c)) return kUnderflow;
  if (isMissing(c)) {
    stack.push(ir::Missing{});
    return jump(chunk, in.b, pc);
  }
  const bool* b = std::get_if<bool>(&c);
  if (!b) return internalFailure("condizione che non è un booleano");
  if (*b) return std::nullopt;
  return jump(chunk, in.a, pc);
}

Step builtinStep(Stack& stack, const ir::Instr& in, const Context& ctx) {
  std::vector<ir::Value> args;
  if (!stack.popMany(in.b, args)) return kUnderflow;
  if (ctx.trace && static_cast<ir::Builtin>(in.a) == ir::Builtin::Arrotonda && !args.empty())
    ctx.trace->push_back(TraceEntry{ir::Op::CallBuiltin, kRoundingInput, in.span, args.front()});
  const Calendar calendar{ctx.module ? ctx.module->anno : 0, ctx.service};
  return pushComputed(stack, callBuiltin(static_cast<ir::Builtin>(in.a), args, calendar));
}

Step stepsStep(Stack& stack, const ir::Chunk& chunk, uint32_t table) {
  if (table >= chunk.steps.size()) return internalFailure("scaglioni inesistenti");
  return unaryStep(stack, [&](const ir::Value& x) { return stepResult(chunk.steps[table], x); });
}

Result execute(const ir::Chunk& chunk, const Context& ctx, int depth);

// Whether `op` is recorded in a trace (see TraceEntry).
bool traced(ir::Op op) {
  switch (op) {
    case ir::Op::LoadParam: case ir::Op::LoadPerson: case ir::Op::LoadComponent: case ir::Op::LoadTotal:
    case ir::Op::LoadBand: case ir::Op::LoadEsito: case ir::Op::LoadCell: case ir::Op::LoadDeadline: case ir::Op::Aggregate: case ir::Op::Lt: case ir::Op::Le: case ir::Op::Gt: case ir::Op::Ge: case ir::Op::Eq:
    case ir::Op::Ne: case ir::Op::CallBuiltin: case ir::Op::CallIndicator: case ir::Op::Scaglioni:
    case ir::Op::LoadValue: case ir::Op::CallFunction: case ir::Op::FoldObjectives:
      return true;
    case ir::Op::Short: case ir::Op::And: case ir::Op::Or: case ir::Op::LoadFoldItem:
      return false;
    case ir::Op::PushConst: case ir::Op::Add: case ir::Op::Sub: case ir::Op::Mul: case ir::Op::Div:
    case ir::Op::Neg: case ir::Op::AddDays: case ir::Op::SubDays: case ir::Op::DiffDates: case ir::Op::Not:
    case ir::Op::JumpIfFalse: case ir::Op::Jump: case ir::Op::Return: case ir::Op::LoadRow:
      return false;
  }
  return false;
}

// Appends what a traced instruction just pushed.
void record(std::vector<TraceEntry>& trace, const ir::Instr& in, const Stack& stack) {
  if (!traced(in.op)) return;
  if (const ir::Value* v = stack.top()) trace.push_back(TraceEntry{in.op, in.a, in.span, *v});
}

// Runs the indicator `in.a` on the top `in.b` values in a fresh frame.
Result callIndicator(Stack& stack, const ir::Instr& in, const Context& ctx, int depth) {
  if (!ctx.module || in.a >= ctx.module->indicators.size())
    return located(internalFailure(fmt::format("indicatore {} inesistente", in.a)), in.span);
  if (depth >= kMaxCallDepth) return located(internalFailure("indicatori annidati troppo in profondità"), in.span);
  const ir::Indicator& indicator = ctx.module->indicators[in.a];
  std::vector<ir::Value> args;
  if (!stack.popMany(in.b, args)) return located(kUnderflow, in.span);
  if (args.size() != indicator.slots.size())
    return located(internalFailure(fmt::format("«{}» chiamato con {} argomenti", indicator.name, args.size())),
                   in.span);
  Context frame;
  frame.module = ctx.module;
  frame.args = args;
  return execute(indicator.body, frame, depth + 1);
}

// Three-valued `e` / `o` (docs/linguaggio.md § 7).
Step shortStep(Stack& stack, const ir::Chunk& chunk, const ir::Instr& in, size_t& pc) {
  const ir::Value* x = stack.top();
  if (!x) return kUnderflow;
  const bool* b = std::get_if<bool>(x);
  if (!b && !isMissing(*x)) return internalFailure("operando logico che non è un booleano");
  if (b && *b == (in.b == 1)) return jump(chunk, in.a, pc);  // falso e ..., vero o ...: decided
  return std::nullopt;
}

Step logicStep(Stack& stack, bool isOr) {
  return binaryStep(stack, [isOr](const ir::Value& x, const ir::Value& y) -> Computed {
    const bool* a = std::get_if<bool>(&x);
    const bool* b = std::get_if<bool>(&y);
    if ((!a && !isMissing(x)) || (!b && !isMissing(y))) return internalFailure("operando logico che non è un booleano");
    const bool decisive = isOr;  // vero decides `o`, falso decides `e`
    if ((a && *a == decisive) || (b && *b == decisive)) return ir::Value(decisive);
    if (!a || !b) return ir::Value(ir::Missing{});
    return ir::Value(!decisive);
  });
}

// `valore` a, computed in the caller's context (the same person).
Result loadValue(const ir::Instr& in, const Context& ctx, int depth) {
  if (!ctx.module || in.a >= ctx.module->values.size())
    return located(internalFailure(fmt::format("valore {} inesistente", in.a)), in.span);
  if (depth >= kMaxCallDepth) return located(internalFailure("valori annidati troppo in profondità"), in.span);
  if (!ctx.trace) return execute(ctx.module->values[in.a].body, ctx, depth + 1);  // no copy of the context
  Context frame = ctx;
  frame.trace = nullptr;
  return execute(ctx.module->values[in.a].body, frame, depth + 1);
}

// `funzione` a on the top b values, in a fresh frame (it sees only its parameters).
Result callFunction(Stack& stack, const ir::Instr& in, const Context& ctx, int depth) {
  if (!ctx.module || in.a >= ctx.module->functions.size())
    return located(internalFailure(fmt::format("funzione {} inesistente", in.a)), in.span);
  if (depth >= kMaxCallDepth) return located(internalFailure("funzioni annidate troppo in profondità"), in.span);
  const ir::Function& f = ctx.module->functions[in.a];
  std::vector<ir::Value> args;
  if (!stack.popMany(in.b, args)) return located(kUnderflow, in.span);
  if (args.size() != f.slots.size())
    return located(internalFailure(fmt::format("«{}» chiamata con {} argomenti", f.name, args.size())), in.span);
  Context frame;
  frame.module = ctx.module;
  frame.args = args;
  return execute(f.body, frame, depth + 1);
}

// `somma per ogni obiettivo (...)`: the body once per objective of the person.
Result foldObjectives(const ir::Chunk& chunk, const ir::Instr& in, const Context& ctx, int depth) {
  if (in.a >= chunk.folds.size() || !ctx.fold)
    return located(internalFailure("obiettivi della persona non disponibili qui"), in.span);
  Rational sum;
  bool missing = false;
  for (const FoldEntry& item : *ctx.fold) {
    Context frame = ctx;
    frame.trace = nullptr;
    frame.foldItem = &item;
    Result r = execute(chunk.folds[in.a], frame, depth + 1);
    if (std::holds_alternative<RuntimeError>(r)) return r;
    const ir::Value& v = std::get<ir::Value>(r);
    if (ctx.trace) ctx.trace->push_back(TraceEntry{ir::Op::LoadFoldItem, item.objective, chunk.folds[in.a].span, v});
    if (isMissing(v)) missing = true;
    else if (const Rational* q = std::get_if<Rational>(&v)) sum += *q;
    else return located(internalFailure("termine della somma che non è un numero"), in.span);
  }
  if (missing) return ir::Value(ir::Missing{});
  return ir::Value(sum);
}

Step loadFoldItem(Stack& stack, const Context& ctx, uint32_t item) {
  if (!ctx.foldItem) return internalFailure("obiettivo della somma non disponibile qui");
  switch (item) {
    case 0: stack.push(ctx.foldItem->quota); return std::nullopt;
    case 1:
      if (ctx.foldItem->esito) stack.push(*ctx.foldItem->esito);
      else stack.push(ir::Missing{});
      return std::nullopt;
    case 2: stack.push(ctx.foldItem->weight); return std::nullopt;
    default: return internalFailure(fmt::format("voce {} dell'obiettivo della somma", item));
  }
}

// Pushes a sub-run's result, or returns its error.
#define MISURA_PUSH_RESULT(expr)                                             \
  {                                                                          \
    Result r_ = (expr);                                                      \
    if (RuntimeError* e_ = std::get_if<RuntimeError>(&r_)) return std::move(*e_); \
    stack.push(std::get<ir::Value>(std::move(r_)));                          \
    break;                                                                   \
  }

// The dispatch loop: one case per opcode, each a single step.
Result execute(const ir::Chunk& chunk, const Context& ctx, int depth) {
  Stack stack;
  size_t pc = 0;
  while (pc < chunk.code.size()) {
    const ir::Instr& in = chunk.code[pc++];
    Step step;
    switch (in.op) {
      case ir::Op::PushConst: step = pushAt(stack, chunk.consts, in.a, "costante"); break;
      case ir::Op::LoadParam: step = pushAt(stack, ctx.args, in.a, "argomento"); break;
      case ir::Op::LoadPerson: step = loadPerson(stack, ctx, in.a); break;
      case ir::Op::LoadComponent:
        if (ctx.notEvaluated) stack.push(ir::Missing{});
        else step = loadComponent(stack, ctx, in.a);
        break;
      case ir::Op::LoadTotal:
        if (ctx.notEvaluated) stack.push(ir::Missing{});
        else step = loadOptional(stack, ctx.total, "totale");
        break;
      case ir::Op::LoadBand:
        if (ctx.notEvaluated) stack.push(ir::Missing{});
        else step = loadOptional(stack, ctx.band, "percentuale della fascia");
        break;
      case ir::Op::LoadEsito: step = loadEsito(stack, ctx, in.a); break;
      case ir::Op::Add: step = arith(stack, Arith::Add); break;
      case ir::Op::Sub: step = arith(stack, Arith::Sub); break;
      case ir::Op::Mul: step = arith(stack, Arith::Mul); break;
      case ir::Op::Div: step = arith(stack, Arith::Div); break;
      case ir::Op::Neg: step = unaryStep(stack, negate); break;
      case ir::Op::AddDays: step = shift(stack, false); break;
      case ir::Op::SubDays: step = shift(stack, true); break;
      case ir::Op::DiffDates: step = binaryStep(stack, diffDates); break;
      case ir::Op::Lt: step = cmp(stack, Compare::Lt); break;
      case ir::Op::Le: step = cmp(stack, Compare::Le); break;
      case ir::Op::Gt: step = cmp(stack, Compare::Gt); break;
      case ir::Op::Ge: step = cmp(stack, Compare::Ge); break;
      case ir::Op::Eq: step = cmp(stack, Compare::Eq); break;
      case ir::Op::Ne: step = cmp(stack, Compare::Ne); break;
      case ir::Op::Not: step = unaryStep(stack, logicalNot); break;
      case ir::Op::JumpIfFalse: step = jumpIfFalse(stack, chunk, in, pc); break;
      case ir::Op::Jump: step = jump(chunk, in.a, pc); break;
      case ir::Op::CallBuiltin: step = builtinStep(stack, in, ctx); break;
      case ir::Op::CallIndicator: {
        Result r = callIndicator(stack, in, ctx, depth);
        if (RuntimeError* e = std::get_if<RuntimeError>(&r)) return std::move(*e);
        stack.push(std::get<ir::Value>(std::move(r)));
        break;
      }
      case ir::Op::LoadCell: step = loadCell(stack, chunk, ctx, in.a); break;
      case ir::Op::LoadDeadline:
        if (ctx.deadline) stack.push(*ctx.deadline);
        else step = internalFailure("termine dell'obiettivo non disponibile qui");
        break;
      case ir::Op::LoadRow:
        if (!ctx.row) {
          step = internalFailure("nessuna riga qui");
        } else {
          if (std::optional<ir::Value> v = rowSlot(ctx, in.a).value()) stack.push(*std::move(v));
          else step = internalFailure(fmt::format("campo della riga {} non disponibile", in.a));
        }
        break;
      case ir::Op::Aggregate: {
        if (in.a >= chunk.aggregates.size()) return located(internalFailure("aggregato inesistente"), in.span);
        TraceEntry rows;
        Result r = foldAggregate(chunk.aggregates[in.a], ctx, depth, ctx.trace ? &rows : nullptr);
        if (RuntimeError* e = std::get_if<RuntimeError>(&r)) return std::move(*e);
        stack.push(std::get<ir::Value>(std::move(r)));
        if (ctx.trace) {
          record(*ctx.trace, in, stack);
          TraceEntry& t = ctx.trace->back();
          t.dataset = chunk.aggregates[in.a].dataset;
          if (!chunk.aggregates[in.a].value.empty()) t.type = chunk.aggregates[in.a].value.front().type;
          t.usedRows = std::move(rows.usedRows);
          t.excludedRows = std::move(rows.excludedRows);
          t.usedCount = rows.usedCount;
          t.excludedCount = rows.excludedCount;
        }
        continue;
      }
      case ir::Op::Scaglioni: step = stepsStep(stack, chunk, in.a); break;
      case ir::Op::Short: step = shortStep(stack, chunk, in, pc); break;
      case ir::Op::And: step = logicStep(stack, false); break;
      case ir::Op::Or: step = logicStep(stack, true); break;
      case ir::Op::LoadValue: MISURA_PUSH_RESULT(loadValue(in, ctx, depth))
      case ir::Op::CallFunction: MISURA_PUSH_RESULT(callFunction(stack, in, ctx, depth))
      case ir::Op::FoldObjectives: MISURA_PUSH_RESULT(foldObjectives(chunk, in, ctx, depth))
      case ir::Op::LoadFoldItem: step = loadFoldItem(stack, ctx, in.a); break;
      case ir::Op::Return: {
        ir::Value result;
        if (stack.pop(result)) return result;
        step = kUnderflow;
        break;
      }
    }
    if (step) return located(std::move(*step), in.span);
    if (ctx.trace) record(*ctx.trace, in, stack);
    if (ctx.trace && in.op == ir::Op::LoadCell && ctx.cellSource && in.a < chunk.cells.size()) {
      const ir::CellRef& c = chunk.cells[in.a];
      ctx.trace->back().source = ctx.cellSource(c);
      ctx.trace->back().dataset = c.dataset;
      if (ctx.module && c.dataset < ctx.module->datasets.size() && c.field < ctx.module->datasets[c.dataset].fields.size())
        ctx.trace->back().type = ctx.module->datasets[c.dataset].fields[c.field].type;
    }
  }
  return located(internalFailure("il codice finisce senza Return"), chunk.span);
}

}  // namespace

Result executeAt(const ir::Chunk& chunk, const Context& ctx, int depth) { return execute(chunk, ctx, depth); }

RowSlot rowSlot(const Context& ctx, uint32_t field) {
  if (ctx.rowTail && field >= ctx.rowSplit) return RowSlot{nullptr, *ctx.rowTail, field - ctx.rowSplit};
  return RowSlot{ctx.row, {}, field};
}

std::optional<ir::Value> RowSlot::value() const {
  if (record) return index < record->size() ? std::optional((*record)[index]) : std::nullopt;
  return index < tail.size() ? std::optional(tail[index]) : std::nullopt;
}

Result run(const ir::Chunk& chunk, const Context& ctx) {
  try {
    return execute(chunk, ctx, 0);
  } catch (const std::exception& e) {  // std::bad_alloc and the like: never let them escape
    return located(internalFailure(e.what()), chunk.span);
  }
}

}  // namespace misura::interp
