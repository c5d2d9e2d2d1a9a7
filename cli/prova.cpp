// `misura prova FILE` (see prova.h). A prova with `anno 2023` is run on the
// regolamento compiled for that year, as `--anno 2023` would: one more
// compilation per year besides the regolamento's own.
#include "cli/prova.h"

#include <iostream>
#include <map>

#include "cli/commands.h"
#include "runtime/prova/prova.h"

namespace misura::cli {

namespace {

// The indices of the prove each compilation runs: those without `anno`, or
// with the year of `c`, on `c`; the others on a compilation for their year
// (added to `byYear`). Returns the exit code if one of those does not compile.
std::optional<int> compileYears(const std::string& file, const Compilation& c, const CompileOptions& options,
                                std::map<int, Compilation>& byYear) {
  for (const ir::Prova& p : c.module->prove) {
    if (!p.year || *p.year == c.module->anno || byYear.count(*p.year)) continue;
    CompileOptions forYear = options;
    forYear.year = *p.year;
    if (auto failed = compile(file, byYear[*p.year], Stage::Lower, forYear)) return failed;
    if (!byYear[*p.year].module) throw InternalError{"il compilatore non ha prodotto il piano di valutazione"};
    if (byYear[*p.year].module->prove.size() != c.module->prove.size())
      throw InternalError{"le prove del regolamento cambiano con l'anno"};
  }
  return std::nullopt;
}

}  // namespace

int cmdProva(const std::string& file, const CompileOptions& options) {
  Compilation c;
  if (auto failed = compile(file, c, Stage::Lower, options)) return *failed;
  if (!c.module) throw InternalError{"il compilatore non ha prodotto il piano di valutazione"};
  if (c.module->prove.empty()) {
    std::cout << "nessuna prova nel regolamento\n";
    return kOk;
  }
  std::map<int, Compilation> byYear;
  if (auto failed = compileYears(file, c, options, byYear)) return *failed;
  auto compilationOf = [&](const ir::Prova& p) -> Compilation& {
    return p.year && byYear.count(*p.year) ? byYear.at(*p.year) : c;
  };
  // Each compilation runs its prove (each data folder evaluated once per year); printed in source order.
  std::map<Compilation*, std::vector<uint32_t>> which;
  for (uint32_t i = 0; i < c.module->prove.size(); ++i) which[&compilationOf(c.module->prove[i])].push_back(i);
  std::vector<prova::Outcome> outcomes(c.module->prove.size());
  for (auto& [comp, indices] : which) {
    Compilation& run = *comp;
    std::vector<prova::Outcome> done = prova::runSome(*run.module, run.sources, indices);
    for (size_t k = 0; k < indices.size(); ++k) outcomes[indices[k]] = std::move(done[k]);
  }
  bool allPassed = true;
  for (const prova::Outcome& o : outcomes) {
    Compilation& from = compilationOf(c.module->prove[o.prova]);
    std::cout << prova::formatOutcome(*from.module, o, from.sources) << std::flush;
    if (!o.diagnostics.empty()) std::cerr << misura::render(from.sources, o.diagnostics) << std::flush;
    allPassed = allPassed && o.passed();
  }
  std::cout << prova::formatSummary(outcomes);
  return allPassed ? kOk : kDiagnostics;
}

}  // namespace misura::cli
