// Internal to cli/: `misura spiega FILE --dati DIR --persona MATRICOLA`.
#pragma once

#include <optional>
#include <string>

#include "compiler/driver/driver.h"
#include "runtime/eval/results.h"

namespace misura::cli {

struct SpiegaOptions {
  std::string file;
  std::string dataDir;
  std::string matricola;
  bool json = false;  // --formato json (else testo)
  std::optional<std::string> output;
  CompileOptions compile;  // --anno, --moduli
  std::optional<std::string> deroga;  // --deroga "motivo" (cli/legge.h)
};

// The derivation of one person's result (runtime/report/explain.h) on stdout
// or in the --uscita file. Exit 0 for a person evaluated or not evaluated
// (the reason is printed); 1 for a person in error (what is known is
// printed, with the errors), an unknown matricola (E0703) or errors in the
// regolamento or the data.
int cmdSpiega(const SpiegaOptions& opt);

// E0703 for a matricola that is not in the staff list, with a suggestion.
void reportUnknownMatricola(const eval::Evaluation& evaluation, const std::string& matricola, const ir::Module& m);

}  // namespace misura::cli
