// The compiler driver: source file -> AST -> checked program -> IR, stopping
// after the first stage that reported errors.
#pragma once

#include <optional>
#include <string>
#include <vector>

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

// What the command line adds to the regolamento (docs/linguaggio.md, § 13).
struct CompileOptions {
  std::vector<std::string> moduleDirs;  // --moduli, searched first, in order
  std::vector<std::string> stdlibDirs;  // the standard library, searched last (modules::stdlibDirs)
  std::optional<int> year;              // --anno: the evaluation year, instead of `anno`
  // --file DICHIARATO=EFFETTIVO: a data file read from another path (data_files.h).
  std::vector<std::pair<std::string, std::string>> dataFiles;
};

// Reads `path` (E0001 if it cannot be read, E0002 if it is not UTF-8) and
// the modules it uses, then runs the pipeline up to `upTo`. Returns true
// when no error was reported.
//
// The syntax stage yields one ast::Program holding the regolamento and the
// modules in force in the evaluation year (Program::units says which file
// each declaration comes from); sema and lowering see only that program.
bool compileFile(const std::string& path, Compilation& out, Stage upTo = Stage::Lower,
                 const CompileOptions& options = {});

}  // namespace misura
