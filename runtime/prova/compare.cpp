// Comparing a prova's expectations with a person's result (see compare.h).
// Messages say what was expected and what was obtained, in the notation of
// the results: "atteso totale 88,50, ottenuto 88,33".
#include "runtime/prova/compare.h"

#include <algorithm>

#include <fmt/format.h>

#include "runtime/prova/values.h"

namespace misura::prova {

namespace {

using Kind = ir::Expectation::Kind;

bool isScore(Kind k) { return k != Kind::NonValutato && k != Kind::Errore; }
// A graduatoria `compresi i non valutati` ranks persons without a score too.
bool isRanking(Kind k) {
  return k == Kind::Posizione || k == Kind::Vincitore || k == Kind::NonVincitore || k == Kind::Escluso;
}

// The distinct codes of the errors among `diags`, in order: "E0602, E0603".
std::vector<std::string> errorCodes(const std::vector<Diagnostic>& diags) {
  std::vector<std::string> codes;
  for (const Diagnostic& d : diags)
    if (d.severity == Severity::Errore && std::find(codes.begin(), codes.end(), d.code) == codes.end())
      codes.push_back(d.code);
  return codes;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

bool contains(const std::vector<std::string>& items, const std::string& s) {
  return std::find(items.begin(), items.end(), s) != items.end();
}

// One failure for all the score expectations, at the first of them.
void noScores(const ir::Prova& prova, const std::string& why, std::vector<Failure>& out, bool rankings = false) {
  for (const ir::Expectation& e : prova.expectations)
    if (isScore(e.kind) && !(rankings && isRanking(e.kind))) {
      out.push_back({e.span, why + ": nessun risultato da confrontare con le attese"});
      return;
    }
}

// How the results write why a person is not admitted: the `escluso se`
// reason, or «ammessi se» when the admission condition is false.
std::string exclusionText(const std::string& reason) { return reason.empty() ? "ammessi se" : reason; }

// `escluso da G ["motivo"]`: among the persons not admitted, for that reason.
std::optional<std::string> checkExcluded(const eval::Evaluation& ev, const eval::RankingOutcome& o, uint32_t index,
                                         const eval::PersonResult& person, const ir::Expectation& e,
                                         const std::string& expected) {
  for (size_t k = 0; k < o.notAdmitted.size(); ++k) {
    if (o.notAdmitted[k] != index) continue;
    const std::string reason = k < o.reasons.size() ? o.reasons[k] : "";
    if (!e.reason || *e.reason == reason) return std::nullopt;
    return fmt::format("{}, ottenuto escluso per «{}»", expected, exclusionText(reason));
  }
  auto [group, entry] = eval::findRank(ev, e.ranking, index);
  if (entry) return fmt::format("{}, ma «{}» è ammesso (posizione {})", expected, person.matricola, entry->position);
  return fmt::format("{}, ma «{}» non concorre alla graduatoria", expected, person.matricola);
}

// `posizione G = N`, `vincitore G`, `non vincitore G`, `escluso da G`.
std::optional<std::string> checkRanking(const ir::Module& m, const eval::Evaluation& ev,
                                        const eval::PersonResult& person, const ir::Expectation& e) {
  const ir::Ranking& r = m.rankings.at(e.ranking);
  const std::string expected =
      e.kind == Kind::Posizione ? fmt::format("attesa posizione {} nella graduatoria «{}»", formatExact(e.number), r.name)
      : e.kind == Kind::Vincitore ? fmt::format("atteso vincitore nella graduatoria «{}»", r.name)
      : e.kind == Kind::NonVincitore
          ? fmt::format("atteso non vincitore nella graduatoria «{}»", r.name)
          : fmt::format("atteso escluso dalla graduatoria «{}»{}", r.name,
                        e.reason ? " per «" + exclusionText(*e.reason) + "»" : "");
  const eval::RankingOutcome* outcome = nullptr;
  for (const eval::RankingOutcome& o : ev.rankings)
    if (o.ranking == e.ranking) outcome = &o;
  if (outcome && outcome->blocked) return expected + ", ma la graduatoria non è stata decisa per gli errori segnalati";
  const uint32_t index = static_cast<uint32_t>(&person - ev.persons.data());
  if (e.kind == Kind::Escluso && outcome) return checkExcluded(ev, *outcome, index, person, e, expected);
  auto [group, entry] = eval::findRank(ev, e.ranking, index);
  if (!entry) {
    if (e.kind == Kind::NonVincitore) return std::nullopt;
    return fmt::format("{}, ma «{}» non è in graduatoria", expected, person.matricola);
  }
  switch (e.kind) {
    case Kind::Posizione:
      if (Rational(static_cast<long>(entry->position)) == e.number) return std::nullopt;
      return fmt::format("{}, ottenuta {}", expected, entry->position);
    case Kind::Vincitore:
      if (entry->winner) return std::nullopt;
      return fmt::format("{}, ottenuto non vincitore (posizione {}, posti {})", expected, entry->position, group->places);
    case Kind::NonVincitore:
      if (!entry->winner) return std::nullopt;
      return fmt::format("{}, ottenuto vincitore (posizione {}, posti {})", expected, entry->position, group->places);
    default: return std::nullopt;
  }
}

void compareEvaluated(const ir::Module& m, const eval::Evaluation& ev, const eval::PersonResult& person,
                      const ir::Expectation& e, std::vector<Failure>& out) {
  const ir::Profile& profile = m.profiles.at(person.profile);
  std::optional<std::string> obtained;  // set when the expectation is not met
  switch (e.kind) {
    case Kind::Totale: obtained = checkTotal(profile, person, e); break;
    case Kind::Fascia: obtained = checkBand(profile, person, e); break;
    case Kind::Premio: obtained = checkPremio(profile, person, e); break;
    case Kind::Componente: obtained = checkComponent(profile, person, e); break;
    case Kind::Esito: obtained = checkEsito(m, person, e); break;
    case Kind::NonValutato:
      obtained = fmt::format("atteso non valutato, ma «{}» è valutato (totale {})", person.matricola,
                             totalText(profile, person.total));
      break;
    case Kind::Errore:
      obtained = fmt::format("atteso errore {}, ma la valutazione di «{}» non ha errori", e.text, person.matricola);
      break;
    case Kind::Posizione: case Kind::Vincitore: case Kind::NonVincitore: case Kind::Escluso:
      obtained = checkRanking(m, ev, person, e);
      break;
  }
  if (obtained) out.push_back({e.span, *obtained});
}

void compareNotEvaluated(const ir::Module& m, const eval::Evaluation& ev, const ir::Prova& prova,
                         const eval::PersonResult& person, std::vector<Failure>& out) {
  for (const ir::Expectation& e : prova.expectations) {
    if (e.kind == Kind::Errore)
      out.push_back({e.span, fmt::format("atteso errore {}, ma «{}» non è valutato", e.text, person.matricola)});
    if (e.kind == Kind::NonValutato && e.reason && *e.reason != person.reason)
      out.push_back({e.span, fmt::format("atteso non valutato per «{}», ottenuto non valutato per «{}»", *e.reason,
                                         person.reason)});
    if (isRanking(e.kind))
      if (std::optional<std::string> obtained = checkRanking(m, ev, person, e)) out.push_back({e.span, *obtained});
  }
  noScores(prova, fmt::format("«{}» non è valutato ({})", person.matricola, person.reason), out, true);
}

void compareInError(const ir::Prova& prova, const eval::PersonResult& person, std::vector<Failure>& out) {
  std::vector<std::string> codes = errorCodes(person.errors);
  for (const ir::Expectation& e : prova.expectations) {
    if (e.kind == Kind::Errore && !contains(codes, e.text))
      out.push_back({e.span, fmt::format("atteso errore {}, ottenuto {}", e.text, joined(codes))});
    if (e.kind == Kind::NonValutato)
      out.push_back({e.span, fmt::format("atteso non valutato, ma la valutazione di «{}» si è fermata per un "
                                         "errore ({})",
                                         person.matricola, joined(codes))});
  }
  noScores(prova, fmt::format("la valutazione di «{}» si è fermata per un errore ({})", person.matricola, joined(codes)),
           out);
}

}  // namespace

void compare(const ir::Module& module, const ir::Prova& prova, const eval::Evaluation& evaluation,
             const eval::PersonResult& person, std::vector<Failure>& out) {
  switch (person.status) {
    case eval::PersonStatus::Valutato:
      for (const ir::Expectation& e : prova.expectations) compareEvaluated(module, evaluation, person, e, out);
      return;
    case eval::PersonStatus::NonValutato: compareNotEvaluated(module, evaluation, prova, person, out); return;
    case eval::PersonStatus::Errore: compareInError(prova, person, out); return;
  }
}

void compareDataErrors(const ir::Prova& prova, const FolderRun& run, std::vector<Failure>& out) {
  std::vector<std::string> codes = errorCodes(run.diagnostics);
  for (const ir::Expectation& e : prova.expectations)
    if (e.kind == Kind::Errore && !contains(codes, e.text))
      out.push_back({e.span, fmt::format("atteso errore {}, ottenuto {} nei dati", e.text, joined(codes))});
  bool onlyErrors = std::all_of(prova.expectations.begin(), prova.expectations.end(),
                                [](const ir::Expectation& e) { return e.kind == Kind::Errore; });
  if (!onlyErrors)
    out.push_back({prova.dataSpan, fmt::format("i dati della cartella «{}» hanno errori ({}): nessun risultato "
                                               "calcolato",
                                               run.shown, joined(codes))});
}

}  // namespace misura::prova
