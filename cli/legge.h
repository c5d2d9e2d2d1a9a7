// Internal to cli/: the legal requirements at evaluation time (`valuta`,
// `spiega`). Under a requirement in force that is not met the premi are not
// paid (E0850, exit 1), unless `--deroga "motivo"` is given: then the
// evaluation goes on and every output records the derogation.
#pragma once

#include <optional>
#include <string>

#include "compiler/driver/driver.h"
#include "runtime/eval/results.h"

namespace misura::cli {

// Checks the requirements of the compiled regolamento on the persons of
// `evaluation` (their profile, objectives, weights and roles by condition).
// Returns nullopt to go on (conforming, or derogated: evaluation.deroga is
// set), or the exit code after printing why nothing is paid.
std::optional<int> checkLaw(Compilation& c, eval::Evaluation& evaluation, const std::optional<std::string>& deroga,
                            const char* nothingDone);

}  // namespace misura::cli
