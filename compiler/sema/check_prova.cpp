// Checks of `prova` blocks: one data folder and one person each, at least
// one `attendi`, no expectation written twice, none that contradict each
// other (a person not evaluated, or in error, has no scores). The values of
// each `attendi` are checked in check_expectation.cpp. Whether the folder
// and the person exist is known only when the prova runs (`misura prova`).
#include <fmt/format.h>

#include "compiler/sema/checker.h"
#include "compiler/sema/prova_checks.h"

namespace misura::sema {

namespace {

using Kind = ast::Expectation::Kind;

ProvaNames provaNames(const ast::Program& program, const std::map<std::string, uint32_t>& objectives) {
  ProvaNames names{objectives, {}, {}};
  for (const ast::Profile& p : program.profiles) {
    for (const ast::Component& c : p.components) names.components.push_back(c.name.name);
    for (const auto& table : p.bandTables)
      for (const ast::Band& b : table) names.bands.push_back(b.label.value);
  }
  for (const ast::Ranking& r : program.rankings) {
    names.rankings.push_back(r.name.name);
    names.rankingHasPlaces.push_back(!r.places.empty());
  }
  names.objectivesFromData = !program.objectiveTemplates.empty();
  return names;
}

// The text of a voce that must be there exactly once ("" if it is not).
std::string single(Diagnostics& diags, const ast::Prova& p, const std::vector<ast::Text>& items, const char* what,
                   const char* example) {
  if (items.empty())
    diags.error("E0211", p.title.span, fmt::format("alla prova «{}» manca {}", p.title.value, what),
                fmt::format("aggiungi una riga come: {}", example));
  for (size_t i = 1; i < items.size(); ++i)
    diags.error("E0212", items[i].span, fmt::format("la prova «{}» indica {} più di una volta", p.title.value, what),
                "una prova riguarda una persona con i dati di una cartella: per un altro caso scrivi un'altra prova");
  return items.empty() ? std::string() : items[0].value;
}

// What identifies an expectation: two with the same key are one too many.
std::string key(const ast::Expectation& e) {
  return fmt::format("{}:{}", static_cast<int>(e.kind), e.name ? e.name->name : "");
}

void checkRepeated(Diagnostics& diags, const ast::Prova& p) {
  for (size_t i = 0; i < p.expectations.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (key(p.expectations[i]) == key(p.expectations[j])) {
        diags.report(Diagnostic{"E0212", Severity::Errore, p.expectations[i].span,
                                fmt::format("la prova «{}» attende {} più di una volta", p.title.value,
                                            subject(p.expectations[i])),
                                {Label{p.expectations[j].span, "già attesa qui"}},
                                "tieni una sola riga",
                                {}});
        break;
      }
}

// `non valutato` and `errore` exclude any score, and each other.
void checkContradictions(Diagnostics& diags, const ast::Prova& p) {
  const ast::Expectation* exclusive = nullptr;
  for (const ast::Expectation& e : p.expectations) {
    if (e.kind != Kind::NonValutato && e.kind != Kind::Errore) continue;
    if (!exclusive || exclusive->kind == e.kind) exclusive = &e;
    else exclusive = nullptr;
    if (!exclusive) {
      diags.error("E0243", e.span, "una prova non può attendere insieme «non valutato» e un errore");
      return;
    }
  }
  if (!exclusive) return;
  const char* what = exclusive->kind == Kind::NonValutato ? "una persona non valutata" : "una persona in errore";
  // A graduatoria `compresi i non valutati` ranks a person not evaluated this year.
  auto ranking = [](Kind k) {
    return k == Kind::Posizione || k == Kind::Vincitore || k == Kind::NonVincitore || k == Kind::Escluso;
  };
  for (const ast::Expectation& e : p.expectations)
    if (e.kind != Kind::NonValutato && e.kind != Kind::Errore && !(exclusive->kind == Kind::NonValutato && ranking(e.kind)))
      diags.report(Diagnostic{"E0243", Severity::Errore, e.span,
                              fmt::format("attesa incompatibile: {} non ha punteggio, fascia, premio né esiti", what),
                              {Label{exclusive->span, "attesa qui"}},
                              "per un altro caso scrivi un'altra prova",
                              {}});
}

// `anno 2023`: at most once (E0212), a plausible year (E0244).
std::optional<int> provaYear(Diagnostics& diags, const ast::Prova& p) {
  for (size_t i = 1; i < p.years.size(); ++i)
    diags.error("E0212", p.years[i].span, fmt::format("la prova «{}» indica l'anno più di una volta", p.title.value),
                "una prova si calcola in un anno solo: per un altro anno scrivi un'altra prova");
  if (p.years.empty()) return std::nullopt;
  const ast::YearDecl& y = p.years[0];
  if (y.year < 2000 || y.year > 2100) {
    diags.error("E0244", y.span, fmt::format("anno della prova «{}» non plausibile: {}", p.title.value, y.year),
                "l'anno va scritto con quattro cifre, per esempio: anno 2023");
    return std::nullopt;
  }
  return y.year;
}

}  // namespace

void Checker::checkProve() {
  ProvaNames names = provaNames(program_, objectiveIndex_);
  for (const ast::Prova& p : program_.prove) {
    ProvaInfo info;
    info.decl = &p;
    info.dataDir = single(diags_, p, p.data, "la cartella dei dati", "dati \"dati\"");
    info.person = single(diags_, p, p.persons, "la persona", "persona \"0102\"");
    info.year = provaYear(diags_, p);
    if (p.expectations.empty())
      diags_.error("E0211", p.title.span, fmt::format("la prova «{}» non attende nulla", p.title.value),
                   "aggiungi almeno una riga come: attendi totale = 92,00");
    for (const ast::Expectation& e : p.expectations)
      if (std::optional<ExpectationInfo> checked = checkExpectation(diags_, names, e))
        info.expectations.push_back(std::move(*checked));
    checkRepeated(diags_, p);
    checkContradictions(diags_, p);
    out_.prove.push_back(std::move(info));
  }
}

}  // namespace misura::sema
