// The driver chains the compiler's stages and stops after the first one
// that reported errors, so later stages only ever see well-formed input.
#include "compiler/driver/driver.h"

#include "compiler/driver/data_files.h"
#include "compiler/driver/load.h"
#include "compiler/lower/lower.h"
#include "compiler/sema/checked.h"

namespace misura {

bool compileFile(const std::string& path, Compilation& out, Stage upTo, const CompileOptions& options) {
  if (!modules::loadProgram(path, options, out)) {
    out.ast.reset();
    return false;
  }
  if (upTo == Stage::Syntax) return true;
  out.checked = sema::check(*out.ast, out.diags);
  if (!out.checked || upTo == Stage::Sema) return out.checked.has_value();
  out.module = lower(*out.checked, path);
  replaceDataFiles(*out.module, options.dataFiles, out.diags);
  return !out.diags.hasErrors();
}

}  // namespace misura
