// From a chunk of the plan to a Program on integers (fixed.h).
//
// Two passes over each chunk's stack code. The analysis gives every stack
// slot, before every instruction, its kind (number or boolean) and scale;
// where paths join (after `se ... allora ... altrimenti`) the scale is the
// lcm of the incoming ones. The emission then writes the integer code, and
// on each path into a join it rescales the values whose scale is smaller
// than the join's. Jumps only go forward, so one pass in code order sees
// every path into an instruction before the instruction itself.
// A `valore` is compiled inline, where it is read.
#include <fmt/format.h>

#include "runtime/fixed/fixed.h"

namespace misura::fixed {

namespace {

// Scales stay far below 2^63 so that numerators keep room for the values.
constexpr int64_t kMaxScale = int64_t(1) << 40;
constexpr uint32_t kMaxStack = 64;
constexpr int kMaxNesting = 32;  // `valore` inside `valore`, as the interpreter allows

// What the analysis knows of a stack slot.
struct Slot {
  bool boolean = false;
  int64_t scale = 1;                // numbers: the value times scale is an integer
  std::optional<Rational> constant;  // known before running (a divisor must be)
};
using State = std::vector<Slot>;

std::optional<int64_t> checkedScale(__int128 s) {
  if (s <= 0 || s > kMaxScale) return std::nullopt;
  return int64_t(s);
}

std::optional<int64_t> lcmOf(int64_t a, int64_t b) { return lcmWithin(a, b, kMaxScale); }

// The numerator of constant q at scale `scale` (a multiple of its denominator).
std::optional<int64_t> numeratorAt(const Rational& q, int64_t scale) {
  std::optional<std::pair<int64_t, int64_t>> p = q.inlineParts();
  if (!p || scale % p->second != 0) return std::nullopt;
  const __int128 n = __int128(p->first) * (scale / p->second);
  if (n < INT64_MIN || n > INT64_MAX) return std::nullopt;
  return int64_t(n);
}

std::optional<Slot> merge(const Slot& a, const Slot& b) {
  if (a.boolean != b.boolean) return std::nullopt;
  Slot out = a;
  if (!a.boolean) {
    std::optional<int64_t> l = lcmOf(a.scale, b.scale);
    if (!l) return std::nullopt;
    out.scale = *l;
  }
  if (a.constant != b.constant) out.constant.reset();
  return out;
}

Cmp cmpOf(ir::Op op) {
  switch (op) {
    case ir::Op::Lt: return Cmp::Lt;
    case ir::Op::Le: return Cmp::Le;
    case ir::Op::Gt: return Cmp::Gt;
    case ir::Op::Ge: return Cmp::Ge;
    case ir::Op::Ne: return Cmp::Ne;
    default: return Cmp::Eq;
  }
}

// One chunk's analysis: the state before each instruction (nullopt: not
// reached on the integer path) and the value it leaves.
struct Analysis {
  std::vector<std::optional<State>> before;
  Slot result;
};

class Compiler {
 public:
  Compiler(const ir::Module& module, const InputScales& scales, std::string* why)
      : module_(module), scales_(scales), why_(why) {}

  // Analyses `chunk` (nested `nesting` valori deep): false after fail().
  bool analyse(const ir::Chunk& chunk, int nesting, Analysis& out);
  // Emits `chunk` on top of `base` stack slots, per its analysis `a`.
  bool emit(const ir::Chunk& chunk, const Analysis& a, uint32_t base, int nesting);

  Program program;

 private:
  bool fail(const std::string& reason) {
    if (why_ && why_->empty()) *why_ = reason;
    return false;
  }
  // The effect of instruction `in` on `st`; when `emitting`, also its code.
  bool transfer(const ir::Chunk& chunk, const ir::Instr& in, State& st, bool emitting, uint32_t base, int nesting);
  bool binary(const ir::Instr& in, State& st, bool emitting);
  bool builtin(const ir::Instr& in, State& st, bool emitting);
  bool steps(const ir::StepTable& table, State& st, bool emitting);
  bool valueOf(uint32_t index, State& st, bool emitting, uint32_t base, int nesting);
  // Rescales the slots of `from` to the scales of `to` (the join at a jump's target).
  bool rescale(const State& from, const State& to);
  void push(FInstr in) { program.code.push_back(in); }

