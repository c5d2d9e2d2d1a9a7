// The syntax stage: regolamento source text -> ast::Program.
//
// This is the only public header of compiler/syntax; nothing of ANTLR leaks
// out of it. Syntax diagnostics (codes E0100-E0107, see docs/diagnostica.md)
// go to `diags`; every error of the file is reported in one run, up to a cap
// of 50 errors after which a final note says the list was cut short.
#pragma once

#include <functional>
#include <optional>

#include "compiler/ast/ast.h"
#include "compiler/support/diagnostics.h"
#include "compiler/support/source.h"

namespace misura::syntax {

// Parses the text of `file`. Returns nullopt if any error was reported
// (the driver stops after a stage with errors); otherwise the AST, with
// every expression numbered 0..nodeCount-1. Never throws.
std::optional<ast::Program> parse(const SourceManager& sources, FileId file, Diagnostics& diags);

// Decides, from a file's header and `usa` lines (an ast::SourceFile), whether its
// declarations go into the program (the driver: is the module in force?).
using KeepDeclarations = std::function<bool(const ast::SourceFile&)>;

// Parses `file` and appends it to `into` (a program of several files, see
// compiler/driver/load.h): one ast::SourceFile, then — if `keep` is empty or
// accepts it — its declarations, with expression ids continuing from
// into.nodeCount. The first file appended is the regolamento (into.file).
// Returns false if any error was reported; `into` may then hold part of
// the file. Never throws.
bool parseInto(const SourceManager& sources, FileId file, Diagnostics& diags, ast::Program& into,
               const KeepDeclarations& keep = {});

// Deepest nesting of expressions accepted (parentheses, operators, calls);
// deeper ones are reported as E0105.
inline constexpr int kMaxExprDepth = 200;

}  // namespace misura::syntax
