// `--file DICHIARATO=EFFETTIVO` (CompileOptions::dataFiles): a data file read
// from another path than the one the regolamento declares, e.g. the PEG
// corrected after an appeal, without renaming it or editing the regolamento.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/support/diagnostics.h"

namespace misura {

// Points every dataset of `module` declared as `from` (after `{anno}` is
// replaced) at `to`. A `from` that no dataset declares is E0705. True if all
// were applied.
bool replaceDataFiles(ir::Module& module, const std::vector<std::pair<std::string, std::string>>& files,
                      Diagnostics& diags);

}  // namespace misura
