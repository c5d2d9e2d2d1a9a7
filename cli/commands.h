// Internal to cli/: what the commands of `misura` share (exit codes, the
// usage error, printing diagnostics, compiling a regolamento).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/driver/driver.h"
#include "compiler/ir/ir.h"
#include "compiler/support/diagnostics.h"
#include "runtime/eval/evaluate.h"

namespace misura::cli {

inline constexpr int kOk = 0;
inline constexpr int kDiagnostics = 1;
inline constexpr int kUsage = 2;
inline constexpr int kInternal = 3;

// A command-line mistake: reported as E0701, exit code 2.
struct UsageError {
  std::string message;
  std::string hint = "scrivi `misura --aiuto` per l'elenco dei comandi e delle opzioni";
};

// "1 errore", "3 errori".
std::string plural(size_t n, const char* one, const char* many);

std::string inQuotes(const std::string& s);

// Prints every diagnostic, rendered, to stderr.
void printDiagnostics(const SourceManager& sources, const Diagnostics& diags);

// A diagnostic without a source location (command line, output file).
void printPlainError(const std::string& code, const std::string& message, const std::string& hint = {});

// Compiles `file` up to `stage` with the --anno/--moduli options, printing
// the diagnostics. Returns the exit code to use on failure, or nullopt on
// success.
std::optional<int> compile(const std::string& file, Compilation& c, Stage stage, const CompileOptions& options);

// What `valuta` and `spiega` do before evaluating: compile `file` to the IR
// (on failure `nothingDone` is printed, e.g. "nessun punteggio calcolato") and
// refuse an --uscita file that is one of the inputs (E0702, suggesting
// `outputExample`). Returns the exit code to use on failure, or nullopt.
std::optional<int> compileForEvaluation(const std::string& file, const std::string& dataDir,
                                        const std::optional<std::string>& output, const CompileOptions& options,
                                        Compilation& c, const char* nothingDone, const char* outputExample);

// Evaluates the compiled regolamento of `c` with `options`; `fresh` gets the
// diagnostics of the evaluation alone (those of the compilation were printed
// already). When no evaluation comes out (errors in the data), prints them and
// «i dati contengono N errori: `nothingDone`» and returns nullopt; otherwise
// printing `fresh` is the caller's choice.
std::optional<eval::Evaluation> evaluateCompiled(Compilation& c, const eval::Options& options, const char* nothingDone,
                                                 std::vector<Diagnostic>& fresh);

// The folders of the standard library for this misura binary (found through
// /proc/self/exe, else `argv0`).
std::vector<std::string> stdlibDirs(const char* argv0);

// What the --uscita file would destroy, if it is one of the inputs: the
// regolamento `file` or a data file the regolamento declares.
std::optional<std::string> inputClash(const std::string& output, const std::string& file, const std::string& dataDir,
                                      const ir::Module& m);

// The --formato name, lower-cased; without one, "csv" or "json" from the
// extension of the --uscita file, if any.
std::optional<std::string> formatName(std::optional<std::string> given, const std::optional<std::string>& output);

}  // namespace misura::cli
