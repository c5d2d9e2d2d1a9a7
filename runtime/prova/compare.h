// Internal to runtime/prova: a prova's expectations against what the
// evaluation of its folder produced.
#pragma once

#include <vector>

#include "compiler/ir/ir.h"
#include "runtime/eval/results.h"
#include "runtime/prova/folders.h"
#include "runtime/prova/prova.h"

namespace misura::prova {

// Appends to `out` every expectation of `prova` that `person`'s result does
// not meet. Numbers are compared exactly.
// `evaluation` holds `person` (graduatorie are read from it).
void compare(const ir::Module& module, const ir::Prova& prova, const eval::Evaluation& evaluation,
             const eval::PersonResult& person, std::vector<Failure>& out);

// The same when the folder could not be evaluated because its data have
// errors: only `attendi errore` can be met, by one of those errors.
void compareDataErrors(const ir::Prova& prova, const FolderRun& run, std::vector<Failure>& out);

}  // namespace misura::prova
