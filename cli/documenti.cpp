// What `scheda` and `graduatoria` share: the evaluation and the delivery.
#include <iostream>

#include "cli/commands.h"
#include "cli/documenti.h"
#include "cli/legge.h"
#include "cli/pdf.h"
#include "runtime/eval/evaluate.h"
#include "runtime/report/report.h"

namespace misura::cli {

std::optional<eval::Evaluation> evaluateForDocument(const DocumentOptions& opt, bool trace, Compilation& c,
                                                    int& exit) {
  const char* nothing = "nessun documento prodotto";
  if (std::optional<int> failed =
          compileForEvaluation(opt.file, opt.dataDir, opt.output, opt.compile, c, nothing, "scheda.pdf")) {
    exit = *failed;
    return std::nullopt;
  }
  eval::Options options;
  options.dataDir = opt.dataDir;
  options.trace = trace;
  std::vector<Diagnostic> fresh;
  std::optional<eval::Evaluation> evaluation = evaluateCompiled(c, options, nothing, fresh);
  if (!evaluation) {
    exit = kDiagnostics;
    return std::nullopt;
  }
  // Warnings of the evaluation; a person's errors are printed by the command that needs that person.
  std::vector<Diagnostic> warnings;
  for (const Diagnostic& d : fresh)
    if (d.severity != Severity::Errore) warnings.push_back(d);
  if (!warnings.empty()) std::cerr << misura::render(c.sources, warnings) << std::flush;
  if (std::optional<int> refused = checkLaw(c, *evaluation, opt.deroga, nothing)) {
    exit = *refused;
    return std::nullopt;
  }
  return evaluation;
}

bool deliverDocument(const std::string& html, bool pdf, const std::string& path) {
  if (path.empty()) {
    std::cout << html;
    return true;
  }
  if (pdf) {
    if (std::optional<PdfError> error = printPdf(html, path)) {
      printPlainError(error->code, error->message, error->hint);
      return false;
    }
    return true;
  }
  std::string error;
  if (report::writeFileAtomically(path, html, error)) return true;
  printPlainError("E0702", "impossibile scrivere il documento: " + error,
                  "controlla il percorso e i permessi della cartella");
  return false;
}

}  // namespace misura::cli
