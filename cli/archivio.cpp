// `misura archivia`, `chiudi`, `storico`, `confronta` (see archivio.h).
#include "cli/archivio.h"

#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/legge.h"
#include "runtime/archive/compare.h"
#include "runtime/archive/store.h"
#include "runtime/eval/evaluate.h"
#include "runtime/report/format.h"
#include "runtime/report/report.h"

namespace misura::cli {

namespace {

namespace fs = std::filesystem;
using archive::ArchiveError;

// E0720 (cannot open, read or write the archive) or E0721 (a closed run refused).
int archiveFailed(const ArchiveError& e) {
  if (e.closed)
    printPlainError("E0721", "l'archivio rifiuta la modifica: " + e.message,
                    "un anno chiuso non si cambia: archivia la nuova valutazione con `misura archivia`, "
                    "che la registra come esecuzione che sostituisce quella chiusa");
  else
    printPlainError("E0720", e.message, "controlla il percorso dato con --archivio e i permessi della cartella");
  return kDiagnostics;
}

std::string archivePath(const std::optional<std::string>& given) { return given ? *given : kDefaultArchive; }

// Compiles and evaluates `file` on `dataDir` with the derivations traced, as
// `valuta` does (legal requirements, --deroga), and takes its snapshot.
// A run with errors is not archived nor compared: E0723.
std::optional<archive::Snapshot> evaluateRun(const std::string& file, const std::string& dataDir,
                                             const CompileOptions& compileOptions,
                                             const std::optional<std::string>& deroga, const char* nothingDone,
                                             int& exit) {
  exit = kDiagnostics;
  Compilation c;
  if (std::optional<int> failed = compileForEvaluation(file, dataDir, std::nullopt, compileOptions, c, nothingDone, ""))
    return exit = *failed, std::nullopt;
  eval::Options options;
  options.dataDir = dataDir;
  options.trace = true;
  std::vector<Diagnostic> fresh;
  std::optional<eval::Evaluation> evaluation = evaluateCompiled(c, options, nothingDone, fresh);
  if (!evaluation) return std::nullopt;
  if (!fresh.empty()) std::cerr << misura::render(c.sources, fresh) << std::flush;
  if (std::optional<int> refused = checkLaw(c, *evaluation, deroga, nothingDone)) return exit = *refused, std::nullopt;
  size_t inError = 0;
  for (const eval::PersonResult& p : evaluation->persons) inError += p.status == eval::PersonStatus::Errore;
  if (c.diags.hasErrors() || inError > 0) {
    printPlainError("E0723",
                    "la valutazione di «" + file + "» ha " +
                        plural(inError ? inError : c.diags.errorCount(), inError ? "persona in errore" : "errore",
                               inError ? "persone in errore" : "errori") +
                        ": " + nothingDone,
                    "correggi prima i dati o il regolamento (vedi i messaggi sopra)");
    return std::nullopt;
  }
  archive::Snapshot snapshot = archive::takeSnapshot(*c.module, *evaluation, c.sources, file, dataDir);
  // --file: the record keeps the name the regolamento declares and says
  // which file was read instead, so two runs compare file by file.
  for (const auto& [declared, read] : compileOptions.dataFiles)
    for (archive::FileRecord& f : snapshot.dati)
      if (f.name == read) {
        f.name = declared;
        f.detail = "letto da «" + read + "» (--file)";
      }
  return snapshot;
}

std::string euro(int64_t cents) {
  return report::detail::euroText(Rational(cents, 100), true) + " €";
}

}  // namespace

int cmdArchivia(const ArchiviaOptions& opt, const char* version) {
  int exit = kDiagnostics;
  std::optional<archive::Snapshot> run =
      evaluateRun(opt.file, opt.dataDir, opt.compile, opt.deroga, "nulla è stato archiviato", exit);
  if (!run) return exit;
  run->autore = opt.autore.value_or("");
  run->nota = opt.nota.value_or("");
  // The same default as storico, chiudi and confronta: one archive per working folder.
  std::string path = archivePath(opt.archivio);
  try {
    archive::Database db(path, true);
    int64_t id = archive::saveRun(db, *run, version);
    std::cout << "esecuzione n. " << id << " archiviata in " << path << ": " << run->ente << ", anno " << run->anno
              << ", " << plural(run->persone.size(), "persona", "persone") << ", premi "
              << euro(archive::premiCentesimi(*run)) << "\n";
    if (run->sostituisce)
      std::cout << "l'anno " << run->anno << " è chiuso: questa esecuzione sostituisce la n. " << *run->sostituisce
                << ", che resta nell'archivio com'era\n";
    return kOk;
  } catch (const ArchiveError& e) {
    return archiveFailed(e);
  }
}

int cmdChiudi(const std::optional<std::string>& archivio, int anno, const std::optional<std::string>& ente) {
  try {
    archive::Database db(archivePath(archivio), false);
    bool any = false;
    for (const archive::RunSummary& r : archive::listRuns(db)) any = any || (r.anno == anno && (!ente || r.ente == *ente));
    if (!any) {
      printPlainError("E0724", "nell'archivio non c'è nessuna esecuzione dell'anno " + std::to_string(anno) +
                                   (ente ? " per «" + *ente + "»" : ""),
                      "`misura storico` elenca le esecuzioni archiviate");
      return kDiagnostics;
    }
    int closed = archive::closeYear(db, anno, ente);
    if (closed == 0)
      std::cout << "l'anno " << anno << " era già chiuso: nessuna esecuzione cambiata\n";
    else
      std::cout << "anno " << anno << " chiuso: " << plural(static_cast<size_t>(closed), "esecuzione", "esecuzioni")
                << (closed == 1 ? " ora non modificabile\n" : " ora non modificabili\n");
    return kOk;
  } catch (const ArchiveError& e) {
    return archiveFailed(e);
  }
}

int cmdStorico(const std::optional<std::string>& archivio, std::optional<long> esecuzione, std::optional<long> elimina) {
  try {
    archive::Database db(archivePath(archivio), false);
    if (esecuzione) {
      std::optional<archive::Snapshot> run = archive::loadRun(db, *esecuzione);
      if (!run) {
        printPlainError("E0722", "l'esecuzione n. " + std::to_string(*esecuzione) + " non è nell'archivio",
                        "`misura storico` elenca le esecuzioni archiviate");
        return kDiagnostics;
      }
      std::cout << run->risultatiCsv;
      return kOk;
    }
    if (elimina) {
      if (!archive::deleteRun(db, *elimina)) {
        printPlainError("E0722", "l'esecuzione n. " + std::to_string(*elimina) + " non è nell'archivio",
                        "`misura storico` elenca le esecuzioni archiviate");
        return kDiagnostics;
      }
      std::cout << "esecuzione n. " << *elimina << " eliminata\n";
      return kOk;
    }
    std::vector<archive::RunSummary> runs = archive::listRuns(db);
    if (runs.empty()) {
      std::cout << "l'archivio " << archivePath(archivio) << " non contiene esecuzioni\n";
      return kOk;
    }
    std::cout << "n.;anno;ente;creata;autore;regolamento;sha256;chiusa;sostituisce;persone;premi\n";
    for (const archive::RunSummary& r : runs) {
      std::string persons = std::to_string(r.righe);
      if (r.righe != r.persone) persons += " (attese " + std::to_string(r.persone) + ")";
      std::cout << r.id << ";" << r.anno << ";" << report::detail::csvCell(r.ente) << ";" << r.creata << ";"
                << report::detail::csvCell(r.autore) << ";" << report::detail::csvCell(r.regolamento) << ";"
                << r.sha256.substr(0, 12) << ";" << (r.chiusa ? "sì" : "no") << ";"
                << (r.sostituisce ? std::to_string(*r.sostituisce) : "") << ";" << persons << ";"
                << report::detail::euroText(Rational(r.premiCentesimi, 100), false) << "\n";
    }
    return kOk;
  } catch (const ArchiveError& e) {
    return archiveFailed(e);
  }
}

namespace {

bool isRunNumber(const std::string& s) {
  return !s.empty() && s.size() <= 12 && s.find_first_not_of("0123456789") == std::string::npos;
}

// A side of `confronta`: an archived run (a number) or a regolamento evaluated now on --dati.
std::optional<archive::Snapshot> sideOf(const std::string& which, const ConfrontaOptions& opt,
                                        std::optional<archive::Database>& db, int& exit) {
  exit = kDiagnostics;
  if (isRunNumber(which)) {
    if (!db) db.emplace(archivePath(opt.archivio), false);
    std::optional<archive::Snapshot> s = archive::loadRun(*db, std::stoll(which));
    if (!s)
      printPlainError("E0722", "l'esecuzione n. " + which + " non è nell'archivio " + archivePath(opt.archivio),
                      "`misura storico` elenca le esecuzioni archiviate");
    return s;
  }
  if (!opt.dataDir)
    throw UsageError{"per confrontare il regolamento «" + which + "» serve la cartella dei dati: manca --dati",
                     "scrivi per esempio `misura confronta vecchio.misura nuovo.misura --dati dati`"};
  return evaluateRun(which, *opt.dataDir, opt.compile, opt.deroga, "nessun confronto fatto", exit);
}

}  // namespace

int cmdConfronta(const ConfrontaOptions& opt) {
  for (const std::string& side : {opt.a, opt.b})
    if (!isRunNumber(side) && fs::path(side).extension() != ".misura")
      throw UsageError{"«" + side + "» non è né il numero di un'esecuzione archiviata né un regolamento .misura",
                       "scrivi per esempio `misura confronta 3 4` oppure `misura confronta vecchio.misura nuovo.misura "
                       "--dati dati`"};
  try {
    std::optional<archive::Database> db;
    int exit = kDiagnostics;
    std::optional<archive::Snapshot> a = sideOf(opt.a, opt, db, exit);
    if (!a) return exit;
    std::optional<archive::Snapshot> b = sideOf(opt.b, opt, db, exit);
    if (!b) return exit;
    if (opt.persona) {
      bool known = false;
      for (const archive::Snapshot* s : {&*a, &*b})
        for (const archive::PersonRecord& p : s->persone) known = known || p.matricola == *opt.persona;
      if (!known) {
        printPlainError("E0703", "la matricola «" + *opt.persona + "» non è in nessuna delle due valutazioni");
        return kDiagnostics;
      }
    }
    archive::Comparison c = archive::compare(*a, *b, opt.persona);
    std::string text = opt.json ? archive::comparisonJson(c) : archive::comparisonText(c);
    if (!opt.output) {
      std::cout << text;
      return kOk;
    }
    std::string error;
    if (!report::writeFileAtomically(*opt.output, text, error)) {
      printPlainError("E0702", "impossibile scrivere il confronto: " + error,
                      "controlla il percorso dato con --uscita e i permessi della cartella");
      return kDiagnostics;
    }
    std::cout << "confronto scritto in " << *opt.output << "\n";
    return kOk;
  } catch (const ArchiveError& e) {
    return archiveFailed(e);
  }
}

}  // namespace misura::cli
