// `misura spiega FILE --dati DIR --persona MATRICOLA`: the full derivation
// of one person's result (runtime/report/explain.h).
#include "cli/spiega.h"

#include <iostream>
#include <vector>

#include "cli/commands.h"
#include "cli/legge.h"
#include "compiler/support/suggest.h"
#include "runtime/eval/evaluate.h"
#include "runtime/report/explain.h"
#include "runtime/report/report.h"

namespace misura::cli {

namespace {

// Prints the diagnostics of the evaluation that concern this explanation:
// the warnings and this person's errors, not the errors of other persons.
void printRelevant(const Compilation& c, size_t before, const eval::PersonResult& person) {
  std::vector<Diagnostic> shown;
  for (size_t i = before; i < c.diags.all().size(); ++i)
    if (c.diags.all()[i].severity != Severity::Errore) shown.push_back(c.diags.all()[i]);
  shown.insert(shown.end(), person.errors.begin(), person.errors.end());
  if (!shown.empty()) std::cerr << misura::render(c.sources, shown) << std::flush;
}

// Writes the explanation where asked; returns the exit code.
int deliver(const SpiegaOptions& opt, const std::string& text, const eval::PersonResult& person) {
  bool failed = person.status == eval::PersonStatus::Errore;
  if (failed && opt.output) {
    std::cerr << "il file " << *opt.output << " non è stato scritto perché la valutazione della matricola "
              << person.matricola << " ha errori\n";
    return kDiagnostics;
  }
  if (opt.output) {
    std::string error;
    if (!report::writeFileAtomically(*opt.output, text, error)) {
      printPlainError("E0702", "impossibile scrivere la spiegazione: " + error,
                      "controlla il percorso dato con --uscita e i permessi della cartella");
      return kDiagnostics;
    }
    std::cout << "spiegazione della matricola " << person.matricola << " scritta in " << *opt.output << "\n";
    return kOk;
  }
  std::cout << text;
  if (!failed) return kOk;
  std::cerr << "la valutazione della matricola " << person.matricola
            << " ha errori: la spiegazione si ferma dove il calcolo si è fermato (vedi i messaggi sopra)\n";
  return kDiagnostics;
}

}  // namespace

void reportUnknownMatricola(const eval::Evaluation& evaluation, const std::string& matricola, const ir::Module& m) {
  std::vector<std::string> known;
  for (const eval::PersonResult& p : evaluation.persons) known.push_back(p.matricola);
  std::string hint = didYouMean(matricola, known);
  if (hint.empty()) hint = "le matricole sono quelle del file «" + m.datasets.at(ir::kStaff).file + "»";
  printPlainError("E0703", "la matricola «" + matricola + "» non è nell'elenco del personale", hint);
}

int cmdSpiega(const SpiegaOptions& opt) {
  Compilation c;
  if (std::optional<int> failed = compileForEvaluation(opt.file, opt.dataDir, opt.output, opt.compile, c,
                                                       "nessuna spiegazione prodotta", "spiegazione.txt"))
    return *failed;

  size_t before = c.diags.all().size();
  eval::Options options;
  options.dataDir = opt.dataDir;
  options.trace = true;
  std::vector<Diagnostic> fresh;
  std::optional<eval::Evaluation> evaluation = evaluateCompiled(c, options, "nessuna spiegazione prodotta", fresh);
  if (!evaluation) return kDiagnostics;

  if (std::optional<int> refused = checkLaw(c, *evaluation, opt.deroga, "nessuna spiegazione prodotta"))
    return *refused;
  const eval::PersonResult* person = eval::findPerson(*evaluation, opt.matricola);
  if (!person) {
    reportUnknownMatricola(*evaluation, opt.matricola, *c.module);
    return kDiagnostics;
  }
  printRelevant(c, before, *person);
  const ir::Module& plan = eval::planOf(*c.module, *evaluation);
  std::string text = opt.json ? report::explainJson(plan, *evaluation, *person, c.sources)
                              : report::explainText(plan, *evaluation, *person, c.sources);
  return deliver(opt, text, *person);
}

}  // namespace misura::cli
