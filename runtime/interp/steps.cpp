// Op::Scaglioni: the result of a step table for one value.
#include "runtime/interp/values.h"

namespace misura::interp {

namespace {

// Whether x meets the line's threshold; a Failure for values of the wrong kind.
std::variant<bool, Failure> meets(ir::StepKind kind, const ir::Value& x, const ir::Value& threshold) {
  Compare op = kind == ir::StepKind::Da ? Compare::Ge : kind == ir::StepKind::FinoA ? Compare::Le : Compare::Eq;
  Computed c = compare(op, x, threshold);
  if (Failure* f = std::get_if<Failure>(&c)) return std::move(*f);
  const bool* b = std::get_if<bool>(&std::get<ir::Value>(c));
  if (!b) return internalFailure("confronto degli scaglioni senza esito");
  return *b;
}

}  // namespace

Computed stepResult(const ir::StepTable& table, const ir::Value& x) {
  if (isMissing(x)) return ir::Value{ir::Missing{}};
  for (const auto& [threshold, result] : table.lines) {
    std::variant<bool, Failure> m = meets(table.kind, x, threshold);
    if (Failure* f = std::get_if<Failure>(&m)) return std::move(*f);
    if (std::get<bool>(m)) return result;
  }
  return table.otherwise;
}

}  // namespace misura::interp
