// The AST printed back as canonical Misura source: two-space indentation,
// declarations in a fixed order (ente, anno, data sets, indicators,
// profiles, objectives, catalogues, ..., prove last) separated by a blank line, items of a
// block in a fixed order, Italian numbers (exact, shortest form: 87,5) and
// dates (31/12/2024), texts with their escapes, and only the parentheses the
// precedence needs. Comments are not kept. print(parse(print(p))) ==
// print(p), except for the comment block listing the dated clauses (printDated). This is what `misura ast FILE` shows. Of a program with modules
// only the regolamento's own text is printed (its `usa` lines, not the
// modules' declarations).
#pragma once

#include <string>
#include <string_view>

#include "compiler/ast/ast.h"

namespace misura::ast {

std::string print(const Program& program);

// One expression, as it would appear in a program.
std::string print(const Expr& expr);
// One key of `ordine`, as written: "totale decrescente", "voto decrescente, non rilevati in fondo".
std::string print(const SortKey& key);

// A text literal as written in a program: "..." with \" and \\ escaped.
std::string quote(std::string_view value);

// A `prova` block (print_prova.cpp), lines ending in '\n'.
std::string print(const Prova& prova);

// A `requisito` block and a `ruolo` line (print_requisito.cpp), lines ending in '\n'.
std::string print(const Requirement& requirement);
std::string print(const Role& role);
std::string print(const Statement& statement);

// An objective, phase or behaviour code as written: OB1, or "AG-1" when quoted.
std::string printCode(const Ident& code);

// The dated clauses of the regolamento (`dal 2024: ...`) as comment lines,
// each with whether it is in force in the evaluation year; empty if none
// (print_dated.cpp). The clauses in force are also printed in their blocks,
// without the prefix: the program is the one of the evaluation year.
std::string printDated(const Program& program);

// A number as written in a program, in its shortest exact form ("87,5").
std::string printNumber(const Rational& q);

}  // namespace misura::ast
