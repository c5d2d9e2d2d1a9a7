// The AST printed back as canonical Misura source: two-space indentation,
// declarations in a fixed order (ente, anno, data sets, indicators,
// profiles, objectives, catalogues) separated by a blank line, items of a
// block in a fixed order, Italian numbers (exact, shortest form: 87,5) and
// dates (31/12/2024), texts with their escapes, and only the parentheses the
// precedence needs. Comments are not kept. print(parse(print(p))) ==
// print(p). This is what `misura ast FILE` shows.
#pragma once

#include <string>

#include "compiler/ast/ast.h"

namespace misura::ast {

std::string print(const Program& program);

// One expression, as it would appear in a program.
std::string print(const Expr& expr);

}  // namespace misura::ast