  const ir::Module& module_;
  const InputScales& scales_;
  std::string* why_;
};

bool Compiler::rescale(const State& from, const State& to) {
  if (from.size() != to.size()) return fail("pile diverse a una confluenza");
  for (size_t i = 0; i < from.size(); ++i) {
    if (from[i].boolean != to[i].boolean) return fail("tipi diversi a una confluenza");
    if (from[i].boolean || from[i].scale == to[i].scale) continue;
    push(FInstr{FOp::Rescale, Cmp::Eq, uint32_t(from.size() - 1 - i), 0, to[i].scale / from[i].scale, 0});
  }
  return true;
}

bool Compiler::binary(const ir::Instr& in, State& st, bool emitting) {
  if (st.size() < 2) return fail("pila vuota");
  Slot y = st.back();
  st.pop_back();
  Slot x = st.back();
  st.pop_back();
  if (x.boolean || y.boolean) return fail("operazione su booleani");
  Slot r;
  switch (in.op) {
    case ir::Op::Add: case ir::Op::Sub: {
      std::optional<int64_t> l = lcmOf(x.scale, y.scale);
      if (!l) return fail("scala troppo grande");
      r.scale = *l;
      if (x.constant && y.constant) r.constant = in.op == ir::Op::Add ? *x.constant + *y.constant : *x.constant - *y.constant;
      if (emitting) push(FInstr{in.op == ir::Op::Add ? FOp::Add : FOp::Sub, Cmp::Eq, 0, 0, *l / x.scale, *l / y.scale});
      break;
    }
    case ir::Op::Mul: {
      std::optional<int64_t> s = checkedScale(__int128(x.scale) * y.scale);
      if (!s) return fail("scala troppo grande");
      r.scale = *s;
      if (x.constant && y.constant) r.constant = *x.constant * *y.constant;
      if (emitting) push(FInstr{FOp::Mul});
      break;
    }
    case ir::Op::Div: {
      // x / (p/q) = x * q / p: the numerator times q (sign included), the scale times |p|.
      if (!y.constant || y.constant->isZero()) return fail("divisione per un valore calcolato");
      std::optional<std::pair<int64_t, int64_t>> pq = y.constant->inlineParts();
      if (!pq || pq->first == INT64_MIN) return fail("divisore troppo grande");
      const int64_t p = pq->first, q = pq->second;
      std::optional<int64_t> s = checkedScale(__int128(x.scale) * (p < 0 ? -p : p));
      if (!s) return fail("scala troppo grande");
      r.scale = *s;
      if (x.constant) r.constant = *x.constant / *y.constant;
      if (emitting) push(FInstr{FOp::DivConst, Cmp::Eq, 0, 0, p < 0 ? -q : q, 0});
      break;
    }
    default: {  // Lt .. Ne
      std::optional<int64_t> l = lcmOf(x.scale, y.scale);
      if (!l) return fail("scala troppo grande");
      r.boolean = true;
      if (emitting) push(FInstr{FOp::Compare, cmpOf(in.op), 0, 0, *l / x.scale, *l / y.scale});
      break;
    }
  }
  st.push_back(r);
  return true;
}

bool Compiler::builtin(const ir::Instr& in, State& st, bool emitting) {
  const auto b = static_cast<ir::Builtin>(in.a);
  if (b == ir::Builtin::GiorniAnno || b == ir::Builtin::AnnoValutazione || b == ir::Builtin::GiorniServizio) {
    if (in.b != 0 || scales_.year == 0) return fail("calendario senza l'anno");
    if (b == ir::Builtin::GiorniServizio) {
      st.push_back(Slot{false, 1, std::nullopt});
      if (emitting) push(FInstr{FOp::LoadService, Cmp::Eq, 0, 0, scales_.year});
      return true;
    }
    const long value = b == ir::Builtin::GiorniAnno ? daysInYear(scales_.year) : scales_.year;
    st.push_back(Slot{false, 1, Rational(value)});
    if (emitting) push(FInstr{FOp::Push, Cmp::Eq, 0, 0, value});
    return true;
  }
  if (b != ir::Builtin::Minimo && b != ir::Builtin::Massimo) return fail("funzione non sugli interi");
  if (in.b == 0 || st.size() < in.b) return fail("pila vuota");
  int64_t l = 1;
  for (size_t i = st.size() - in.b; i < st.size(); ++i) {
    if (st[i].boolean) return fail("minimo di booleani");
    std::optional<int64_t> next = lcmOf(l, st[i].scale);
    if (!next) return fail("scala troppo grande");
    l = *next;
  }
  if (emitting) {
    push(FInstr{FOp::Extreme, Cmp::Eq, in.b, b == ir::Builtin::Minimo ? 1u : 0u, 0, int64_t(program.factors.size())});
    for (size_t i = st.size() - in.b; i < st.size(); ++i) program.factors.push_back(l / st[i].scale);
  }
  st.resize(st.size() - in.b);
  st.push_back(Slot{false, l, std::nullopt});
  return true;
}

bool Compiler::steps(const ir::StepTable& table, State& st, bool emitting) {
  if (st.empty() || st.back().boolean) return fail("scaglioni senza un numero");
  if (table.kind == ir::StepKind::Testo) return fail("scaglioni di testi");
  int64_t scale = 1;
  auto widen = [&](const ir::Value& v) {
    const Rational* q = std::get_if<Rational>(&v);
    std::optional<std::pair<int64_t, int64_t>> p = q ? q->inlineParts() : std::nullopt;
    std::optional<int64_t> l = p ? lcmOf(scale, p->second) : std::nullopt;
    if (l) scale = *l;
    return l.has_value();
  };
  for (const auto& [threshold, result] : table.lines)
    if (!std::get_if<Rational>(&threshold) || !std::get_if<Rational>(&threshold)->inlineParts() || !widen(result))
      return fail("scaglioni non numerici");
  const bool giveUp = std::holds_alternative<ir::Missing>(table.otherwise);
  if (!giveUp && !widen(table.otherwise)) return fail("scaglioni non numerici");
  if (emitting) {
    FSteps f;
    f.kind = table.kind;
    f.scale = st.back().scale;
    for (const auto& [threshold, result] : table.lines) {
      f.thresholds.push_back(*std::get<Rational>(threshold).inlineParts());
      f.results.push_back(*numeratorAt(std::get<Rational>(result), scale));
    }
    if (!giveUp) f.otherwise = *numeratorAt(std::get<Rational>(table.otherwise), scale);
    push(FInstr{FOp::Steps, Cmp::Eq, uint32_t(program.steps.size())});
    program.steps.push_back(std::move(f));
  }
  st.back() = Slot{false, scale, std::nullopt};
  return true;
}

bool Compiler::valueOf(uint32_t index, State& st, bool emitting, uint32_t base, int nesting) {
  if (index >= module_.values.size()) return fail("valore inesistente");
  if (nesting >= kMaxNesting) return fail("valori annidati troppo in profondità");
  Analysis a;
  if (!analyse(module_.values[index].body, nesting + 1, a)) return false;
  if (emitting && !emit(module_.values[index].body, a, base + uint32_t(st.size()), nesting + 1)) return false;
  st.push_back(a.result);
  return true;
}

bool Compiler::transfer(const ir::Chunk& chunk, const ir::Instr& in, State& st, bool emitting, uint32_t base,
                        int nesting) {
  switch (in.op) {
    case ir::Op::PushConst: {
      if (in.a >= chunk.consts.size()) return fail("costante inesistente");
      const ir::Value& v = chunk.consts[in.a];
      if (const bool* b = std::get_if<bool>(&v)) {
        st.push_back(Slot{true, 1, std::nullopt});
        if (emitting) push(FInstr{FOp::Push, Cmp::Eq, 0, 0, *b ? 1 : 0});
        return true;
      }
      const Rational* q = std::get_if<Rational>(&v);
      std::optional<std::pair<int64_t, int64_t>> p = q ? q->inlineParts() : std::nullopt;
      if (!p) return fail("costante non numerica");
      st.push_back(Slot{false, p->second, *q});
      if (emitting) push(FInstr{FOp::Push, Cmp::Eq, 0, 0, p->first});
      return true;
    }
    case ir::Op::LoadPerson: {
      const int64_t s = in.a < scales_.staff.size() ? scales_.staff[in.a] : 0;
      if (s <= 0) return fail(fmt::format("campo {} senza scala", in.a));
      st.push_back(Slot{false, s, std::nullopt});
      if (emitting) push(FInstr{FOp::LoadPerson, Cmp::Eq, in.a, 0, s});
      return true;
    }
    case ir::Op::LoadBand: case ir::Op::LoadTotal: {
      const int64_t s = in.op == ir::Op::LoadBand ? scales_.band : scales_.total;
      if (s <= 0) return fail("fascia o totale senza scala");
      st.push_back(Slot{false, s, std::nullopt});
      if (emitting) push(FInstr{in.op == ir::Op::LoadBand ? FOp::LoadBand : FOp::LoadTotal, Cmp::Eq, 0, 0, s});
      return true;
    }
    case ir::Op::Add: case ir::Op::Sub: case ir::Op::Mul: case ir::Op::Div:
    case ir::Op::Lt: case ir::Op::Le: case ir::Op::Gt: case ir::Op::Ge: case ir::Op::Eq: case ir::Op::Ne:
      return binary(in, st, emitting);
    case ir::Op::Neg:
      if (st.empty() || st.back().boolean) return fail("segno di un booleano");
      if (st.back().constant) st.back().constant = -*st.back().constant;
      if (emitting) push(FInstr{FOp::Neg});
      return true;
    case ir::Op::Not:
      if (st.empty() || !st.back().boolean) return fail("negazione di un numero");
      if (emitting) push(FInstr{FOp::Not});
      return true;
    case ir::Op::And: case ir::Op::Or:
      if (st.size() < 2 || !st.back().boolean || !st[st.size() - 2].boolean) return fail("logica su numeri");
      st.pop_back();
      st.back().constant.reset();
      if (emitting) push(FInstr{in.op == ir::Op::And ? FOp::And : FOp::Or});
      return true;
    case ir::Op::CallBuiltin: return builtin(in, st, emitting);
    case ir::Op::Scaglioni:
      if (in.a >= chunk.steps.size()) return fail("scaglioni inesistenti");
      return steps(chunk.steps[in.a], st, emitting);
    case ir::Op::LoadValue: return valueOf(in.a, st, emitting, base, nesting);
    default: return fail(fmt::format("istruzione {} non sugli interi", ir::opName(in.op)));
  }
}

bool Compiler::analyse(const ir::Chunk& chunk, int nesting, Analysis& out) {
  const size_t n = chunk.code.size();
  out.before.assign(n + 1, std::nullopt);
  out.before[0] = State{};
  auto arrive = [&](size_t target, const State& st) {
    if (target > n) return fail("salto fuori dal codice");
    if (!out.before[target]) {
      out.before[target] = st;
      return true;
    }
    State& at = *out.before[target];
    if (at.size() != st.size()) return fail("pile diverse a una confluenza");
    for (size_t i = 0; i < st.size(); ++i) {
      std::optional<Slot> m = merge(at[i], st[i]);
      if (!m) return fail("valori incompatibili a una confluenza");
      at[i] = *m;
    }
    return true;
  };
  for (size_t pc = 0; pc < n; ++pc) {
    if (!out.before[pc]) continue;  // reached only when a value is non rilevato
    State st = *out.before[pc];
    const ir::Instr& in = chunk.code[pc];
    if (st.size() > kMaxStack) return fail("pila troppo profonda");
    switch (in.op) {
      case ir::Op::Return:
        if (pc + 1 != n || st.size() != 1) return fail("Return nel mezzo del codice");
        out.result = st.back();
        return true;
      case ir::Op::Jump:
        if (in.a <= pc || !arrive(in.a, st)) return fail("salto non valido");
        continue;
      case ir::Op::JumpIfFalse:  // the jump to b (a non rilevato condition) never happens here
        if (st.empty() || !st.back().boolean) return fail("condizione che non è un booleano");
        st.pop_back();
        if (in.a <= pc || !arrive(in.a, st)) return fail("salto non valido");
        break;
      case ir::Op::Short:
        if (st.empty() || !st.back().boolean) return fail("condizione che non è un booleano");
        if (in.a <= pc || !arrive(in.a, st)) return fail("salto non valido");
        break;
      default:
        if (!transfer(chunk, in, st, false, 0, nesting)) return false;
    }
    if (!arrive(pc + 1, st)) return false;
  }
  return fail("il codice finisce senza Return");
}

bool Compiler::emit(const ir::Chunk& chunk, const Analysis& a, uint32_t base, int nesting) {
  const size_t n = chunk.code.size();
  std::vector<size_t> at(n + 1, 0);                  // pc -> its first integer instruction
  std::vector<std::pair<size_t, size_t>> patches;   // (integer instruction, target pc)
  for (size_t pc = 0; pc < n; ++pc) {
    at[pc] = program.code.size();
    if (!a.before[pc]) continue;
    State st = *a.before[pc];
    program.maxDepth = std::max(program.maxDepth, base + uint32_t(st.size()) + 1);
    const ir::Instr& in = chunk.code[pc];
    switch (in.op) {
      case ir::Op::Return:
        if (base == 0) push(FInstr{FOp::Return, Cmp::Eq, 0, 0, st.back().scale});
        at[n] = program.code.size();
        for (auto [index, target] : patches) program.code[index].a = uint32_t(at[target]);
        return true;
      case ir::Op::Jump:
        if (!rescale(st, *a.before[in.a])) return false;
        patches.emplace_back(program.code.size(), in.a);
        push(FInstr{FOp::Jump});
        continue;
      case ir::Op::JumpIfFalse:
        st.pop_back();
        for (size_t i = 0; i < st.size(); ++i)
          if (!st[i].boolean && st[i].scale != (*a.before[in.a])[i].scale)
            return fail("riscalatura su un salto condizionato");
        patches.emplace_back(program.code.size(), in.a);
        push(FInstr{FOp::JumpIfFalse});
        break;
      case ir::Op::Short:
        patches.emplace_back(program.code.size(), in.a);
        push(FInstr{FOp::JumpIf, Cmp::Eq, 0, in.b == 1 ? 1u : 0u});
        break;
      default:
        if (!transfer(chunk, in, st, true, base, nesting)) return false;
    }
    if (a.before[pc + 1] && !rescale(st, *a.before[pc + 1])) return false;
  }
  return fail("il codice finisce senza Return");
}

}  // namespace

std::optional<Program> compile(const ir::Chunk& chunk, const ir::Module& module, const InputScales& scales,
                               std::string* why) {
  Compiler c(module, scales, why);
  Analysis a;
  if (!c.analyse(chunk, 0, a)) return std::nullopt;
  if (a.result.boolean) {
    if (why) *why = "il risultato è un booleano";
    return std::nullopt;
  }
  if (!c.emit(chunk, a, 0, 0)) return std::nullopt;
  if (c.program.maxDepth > kMaxStack) {
    if (why) *why = "pila troppo profonda";
    return std::nullopt;
  }
  for (uint32_t pc = 0; pc < c.program.code.size(); ++pc) {
    const FInstr& in = c.program.code[pc];
    if (isLoad(in.op)) c.program.loads.push_back(pc);
    if (in.op == FOp::Return) c.program.resultScale = in.x;
  }
  return std::move(c.program);
}

}  // namespace misura::fixed
