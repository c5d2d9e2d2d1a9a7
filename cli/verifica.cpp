// `misura verifica`: the regolamento's checks and, when it has legal
// requirements, the conformance report for a year (compiler/conform).
#include "cli/verifica.h"

#include <iostream>

#include "cli/commands.h"
#include "compiler/conform/conform.h"
#include "runtime/eval/roster.h"

namespace misura::cli {

namespace {

size_t warningCount(const Diagnostics& diags) {
  size_t n = 0;
  for (const Diagnostic& d : diags.all())
    if (d.severity == Severity::Avviso) ++n;
  return n;
}

std::vector<conform::Person> persons(const std::vector<eval::RosterEntry>& roster) {
  std::vector<conform::Person> out;
  for (const eval::RosterEntry& e : roster)
    out.push_back(conform::Person{e.matricola, e.name, e.profile, e.objectives, e.weights, e.span, e.roles});
  return out;
}

// A note for each objective that `valutato nel` leaves out of the year.
void printExcludedObjectives(const ir::Module& m) {
  for (const ir::Objective& o : m.objectives) {
    if (ir::evaluatedIn(o, m.anno)) continue;
    std::string years;
    for (size_t i = 0; i < o.years.size(); ++i)
      years += (i == 0 ? "" : i + 1 == o.years.size() ? " e " : ", ") + std::to_string(o.years[i]);
    std::cout << "nota: l'obiettivo " << o.code << " «" << o.title << "» non è valutato nel " << m.anno
              << (o.years.size() == 1 ? " (è valutato nel " : " (è valutato negli anni ") << years
              << "): non è assegnato e non conta nei pesi\n";
  }
}

// A note for each `obiettivi da`: its objectives exist only with the data.
void printObjectivesFromData(const ir::Module& m) {
  for (const ir::ObjectiveTemplate& t : m.objectiveTemplates) {
    const ir::Dataset& d = m.datasets.at(t.dataset);
    std::cout << "nota: gli obiettivi di «obiettivi da " << d.name << "» si leggono dalle righe di " << d.file
              << " quando si valuta: la verifica controlla le regole del blocco, non i pesi delle persone; "
                 "misura spiega mostra gli obiettivi letti e i pesi di ciascuno\n";
  }
}

// The dated clauses (`dal 2024: ...`) and whether each is in force in the year.
void printDatedClauses(const ir::Module& m) {
  if (m.dated.empty()) return;
  std::cout << "Clausole datate nel " << m.anno << ":\n";
  for (const ir::DatedClause& d : m.dated)
    std::cout << "  " << (d.applies ? "in vigore:     " : "non in vigore: ") << (d.block.empty() ? "" : d.block + " → ")
              << d.when << ": " << d.text << "\n";
}

// Prints the diagnostics reported after the first `from`.
void printFrom(const Compilation& c, size_t from) {
  std::vector<Diagnostic> fresh(c.diags.all().begin() + static_cast<std::ptrdiff_t>(from), c.diags.all().end());
  if (!fresh.empty()) std::cerr << misura::render(c.sources, fresh) << std::flush;
}

}  // namespace

int cmdVerifica(const VerificaOptions& opt) {
  Compilation c;
  if (auto failed = compile(opt.file, c, Stage::Lower, opt.compile)) return *failed;
  if (!c.checked || !c.module) throw InternalError{"il compilatore non ha prodotto il regolamento verificato"};
  bool report = opt.compile.year || opt.staffFile || !c.checked->requirements.empty();
  if (!report) {
    std::cout << "nessun errore";
    if (size_t w = warningCount(c.diags)) std::cout << " (" << plural(w, "avviso", "avvisi") << ")";
    std::cout << "\n";
    printExcludedObjectives(*c.module);
    printObjectivesFromData(*c.module);
    printDatedClauses(*c.module);
    return kOk;
  }
  size_t before = c.diags.all().size();
  conform::Options options;
  options.year = c.module->anno;  // --anno, or the regolamento's `anno`
  options.modules = c.module->modules;
  if (opt.staffFile) {
    auto roster = eval::loadRoster(*c.module, *opt.staffFile, c.sources, c.diags);
    if (!roster) {
      printFrom(c, before);
      std::cerr << "l'elenco del personale contiene " << plural(c.diags.errorCount(), "errore", "errori")
                << ": nessuna verifica di conformità\n";
      return kDiagnostics;
    }
    options.staff = persons(*roster);
  }
  conform::Report r = conform::verify(*c.checked, options, c.diags);
  printFrom(c, before);
  std::cout << (opt.json ? conform::printJson(*c.checked, r) : conform::printText(*c.checked, r));
  if (!opt.json) printExcludedObjectives(*c.module);
  if (!opt.json) printObjectivesFromData(*c.module);
  if (!opt.json) printDatedClauses(*c.module);
  if (r.errors > 0) {
    std::cerr << "il regolamento non è conforme: " << plural(r.errors, "requisito non rispettato", "requisiti non rispettati")
              << " (vedi i messaggi sopra)\n";
    return kDiagnostics;
  }
  return kOk;
}

}  // namespace misura::cli
