// checkLaw (see legge.h).
#include "cli/legge.h"

#include <iostream>

#include "cli/commands.h"
#include "compiler/conform/conform.h"

namespace misura::cli {

namespace {

std::vector<conform::Person> persons(const eval::Evaluation& evaluation) {
  std::vector<conform::Person> out;
  for (const eval::PersonResult& p : evaluation.persons) {
    if (p.status == eval::PersonStatus::NonValutato) continue;  // nothing is paid to them
    std::vector<Rational> weights = p.weights.size() == p.objectives.size() ? p.weights.get() : std::vector<Rational>{};
    out.push_back(conform::Person{p.matricola, p.nominativo, p.profile, p.objectives, weights, p.staffRow, p.roles});
  }
  return out;
}

// The checked regolamento with, for each objective read from the data, the
// checked body of its `obiettivi da` block: the conformance check sees every
// objective of the evaluation, at the same index.
sema::Checked withObjectivesFromData(const sema::Checked& checked, const ir::Module& plan) {
  sema::Checked out = checked;
  for (size_t i = out.objectives.size(); i < plan.objectives.size(); ++i)
    out.objectives.push_back(out.objectiveTemplates.at(plan.objectives[i].fromTemplate.value()).objective);
  return out;
}

void warn(const std::string& code, const std::string& message) {
  Diagnostic d;
  d.code = code;
  d.severity = Severity::Avviso;
  d.message = message;
  SourceManager none;
  std::cerr << misura::render(none, {d}) << std::flush;
}

}  // namespace

std::optional<int> checkLaw(Compilation& c, eval::Evaluation& evaluation, const std::optional<std::string>& deroga,
                            const char* nothingDone) {
  std::vector<Diagnostic> violations;
  if (c.checked && !c.checked->requirements.empty()) {
    conform::Options options;
    options.year = c.module->anno;
    options.modules = c.module->modules;
    options.staff = persons(evaluation);
    Diagnostics found;
    const ir::Module& plan = eval::planOf(*c.module, evaluation);
    if (plan.objectives.size() == c.checked->objectives.size())  // no objective read from the data: no copy
      conform::verify(*c.checked, options, found);
    else
      conform::verify(withObjectivesFromData(*c.checked, plan), options, found);
    for (const Diagnostic& d : found.all())
      if (d.severity == Severity::Errore) violations.push_back(d);
  }
  if (violations.empty()) {
    if (deroga)
      warn("W0851", "--deroga non serve: nessun requisito di legge in vigore nel " + std::to_string(c.module->anno) +
                        " è violato; la deroga non è riportata nei risultati");
    return std::nullopt;
  }
  if (!deroga) {
    std::cerr << misura::render(c.sources, violations) << std::flush;
    printPlainError("E0850",
                    plural(violations.size(), "requisito di legge", "requisiti di legge") + " in vigore nel " +
                        std::to_string(c.module->anno) + (violations.size() == 1 ? " non è rispettato" : " non sono rispettati") +
                        ": " + nothingDone,
                    "correggi il regolamento (misura verifica --anno " + std::to_string(c.module->anno) +
                        " --personale ...); se l'ente decide di pagare comunque, scrivi il motivo con --deroga "
                        "\"...\": sarà riportato in tutti i risultati");
    return kDiagnostics;
  }
  eval::Derogation d{*deroga, {}};
  for (Diagnostic& v : violations) {
    d.violations.push_back(v.code + " " + v.message);
    v.severity = Severity::Avviso;  // paid under the derogation: the run goes on
  }
  std::cerr << misura::render(c.sources, violations) << std::flush;
  warn("W0852", "premi calcolati in deroga ai requisiti di legge non rispettati, con il motivo «" + *deroga +
                    "»: la deroga è riportata in tutti i risultati");
  evaluation.deroga = std::move(d);
  return std::nullopt;
}

}  // namespace misura::cli
