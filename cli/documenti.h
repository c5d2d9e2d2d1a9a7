// Internal to cli/: the printable documents, `misura scheda` and
// `misura graduatoria` (runtime/report/documents.h), in HTML or PDF (pdf.h).
#pragma once

#include <optional>
#include <string>

#include "compiler/driver/driver.h"
#include "runtime/eval/results.h"

namespace misura::cli {

struct DocumentOptions {
  std::string file;
  std::string dataDir;
  bool pdf = false;                   // --formato pdf (else html)
  std::optional<std::string> output;  // --uscita FILE (required for pdf)
  CompileOptions compile;             // --anno, --moduli
  std::optional<std::string> deroga;  // --deroga "motivo" (cli/legge.h)
  bool publication = false;           // graduatoria --pubblicazione: aggregate data only
};

struct SchedaOptions : DocumentOptions {
  std::optional<std::string> matricola;  // --persona
  std::optional<std::string> folder;     // --tutte --cartella DIR: one file per person
};

// `misura scheda FILE --dati DIR --persona M [--formato html|pdf] [--uscita FILE]`
// or `... --tutte --cartella DIR`: the scheda di valutazione. Exit 0 when
// written; 1 for errors in the regolamento or the data, a person in error
// (E0712: no scheda with holes), an unknown matricola (E0703), Chromium
// missing or failing (E0710, E0711), an output not written (E0702).
int cmdScheda(const SchedaOptions& opt);

// `misura graduatoria FILE --dati DIR [--formato html|pdf] [--uscita FILE]`:
// ranking, distribution of the premi by band, funds, charts. Exit codes as
// cmdScheda (E0712 when anyone is in error).
int cmdGraduatoria(const DocumentOptions& opt);

// Internal to the two commands (documenti.cpp): compiles and evaluates
// (with traces when `trace`), checks the law; nullopt with `exit` set on
// failure, after printing why.
std::optional<eval::Evaluation> evaluateForDocument(const DocumentOptions& opt, bool trace, Compilation& c,
                                                    int& exit);

// Writes `html` (or its PDF) to `path`, or the HTML to stdout when `path`
// is empty; prints the error and returns false on failure.
bool deliverDocument(const std::string& html, bool pdf, const std::string& path);

}  // namespace misura::cli
