// `misura prova FILE` (see prova.h).
#include "cli/prova.h"

#include <iostream>

#include "cli/commands.h"
#include "runtime/prova/prova.h"

namespace misura::cli {

int cmdProva(const std::string& file, const CompileOptions& options) {
  Compilation c;
  if (auto failed = compile(file, c, Stage::Lower, options)) return *failed;
  if (!c.module) throw InternalError{"il compilatore non ha prodotto il piano di valutazione"};
  if (c.module->prove.empty()) {
    std::cout << "nessuna prova nel regolamento\n";
    return kOk;
  }
  std::vector<prova::Outcome> outcomes = prova::runAll(*c.module, c.sources);
  bool allPassed = true;
  for (const prova::Outcome& o : outcomes) {
    std::cout << prova::formatOutcome(*c.module, o, c.sources) << std::flush;
    if (!o.diagnostics.empty()) std::cerr << misura::render(c.sources, o.diagnostics) << std::flush;
    allPassed = allPassed && o.passed();
  }
  std::cout << prova::formatSummary(outcomes);
  return allPassed ? kOk : kDiagnostics;
}

}  // namespace misura::cli
