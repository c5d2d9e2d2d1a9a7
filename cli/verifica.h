// Internal to cli/: `misura verifica FILE [--anno AAAA] [--moduli DIR] [--personale FILE] [--formato testo|json]`.
#pragma once

#include <optional>
#include <string>

#include "compiler/driver/driver.h"

namespace misura::cli {

struct VerificaOptions {
  std::string file;
  CompileOptions compile;                // --anno, --moduli
  std::optional<std::string> staffFile;  // --personale
  bool json = false;                     // --formato json
};

// Checks the regolamento. Without requirements and without --anno: "nessun
// errore" (exit 0) or the diagnostics (exit 1). With requirements (or
// --anno): the conformance report for the year (--anno, else the
// regolamento's `anno`) on stdout, the failing checks as diagnostics on
// stderr; exit 1 if any requirement in force is not met (an error, not a
// warning).
int cmdVerifica(const VerificaOptions& opt);

}  // namespace misura::cli
