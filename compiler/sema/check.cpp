// Entry point of semantic analysis and the checks on the program's header.
#include <fmt/format.h>

#include "compiler/sema/checker.h"
#include "compiler/support/suggest.h"

namespace misura::sema {

std::optional<Checked> check(const ast::Program& program, Diagnostics& diags) {
  return Checker(program, diags).run();
}

Checker::Checker(const ast::Program& program, Diagnostics& diags) : program_(program), diags_(diags) {
  out_.program = &program;
  out_.types.assign(program.nodeCount, Type::Errore);
  out_.resolved.assign(program.nodeCount, std::monostate{});
}

std::optional<Checked> Checker::run() {
  size_t before = diags_.errorCount();
  checkHeader();
  checkDatasets();
  checkIndicators();
  checkProfiles();
  checkObjectives();
  checkEsiti();
  checkCatalogues();
  checkFunds();
  checkEsiti();  // those of the funds' quotas
  checkStaticWeights();
  checkProve();
  if (diags_.errorCount() > before) return std::nullopt;
  return std::move(out_);
}

void Checker::duplicate(const char* what, const ast::Ident& again, Span first) {
  Diagnostic d{"E0205", Severity::Errore, again.span,
               fmt::format("{} «{}» dichiarato due volte", what, again.name), {}, {}, {}};
  d.labels.push_back(Label{first, "prima dichiarazione"});
  diags_.report(std::move(d));
}

void Checker::undeclared(const char* what, const ast::Ident& name, const std::map<std::string, uint32_t>& index) {
  std::vector<std::string> names;
  for (const auto& [n, i] : index) names.push_back(n);
  diags_.error("E0206", name.span, fmt::format("{} «{}» non dichiarato", what, name.name), didYouMean(name.name, names));
}

void Checker::checkHeader() {
  Span fileStart{program_.file, 0, 0};
  if (program_.ente.empty())
    diags_.error("E0201", fileStart, "manca la dichiarazione dell'ente",
                 "aggiungi all'inizio una riga come: ente \"Comune di ...\"");
  for (size_t i = 1; i < program_.ente.size(); ++i)
    diags_.error("E0201", program_.ente[i].span, "l'ente è dichiarato più di una volta");
  if (!program_.ente.empty()) out_.ente = program_.ente[0].value;

  if (program_.anno.empty())
    diags_.error("E0202", fileStart, "manca l'anno di valutazione", "aggiungi una riga come: anno 2024");
  for (size_t i = 1; i < program_.anno.size(); ++i)
    diags_.error("E0202", program_.anno[i].span, "l'anno è dichiarato più di una volta");
  if (!program_.anno.empty()) {
    const ast::YearDecl& y = program_.anno[0];
    if (y.year < 2000 || y.year > 2100)
      diags_.error("E0202", y.span, fmt::format("anno di valutazione non plausibile: {}", y.year),
                   "l'anno va scritto con quattro cifre, per esempio: anno 2024");
    out_.anno = y.year;
  }
}

bool Checker::hasObjectivesComponent(uint32_t profile) const {
  return componentFrom(profile, ast::ComponentSource::Obiettivi) != nullptr;
}

const ast::Component* Checker::componentFrom(uint32_t profile, ast::ComponentSource source) const {
  for (const ast::Component& c : out_.profiles.at(profile).decl->components)
    if (c.source == source) return &c;
  return nullptr;
}

}  // namespace misura::sema
