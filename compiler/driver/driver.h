// The compiler driver: source file -> AST -> checked program -> IR, stopping
// after the first stage that reported errors.
#pragma once

#include <optional>
#include <string>

#include "compiler/ast/ast.h"
#include "compiler/ir/ir.h"
#include "compiler/sema/checked.h"
#include "compiler/support/diagnostics.h"

namespace misura {

enum class Stage { Syntax, Sema, Lower };

struct Compilation {
  SourceManager sources;
  Diagnostics diags;
  std::optional<ast::Program> ast;
  std::optional<sema::Checked> checked;  // points into `ast`: a Compilation is not moved
  std::optional<ir::Module> module;
};

// Reads `path` (E0001 if it cannot be read, E0002 if it is not UTF-8) and
// runs the pipeline up to `upTo`. Returns true when no error was reported.
bool compileFile(const std::string& path, Compilation& out, Stage upTo = Stage::Lower);

}  // namespace misura
