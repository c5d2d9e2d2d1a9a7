// Entry point of semantic analysis and the checks on the program's header.
#include <algorithm>

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
  addResultsTable();
  indexScoringNames();
  checkIndicators();
  checkProfiles();
  checkObjectives();
  checkEsiti();
  checkCatalogues();
  checkWideCodes();
  checkRankings();
  checkFunds();
  checkEsiti();  // those of the funds' quotas and of the rankings' keys
  checkValuesAndFunctions();
  checkStaticWeights();
  checkProve();
  checkRoles();
  checkRequirements();
  checkThemes();
  if (diags_.errorCount() > before) return std::nullopt;
  return std::move(out_);
}

void Checker::duplicate(const char* what, const ast::Ident& again, Span first) {
  if (first.valid() && first.file != again.span.file) return duplicateAcrossFiles(what, again, first);
  Diagnostic d{"E0205", Severity::Errore, again.span,
               fmt::format("{} «{}» dichiarato due volte", what, again.name), {}, {}, {}};
  d.labels.push_back(Label{first, "prima dichiarazione"});
  diags_.report(std::move(d));
}

void Checker::duplicateAcrossFiles(const char* what, const ast::Ident& again, Span first) {
  Diagnostic d{"E0805", Severity::Errore, again.span,
               fmt::format("{} «{}» dichiarato due volte: {} e {}", what, again.name, origin(first.file),
                           origin(again.span.file)),
               {Label{first, "prima dichiarazione"}},
               "un nome si dichiara una volta sola, nel regolamento e nei moduli che usa insieme: rinomina una delle "
               "due dichiarazioni o togli l'`usa` del modulo che non serve",
               {}};
  for (FileId f : {first.file, again.span.file})
    if (const ast::SourceFile* s = program_.sourceFile(f); s && s->header)
      d.labels.push_back(Label{s->usedAt, fmt::format("il modulo «{}» è usato qui", s->header->name)});
  diags_.report(std::move(d));
}

std::string Checker::origin(FileId file) const {
  const ast::SourceFile* s = program_.sourceFile(file);
  if (!s || !s->header) return "nel regolamento";
  return fmt::format("nel modulo «{}»", s->header->name);
}

void Checker::undeclared(const char* what, const ast::Ident& name, const std::map<std::string, uint32_t>& index) {
  std::vector<std::string> names;
  for (const auto& [n, i] : index) names.push_back(n);
  std::string hint = notApplied(name.name);
  if (hint.empty()) hint = didYouMean(name.name, names);
  diags_.error("E0206", name.span, fmt::format("{} «{}» non dichiarato", what, name.name), hint);
}

std::string Checker::notApplied(const std::string& name) const {
  for (const ast::SourceFile& f : program_.files) {
    const auto& names = f.namesNotApplied;
    if (f.header && std::find(names.begin(), names.end(), name) != names.end())
      return fmt::format("«{}» è dichiarato nel modulo «{}», che non è in vigore nel {}", name, f.header->name,
                         out_.anno);
  }
  for (const ast::DatedClause& d : program_.dated)  // `dal 2024: obiettivo OB2 ...`
    if (!d.applies && d.declared == name)
      return fmt::format("«{}» è dichiarato con il periodo «{}», che non vale nel {}", name, d.when, out_.anno);
  return {};
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
  if (program_.yearOverride) out_.anno = *program_.yearOverride;  // --anno
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
