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
bool numeratorOf(const Rational& v, int64_t scale, int64_t& out) {
  std::optional<std::pair<int64_t, int64_t>> p = v.inlineParts();
  if (!p || scale % p->second != 0) return false;
  const i128 n = i128(p->first) * (scale / p->second);
  if (!fits(n)) return false;
  out = int64_t(n);
  return true;
}

bool load(const ir::Value& v, int64_t scale, int64_t& out) {
  const Rational* q = std::get_if<Rational>(&v);
  return q && numeratorOf(*q, scale, out);
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

std::optional<Rational> run(const Program& program, const Inputs& inputs) {
  int64_t stack[64];
  if (program.maxDepth > std::size(stack)) return std::nullopt;
  size_t sp = 0;  // the number of values on the stack
  size_t pc = 0;
  const std::vector<FInstr>& code = program.code;
  while (pc < code.size()) {
    const FInstr& in = code[pc++];
    switch (in.op) {
      case FOp::Push: stack[sp++] = in.x; break;
      case FOp::LoadPerson:
        if (!inputs.person || in.a >= inputs.person->size() || !load((*inputs.person)[in.a], in.x, stack[sp]))
          return std::nullopt;
        ++sp;
        break;
      case FOp::LoadBand:
        if (!load(inputs.band, in.x, stack[sp])) return std::nullopt;
        ++sp;
        break;
      case FOp::LoadTotal:
        if (!load(inputs.total, in.x, stack[sp])) return std::nullopt;
        ++sp;
        break;
      case FOp::LoadService:
        if (!inputs.service) return std::nullopt;
        stack[sp++] = daysIn(intersect(*inputs.service, wholeYear(int(in.x))));
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

int64_t columnScale(const std::vector<const std::vector<ir::Value>*>& rows, uint32_t field, int64_t limit) {
  int64_t scale = 1, last = 1;  // `last`: a denominator known to divide the scale
  for (const std::vector<ir::Value>* row : rows) {
    if (!row || field >= row->size()) return 0;
    const ir::Value& v = (*row)[field];
    if (std::holds_alternative<ir::Missing>(v)) continue;
    const Rational* q = std::get_if<Rational>(&v);
    std::optional<std::pair<int64_t, int64_t>> p = q ? q->inlineParts() : std::nullopt;
    if (!p) return 0;
    if (p->second == last || p->second == 1) continue;  // most values: no division
    last = p->second;
    std::optional<int64_t> l = lcmWithin(scale, p->second, limit);
    if (!l) return 0;
    scale = *l;
  }
  return scale;
}

}  // namespace misura::fixed
