// Running the worked cases of a regolamento (`prova` blocks, `misura prova`):
// for each prova, the regolamento is evaluated over the prova's data folder
// and the person's results are compared, exactly, with every `attendi`.
// Library code: nothing is printed; the CLI prints what format*() return.
#pragma once

#include <string>
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/support/diagnostics.h"
#include "compiler/support/source.h"

namespace misura::prova {

// Something that did not go as the prova expected, at `span`: the `attendi`
// line it contradicts, or the `dati` / `persona` line that could not be used.
struct Failure {
  Span span;
  std::string message;  // "atteso totale 88,50, ottenuto 88,33"
};

struct Outcome {
  uint32_t prova = 0;                   // index into Module::prove
  std::vector<Failure> failures;        // none: the prova is passed
  std::vector<Diagnostic> diagnostics;  // the data's or the person's errors that explain a failure
                                        // (each shown once, with the first prova it explains)
  bool passed() const { return failures.empty(); }
};

// Runs every prova of `module`, in order. Data folders are relative to the
// folder of module.sourcePath; each folder is loaded and evaluated once,
// whatever the number of prove that use it. The CSV files are added to
// `sources` (the diagnostics' spans point into them). A missing folder, an
// unknown matricola or data with errors make a prova fail; they never throw.
std::vector<Outcome> runAll(const ir::Module& module, SourceManager& sources);
// The same for the prove of `module` whose indices are `which` (in that order).
std::vector<Outcome> runSome(const ir::Module& module, SourceManager& sources, const std::vector<uint32_t>& which);

// "prova «titolo» ... superata\n", or "... NON superata\n" followed by one
// line per failure: "  regolamento.misura:214:3: atteso totale 88,50, ottenuto 88,33\n".
std::string formatOutcome(const ir::Module& module, const Outcome& outcome, const SourceManager& sources);

// "3 prove: 2 superate, 1 non superata\n".
std::string formatSummary(const std::vector<Outcome>& outcomes);

}  // namespace misura::prova
