// The integer machine: runs a Program on 64-bit numerators, with 128-bit
// intermediate products and an overflow check on every result.
#include <algorithm>
#include <numeric>

#include "runtime/fixed/fixed.h"

namespace misura::fixed {

namespace {

using i128 = __int128;

bool fits(i128 v) { return v >= INT64_MIN && v <= INT64_MAX; }

// The numerator of v at `scale`, if v is a number held inline whose
// denominator divides the scale and the numerator fits.
bool numeratorOf(std::optional<std::pair<int64_t, int64_t>> p, int64_t scale, int64_t& out) {
  if (!p) return false;
  // Most values are whole or have the column's own denominator: no division.
  int64_t factor = scale;
  if (p->second == scale) factor = 1;
  else if (p->second != 1) {
    if (scale % p->second != 0) return false;
    factor = scale / p->second;
  }
  const i128 n = i128(p->first) * factor;
  if (!fits(n)) return false;
  out = int64_t(n);
  return true;
}

bool numeratorOf(const Rational& v, int64_t scale, int64_t& out) { return numeratorOf(v.inlineParts(), scale, out); }

// Field i of a row as a number held inline (num, den), if it is one.
std::optional<std::pair<int64_t, int64_t>> numberParts(const ir::Record& row, size_t i) {
  if (std::optional<std::pair<int64_t, int64_t>> p = row.inlineNumber(i)) return p;  // no Rational built
  const ir::Value v = row[i];
  const Rational* q = std::get_if<Rational>(&v);
  return q ? q->inlineParts() : std::nullopt;
}

// Field i of a row.
bool load(const ir::Record& row, size_t i, int64_t scale, int64_t& out) {
  return i < row.size() && numeratorOf(numberParts(row, i), scale, out);
}

bool load(const std::optional<Rational>* v, int64_t scale, int64_t& out) {
  return v && *v && numeratorOf(**v, scale, out);
}

bool holds(Cmp c, i128 x, i128 y) {
  switch (c) {
    case Cmp::Lt: return x < y;
    case Cmp::Le: return x <= y;
    case Cmp::Gt: return x > y;
    case Cmp::Ge: return x >= y;
    case Cmp::Eq: return x == y;
    case Cmp::Ne: return x != y;
  }
  return false;
}

// The result numerator of a step table for v, or false for GiveUp.
bool stepResult(const FSteps& t, int64_t v, int64_t& out) {
  for (size_t i = 0; i < t.thresholds.size(); ++i) {
    const auto [p, q] = t.thresholds[i];
    const i128 lhs = i128(v) * q, rhs = i128(p) * t.scale;  // v/scale against p/q, q > 0
    if (t.kind == ir::StepKind::Da ? lhs >= rhs : lhs <= rhs) {
      out = t.results[i];
      return true;
    }
  }
  if (!t.otherwise) return false;
  out = *t.otherwise;
  return true;
}

}  // namespace

bool loadInput(const FInstr& in, const Inputs& inputs, int64_t& out) {
  switch (in.op) {
    case FOp::LoadPerson:
      return inputs.person && load(*inputs.person, in.a, in.x, out);
    case FOp::LoadBand: return load(inputs.band, in.x, out);
    case FOp::LoadTotal: return load(inputs.total, in.x, out);
    case FOp::LoadService:
      if (!inputs.service) return false;
      out = daysIn(intersect(*inputs.service, wholeYear(int(in.x))));
      return true;
    default: return false;
  }
}

namespace {

// The native code (Program::native) on the inputs gathered here.
std::optional<Rational> runNative(const Program& program, const Inputs& inputs) {
  int64_t in[kMaxNativeLoads];
  uint8_t ok[kMaxNativeLoads];
  for (size_t k = 0; k < program.loads.size(); ++k)
    ok[k] = loadInput(program.code[program.loads[k]], inputs, in[k]) ? 1 : 0;
  int64_t out = 0;
  if (!program.native(in, ok, &out)) return std::nullopt;
  return Rational(out, program.resultScale);
}

}  // namespace

std::optional<Rational> run(const Program& program, const Inputs& inputs) {
  if (program.native) return runNative(program, inputs);
  int64_t stack[64];
  if (program.maxDepth > std::size(stack)) return std::nullopt;
  size_t sp = 0;  // the number of values on the stack
  size_t pc = 0;
  const std::vector<FInstr>& code = program.code;
  while (pc < code.size()) {
    const FInstr& in = code[pc++];
    switch (in.op) {
      case FOp::Push: stack[sp++] = in.x; break;
      case FOp::LoadPerson: case FOp::LoadBand: case FOp::LoadTotal: case FOp::LoadService:
        if (!loadInput(in, inputs, stack[sp])) return std::nullopt;
        ++sp;
        break;
      case FOp::Add: case FOp::Sub: {
        const i128 x = i128(stack[sp - 2]) * in.x, y = i128(stack[sp - 1]) * in.y;
        const i128 r = in.op == FOp::Add ? x + y : x - y;
        if (!fits(r)) return std::nullopt;
        stack[--sp - 1] = int64_t(r);
        break;
      }
      case FOp::Mul: {
        const i128 r = i128(stack[sp - 2]) * stack[sp - 1];
        if (!fits(r)) return std::nullopt;
        stack[--sp - 1] = int64_t(r);
        break;
      }
      case FOp::DivConst: {
        const i128 r = i128(stack[sp - 2]) * in.x;
        if (!fits(r)) return std::nullopt;
        stack[--sp - 1] = int64_t(r);
        break;
      }
      case FOp::Neg:
        if (stack[sp - 1] == INT64_MIN) return std::nullopt;
        stack[sp - 1] = -stack[sp - 1];
        break;
      case FOp::Compare: {
        const bool r = holds(in.cmp, i128(stack[sp - 2]) * in.x, i128(stack[sp - 1]) * in.y);
        stack[--sp - 1] = r ? 1 : 0;
        break;
      }
      case FOp::Not: stack[sp - 1] = stack[sp - 1] ? 0 : 1; break;
      case FOp::And: stack[sp - 2] = stack[sp - 2] && stack[sp - 1]; --sp; break;
      case FOp::Or: stack[sp - 2] = stack[sp - 2] || stack[sp - 1]; --sp; break;
      case FOp::Rescale: {
        int64_t& v = stack[sp - 1 - in.a];
        const i128 r = i128(v) * in.x;
        if (!fits(r)) return std::nullopt;
        v = int64_t(r);
        break;
      }
      case FOp::Jump: pc = in.a; break;
      case FOp::JumpIfFalse:
        if (!stack[--sp]) pc = in.a;
        break;
      case FOp::JumpIf:
        if ((stack[sp - 1] != 0) == (in.b == 1)) pc = in.a;
        break;
      case FOp::Extreme: {
        const size_t first = sp - in.a;
        i128 best = i128(stack[first]) * program.factors[size_t(in.y)];
        for (size_t i = 1; i < in.a; ++i) {
          const i128 v = i128(stack[first + i]) * program.factors[size_t(in.y) + i];
          if (in.b == 1 ? v < best : v > best) best = v;
        }
        if (!fits(best)) return std::nullopt;
        sp = first;
        stack[sp++] = int64_t(best);
        break;
      }
      case FOp::Steps:
        if (!stepResult(program.steps[in.a], stack[sp - 1], stack[sp - 1])) return std::nullopt;
        break;
      case FOp::GiveUp: return std::nullopt;
      case FOp::Return: return Rational(stack[sp - 1], in.x);
    }
  }
  return std::nullopt;
}

std::optional<int64_t> lcmWithin(int64_t a, int64_t b, int64_t limit) {
  const i128 l = i128(a / std::gcd(a, b)) * b;
  if (l > limit) return std::nullopt;
  return int64_t(l);
}

namespace {

// One column's scale as the rows go by: `last` is a denominator known to
// divide the scale, so that most values need no lcm.
struct ScaleSoFar {
  int64_t scale = 1, last = 1;
  bool dead = false;  // not a number column, or past the limit
  void add(const ir::Record& row, size_t i, int64_t limit) {
    if (dead || row.missing(i)) return;
    const std::optional<std::pair<int64_t, int64_t>> p = numberParts(row, i);
    if (!p) {
      dead = true;
      return;
    }
    if (p->second == last || p->second == 1) return;
    last = p->second;
    std::optional<int64_t> l = lcmWithin(scale, p->second, limit);
    dead = !l;
    if (l) scale = *l;
  }
};

}  // namespace

std::vector<int64_t> columnScales(const std::vector<const ir::Record*>& rows,
                                  const std::vector<uint32_t>& fields, int64_t limit) {
  std::vector<ScaleSoFar> so(fields.size());
  for (const ir::Record* row : rows)  // one pass, row by row: each row is read once
    for (size_t i = 0; i < fields.size(); ++i) {
      if (!row || fields[i] >= row->size()) so[i].dead = true;
      else so[i].add(*row, fields[i], limit);
    }
  std::vector<int64_t> out;
  for (const ScaleSoFar& s : so) out.push_back(s.dead ? 0 : s.scale);
  return out;
}

int64_t columnScale(const std::vector<const ir::Record*>& rows, uint32_t field, int64_t limit) {
  return columnScales(rows, {field}, limit)[0];
}

}  // namespace misura::fixed
