// `misura scheda`: the scheda di valutazione of one person or of everyone
// (cli/documenti.h, runtime/report/documents.h).
#include <cctype>
#include <filesystem>
#include <iostream>
#include <set>

#include "cli/commands.h"
#include "cli/documenti.h"
#include "cli/spiega.h"
#include "runtime/report/documents.h"

namespace misura::cli {

namespace {

namespace fs = std::filesystem;

// A scheda is signed: one with holes is not produced (E0712).
bool refuseInError(const Compilation& c, const eval::PersonResult& p) {
  if (p.status != eval::PersonStatus::Errore) return false;
  if (!p.errors.empty()) std::cerr << misura::render(c.sources, p.errors) << std::flush;
  printPlainError("E0712",
                  "la valutazione della matricola " + p.matricola + " ha errori: la scheda non è stata prodotta",
                  "correggi i dati indicati sopra; `misura spiega` mostra il calcolo fin dove è arrivato");
  return true;
}

// "0101.pdf": the matricola with every character that is not a letter, a
// digit, '-' or '_' replaced by '_', so it is a file name everywhere.
std::string fileName(const std::string& matricola, bool pdf) {
  std::string out;
  for (unsigned char ch : matricola)
    out += std::isalnum(ch) || ch == '-' || ch == '_' ? static_cast<char>(ch) : '_';
  return (out.empty() ? std::string("_") : out) + (pdf ? ".pdf" : ".html");
}

int allPersons(const SchedaOptions& opt, const Compilation& c, const ir::Module& plan, const eval::Evaluation& ev) {
  bool refused = false;
  for (const eval::PersonResult& p : ev.persons) refused = refuseInError(c, p) || refused;
  if (refused) {
    std::cerr << "nessuna scheda scritta: correggi prima gli errori\n";
    return kDiagnostics;
  }
  std::error_code ec;
  fs::create_directories(*opt.folder, ec);
  if (ec || !fs::is_directory(*opt.folder)) {
    printPlainError("E0702", "impossibile creare la cartella " + inQuotes(*opt.folder) + ": " + ec.message(),
                    "controlla il percorso dato con --cartella e i permessi");
    return kDiagnostics;
  }
  size_t written = 0;
  std::set<std::string> names;
  for (const eval::PersonResult& p : ev.persons) {
    fs::path out = fs::path(*opt.folder) / fileName(p.matricola, opt.pdf);
    if (!names.insert(out.filename().string()).second) {  // "A/1" and "A_1" would share a file
      printPlainError("E0702", "due matricole danno lo stesso nome di file " + inQuotes(out.filename().string()) +
                                   ": la seconda scheda cancellerebbe la prima",
                      "scrivi le schede una per una con --persona e --uscita");
      return kDiagnostics;
    }
    if (std::optional<std::string> clash = inputClash(out.string(), opt.file, opt.dataDir, plan)) {
      printPlainError("E0702", "la scheda " + inQuotes(out.string()) + " sarebbe " + *clash + ": non la scrivo",
                      "scegli con --cartella una cartella diversa da quella dei dati");
      return kDiagnostics;
    }
    if (!deliverDocument(report::scheda(plan, ev, p, c.sources), opt.pdf, out.string())) return kDiagnostics;
    ++written;
  }
  std::cout << plural(written, "scheda scritta", "schede scritte") << " nella cartella " << *opt.folder << "\n";
  return kOk;
}

}  // namespace

int cmdScheda(const SchedaOptions& opt) {
  Compilation c;
  int exit = kOk;
  std::optional<eval::Evaluation> ev = evaluateForDocument(opt, true, c, exit);
  if (!ev) return exit;
  const ir::Module& plan = eval::planOf(*c.module, *ev);
  if (opt.folder) return allPersons(opt, c, plan, *ev);
  const eval::PersonResult* p = eval::findPerson(*ev, *opt.matricola);
  if (!p) {
    reportUnknownMatricola(*ev, *opt.matricola, *c.module);
    return kDiagnostics;
  }
  if (refuseInError(c, *p)) return kDiagnostics;
  if (!deliverDocument(report::scheda(plan, *ev, *p, c.sources), opt.pdf, opt.output.value_or(""))) return kDiagnostics;
  if (opt.output) std::cout << "scheda della matricola " << p->matricola << " scritta in " << *opt.output << "\n";
  return kOk;
}

int cmdGraduatoria(const DocumentOptions& opt) {
  Compilation c;
  int exit = kOk;
  std::optional<eval::Evaluation> ev = evaluateForDocument(opt, false, c, exit);
  if (!ev) return exit;
  size_t inError = 0;
  for (const eval::PersonResult& p : ev->persons)
    if (p.status == eval::PersonStatus::Errore) {
      if (!p.errors.empty()) std::cerr << misura::render(c.sources, p.errors) << std::flush;
      ++inError;
    }
  if (inError) {
    printPlainError("E0712",
                    plural(inError, "persona è", "persone sono") + " in errore: la graduatoria non è stata prodotta",
                    "correggi i dati indicati sopra: una graduatoria senza qualcuno non si pubblica");
    return kDiagnostics;
  }
  const ir::Module& plan = eval::planOf(*c.module, *ev);
  if (!deliverDocument(report::graduatoria(plan, *ev, opt.publication), opt.pdf, opt.output.value_or(""))) return kDiagnostics;
  if (opt.output) std::cout << "graduatoria scritta in " << *opt.output << "\n";
  return kOk;
}

}  // namespace misura::cli
