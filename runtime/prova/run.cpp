// runAll(): each prova against the evaluation of its data folder.
#include <filesystem>

#include <fmt/format.h>

#include "compiler/support/suggest.h"
#include "runtime/prova/compare.h"
#include "runtime/prova/folders.h"
#include "runtime/prova/prova.h"

namespace misura::prova {

namespace {

Failure unknownPerson(const ir::Module& m, const ir::Prova& p, const FolderRun& run) {
  std::vector<std::string> known;
  for (const eval::PersonResult& person : run.evaluation->persons) known.push_back(person.matricola);
  std::string message = fmt::format("la matricola «{}» non è nell'elenco del personale «{}/{}»", p.person, run.shown,
                                    m.datasets.at(ir::kStaff).file);
  std::string hint = didYouMean(p.person, known);
  return {p.personSpan, hint.empty() ? message : message + ": " + hint};
}

// Attaches `diags` to the outcome of a failed prova, unless `shown` says
// they were attached to an earlier one.
void attach(Outcome& o, const std::vector<Diagnostic>& diags, bool& shown) {
  if (o.passed() || shown) return;
  o.diagnostics = diags;
  shown = true;
}

Outcome runOne(const ir::Module& m, uint32_t index, Folders& folders) {
  const ir::Prova& p = m.prove.at(index);
  Outcome o;
  o.prova = index;
  FolderRun& run = folders.get(p.dataDir);
  if (!run.exists) {
    std::error_code ec;
    const char* what = std::filesystem::exists(run.shown, ec) ? "non è una cartella" : "non esiste";
    o.failures.push_back({p.dataSpan, fmt::format("la cartella dei dati «{}» {}", run.shown, what)});
    return o;
  }
  if (!run.evaluation) {
    compareDataErrors(p, run, o.failures);
    attach(o, run.diagnostics, run.dataErrorsShown);
    return o;
  }
  const eval::PersonResult* person = eval::findPerson(*run.evaluation, p.person);
  if (!person) {
    o.failures.push_back(unknownPerson(m, p, run));
    return o;
  }
  compare(eval::planOf(m, *run.evaluation), p, *run.evaluation, *person, o.failures);
  if (person->status == eval::PersonStatus::Errore) {
    bool shown = run.personErrorsShown.count(person->matricola) > 0;
    attach(o, person->errors, shown);
    if (shown) run.personErrorsShown.insert(person->matricola);
  }
  return o;
}

}  // namespace

std::vector<Outcome> runAll(const ir::Module& module, SourceManager& sources) {
  std::vector<uint32_t> all(module.prove.size());
  for (uint32_t i = 0; i < all.size(); ++i) all[i] = i;
  return runSome(module, sources, all);
}

std::vector<Outcome> runSome(const ir::Module& module, SourceManager& sources, const std::vector<uint32_t>& which) {
  Folders folders(module, sources);
  std::vector<Outcome> outcomes;
  for (uint32_t i : which) outcomes.push_back(runOne(module, i, folders));
  return outcomes;
}

}  // namespace misura::prova
