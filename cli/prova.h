// Internal to cli/: `misura prova FILE`.
#pragma once

#include <string>

#include "compiler/driver/driver.h"

namespace misura::cli {

// Runs the worked cases (`prova`) of the regolamento `file`: one line per
// prova on stdout ("... superata" / "... NON superata" with the reasons),
// the errors that explain a failure on stderr, then a summary. Exit 0 if
// every prova passes (or there is none), 1 if one fails or the regolamento
// has errors.
int cmdProva(const std::string& file, const CompileOptions& options);

}  // namespace misura::cli
