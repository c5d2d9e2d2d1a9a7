// Marks of the interpreter's trace read by the explanations
// (runtime/report/explain_trace.cpp).
#pragma once

#include <cstdint>

namespace misura::interp {

// The operand of the extra CallBuiltin entry recorded just before an
// `arrotonda`: its value is the number before rounding, so that `spiega`
// shows the value before and after (docs/linguaggio.md § 8).
inline constexpr uint32_t kRoundingInput = 0xFFFFu;

// `somma per ogni obiettivo (...)` records, when tracing, one entry per
// objective: op LoadFoldItem, operand the objective's index, span the body,
// value that objective's term (the FoldObjectives entry then has the sum).

}  // namespace misura::interp
