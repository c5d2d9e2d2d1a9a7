// Internal to runtime/interp: the operations on ir::Values behind the
// opcodes and builtins. Each returns the result value or a Failure (an error
// without location; the dispatch loop adds the instruction's span).
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "compiler/ir/ir.h"

namespace misura::interp {

struct Failure {
  std::string code;
  std::string message;
  std::string hint;
};

using Computed = std::variant<ir::Value, Failure>;

// E0600: a broken invariant of the plan.
Failure internalFailure(const std::string& what);

bool isMissing(const ir::Value& v);

// Every operation below propagates Missing: an operand Missing -> Missing.

enum class Arith { Add, Sub, Mul, Div };
// x op y on numbers (every unit is a Rational); Div by 0 is E0601.
Computed arithmetic(Arith op, const ir::Value& x, const ir::Value& y);

enum class Compare { Lt, Le, Gt, Ge, Eq, Ne };
// Numbers and dates are ordered; Eq/Ne also compare booleans and texts.
Computed compare(Compare op, const ir::Value& x, const ir::Value& y);

// d + n or d - n (`subtract`), n a whole number of days (else E0607).
Computed shiftDate(const ir::Value& d, const ir::Value& n, bool subtract);
// d1 - d2 in days.
Computed diffDates(const ir::Value& d1, const ir::Value& d2);

Computed negate(const ir::Value& x);
Computed logicalNot(const ir::Value& x);

// What the calendar builtins read: the evaluation year (0: unknown) and the
// person's service inside it (absent: no person here).
struct Calendar {
  int year = 0;
  std::optional<DateRange> service;
};
// The result of a step table for x (steps.cpp): see ir::StepTable.
Computed stepResult(const ir::StepTable& table, const ir::Value& x);

// The builtin applied to `args` (already checked against its arity).
Computed callBuiltin(ir::Builtin builtin, const std::vector<ir::Value>& args, const Calendar& calendar = {});

// Arity of a builtin per builtins.def: true if `argc` arguments are allowed.
bool arityOk(ir::Builtin builtin, uint32_t argc);

}  // namespace misura::interp
