// Internal to compiler/driver: reading the regolamento and every module it
// uses (`usa`, transitively) into one ast::Program, deciding which modules
// are in force in the evaluation year. Codes E0800-E0808
// (docs/diagnostica.md); the rules are in docs/linguaggio.md, § 13.
#pragma once

#include <string>

#include "compiler/driver/driver.h"

namespace misura::modules {

// Reads `path` (E0001/E0002) and the modules it uses into out.ast. Returns
// false if any error was reported (out.ast is then unusable).
bool loadProgram(const std::string& path, const CompileOptions& options, Compilation& out);

}  // namespace misura::modules
