// The results of evaluating a regolamento over a year's data: for every
// person, every number with what it was computed from, so that reports and
// explanations need nothing else. Owned by value; spans point into the
// SourceManager that was used for the evaluation (regolamento and CSV files).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/support/diagnostics.h"
#include "runtime/eval/lazy_optional.h"
#include "runtime/eval/lazy_vector.h"
#include "runtime/interp/interp.h"

namespace misura::eval {

// One phase of an objective with `fasi`.
struct PhaseOutcome {
  uint32_t phase = 0;             // index into Objective::phases
  ir::Value measured;             // ir::Missing when non rilevato
  Span dataSpan;                  // the CSV cell (invalid if no row)
  std::optional<Rational> esito;  // fraction 0..1; absent if neutralised or in error
  bool fixed = false;             // esito from `se non rilevato: N%`
};

struct ObjectiveOutcome {
  uint32_t objective = 0;  // index into Module::objectives
  enum class Status { Misurato, Neutralizzato, EsitoFisso, Errore };
  Status status = Status::Misurato;
  ir::Value measured;       // ir::Missing when non rilevato
  Span dataSpan;            // the CSV cell it came from (invalid if no row)
  std::optional<Rational> esito;  // fraction 0..1; absent if neutralised or in error
  Rational weight;          // as declared for this person
  std::optional<uint32_t> weightRule;  // the `peso N per` line that applied (index into weightRules), or the default
  Span weightCell;          // `peso = ...`: the data cell the weight was read from (invalid otherwise)
  Rational points;          // contribution to the component, exact (0 if neutralised)
  LazyVector<interp::TraceEntry> trace;  // the indicator's run (only with Options::trace)
  LazyVector<interp::TraceEntry> measuredTrace;  // the `su ESPRESSIONE` run (only with Options::trace)
  std::vector<ir::Value> args;                   // the `misura` arguments' values used
  std::optional<ir::Value> deadline;              // `termine = espressione`: its value for the person
  LazyVector<interp::TraceEntry> deadlineTrace;  // its run (only with Options::trace)
  LazyVector<PhaseOutcome> phases;       // `fasi`: esito = sum(weight x esito) / sum(weight) over them
};

struct BehaviourOutcome {
  uint32_t item = 0;  // index into the catalogue's items
  Rational rating;
  Span dataSpan;
  Rational points;  // exact
  std::string level;  // with a scale of levels: the level written in the data
};

struct ComponentOutcome {
  uint32_t component = 0;  // index into the profile's components
  std::optional<Rational> points;  // exact (after the component's rounding, if any); absent on error
  LazyOptional<Rational> pointsExact;  // before `arrotondato ...`, only when the component rounds
  LazyVector<ObjectiveOutcome> objectives;   // for `da obiettivi`
  LazyVector<BehaviourOutcome> behaviours;   // for `da comportamenti`
  LazyVector<interp::TraceEntry> trace;      // for `= espressione`, only with Options::trace
};

// One part of a premio made of several (`parte ...`): computed, or a share
// of its fund (then the fund's fields, as for `premio da fondo`).
struct PartOutcome {
  uint32_t part = 0;                    // index into Profile::parts
  std::optional<Rational> exact;        // euro, exact
  std::optional<Rational> amount;       // euro, to the cent
  LazyVector<interp::TraceEntry> trace;  // a computed part's run (only with Options::trace)
  std::optional<Rational> fundQuota;    // a fund part: the person's quota
  bool leftoverCent = false;
  std::optional<Rational> maggiorazione;
  std::optional<Rational> cappedExcess;
};

enum class PersonStatus { Valutato, NonValutato, Errore };

struct PersonResult {
  uint32_t row = 0;  // data row index in the staff list (0 = first data row)
  std::string matricola;
  std::string nominativo;  // the `nominativo` staff field if declared, else empty
  uint32_t profile = 0;
  PersonStatus status = PersonStatus::Valutato;
  std::string reason;  // for NonValutato: the profile's reason; for Errore: a short summary
  std::vector<ComponentOutcome> components;
  LazyVector<ObjectiveOutcome> premioObjectives;  // `solo per il premio`: scored, in no component
  Rational totalExact;          // sum of the components, exact
  Rational total;               // after the profile's rounding (== totalExact if none)
  std::optional<uint32_t> band; // index into the profile's bands
  std::optional<Rational> premioExact;  // euro, exact
  std::optional<Rational> premio;       // euro, rounded to the cent
  LazyVector<interp::TraceEntry> premioTrace;  // the premio's run (only with Options::trace)
  LazyVector<interp::TraceEntry> quotaTrace;   // a fund quota's run (only with Options::trace)
  // The staff-list cell of each staff field (invalid if absent): kept only
  // with Options::trace (the explanations cite them); staffRow, from the
  // first cell to the last, always.
  LazyVector<Span> staffCells;
  Span staffRow;
  LazyVector<Diagnostic> errors;  // for Errore: every diagnostic reported for this person
  // For a premio drawn from a fund (`premio da fondo`): the person's quota,
  // and whether one of the leftover cents went to them (largest remainder).
  std::optional<Rational> fundQuota;
  bool leftoverCent = false;
  // How many of this person's number chunks the integer evaluator computed
  // (runtime/fixed; the others ran on the interpreter): for `--tempi` and tests.
  uint8_t integerRuns = 0;
  // The art. 81 maggiorazione received from the fund, exact (already part of
  // premioExact); absent if the person is not among its beneficiaries.
  LazyOptional<Rational> maggiorazione;
  // `massimo N euro per persona`: the part of the share above the cap, left
  // as economia of the fund (exact); absent if the cap did not bite.
  LazyOptional<Rational> cappedExcess;
  // `parte ...`: the parts of the premio, in the profile's order; the premio
  // is their sum (absent if a part is).
  LazyVector<PartOutcome> parts;
  // What the conformance check of `valuta` reads (fund_scheme.cpp, score.cpp):
  LazyVector<uint32_t> objectives;  // assigned, in module order
  LazyVector<Rational> weights;     // parallel: the weight for this person
  LazyVector<std::string> roles;    // the roles by condition they are in
};

// How one fund was paid out.
struct FundOutcome {
  uint32_t fund = 0;       // index into Module::funds
  Rational amount;         // euro, as declared (or computed, `importo = espressione`)
  // `importo = espressione`: its run, with the cells and rows it read (always traced).
  std::vector<interp::TraceEntry> amountTrace;
  std::vector<std::string> amountCells;  // the data it was read from: "dati/fondo.csv:3:6", one per value read
  // `quota unitaria`: the unit paid (declared, or computed by `quota unitaria = espressione`, whose run
  // and cells are kept as for the amount).
  std::optional<Rational> unitQuota;
  std::vector<interp::TraceEntry> unitQuotaTrace;
  std::vector<std::string> unitQuotaCells;
  Rational quotaSum;       // sum of the members' quotas
  Rational distributed;    // sum of the members' premi (whole cents)
  Rational unspent;        // amount - distributed
  uint32_t members = 0;    // evaluated persons sharing the fund
  uint32_t leftoverCents = 0;  // cents given out by largest remainder
  bool blocked = false;    // someone sharing it is in error: nothing was paid
  // The art. 81 maggiorazione (ir::FundBonus), when declared and paid:
  uint32_t bonusEligible = 0;  // n: members with a positive quota
  uint32_t bonusPersons = 0;   // k: beneficiaries
  Rational bonusBase;          // P: what the base split by quota shares
  Rational bonusEach;          // each beneficiary's extra, r x P / n, exact (as declared: see ir::FundBonus)
  Rational bonusOnTop;         // `in aggiunta al fondo`: the maggiorazioni paid on top of the amount
  // Fund schemes (docs/linguaggio.md, «Quota unitaria, massimo per persona,
  // stanziamenti»). unspent is the economia: amount - distributed.
  bool budget = false;         // a budget line: the premi `a carico` of it
  bool unit = false;           // `quota unitaria`: unit x quota each
  Rational cappedExcess;       // sum of what the caps per person held back (exact)
  bool overBudget = false;     // the premi exceed the amount (E0660 / E0661)
};

// `valuta --deroga "motivo"`: the ente pays although a legal requirement in
// force is not met; every output records it.
struct Derogation {
  std::string reason;
  std::vector<std::string> violations;  // one line per requirement not met
};

// One person's place in a graduatoria (ranking.cpp).
struct RankEntry {
  uint32_t person = 0;          // index into Evaluation::persons
  uint32_t position = 0;        // from 1, within the group
  std::vector<ir::Value> keys;  // parallel to Ranking::keys
  bool winner = false;          // among the group's places
};

// A group of a graduatoria (the whole graduatoria without `gruppi per`).
struct RankGroup {
  ir::Value value;        // the `gruppi per` value; Missing without groups
  uint32_t places = 0;    // the winners
  Rational placesExact;   // share x size before rounding (the count, if fixed)
  uint32_t contenders = 0;  // `posti ... dei concorrenti`: the persons of the set in the group, admitted or not
  std::vector<RankEntry> entries;  // by position
};

struct RankingOutcome {
  uint32_t ranking = 0;  // index into Module::rankings
  bool blocked = false;  // an error (reported) kept it from being decided: no positions
  std::vector<RankGroup> groups;
  std::vector<uint32_t> notAdmitted;  // persons of the set for whom `ammessi se` is false
  // Parallel to notAdmitted: the reason of the first `escluso se` that holds ("" : `ammessi se`).
  std::vector<std::string> reasons = {};
  // Per person (Evaluation::persons order): the group and entry index, -1 if not ranked.
  std::vector<int32_t> groupOf = {}, entryOf = {};
};

struct Evaluation;

// The group and entry of person `person` in graduatoria `ranking`, or nulls.
std::pair<const RankGroup*, const RankEntry*> findRank(const Evaluation& evaluation, uint32_t ranking, uint32_t person);

// The result of the person with this matricola, or null.
const PersonResult* findPerson(const Evaluation& evaluation, const std::string& matricola);

struct Evaluation {
  // The regolamento with the objectives of `obiettivi da TABELLA` made from
  // this data (appended after the declared ones); null without such blocks.
  // Every objective index of the results is into planOf(module, *this).
  std::shared_ptr<const ir::Module> plan;
  std::vector<PersonResult> persons;  // in staff-list order
  std::vector<std::vector<ir::Value>> objectiveArguments;  // per objective: its `misura` arguments' values
  std::vector<FundOutcome> funds;                          // per ir::Fund
  std::optional<Derogation> deroga;                        // set by the command line, after the evaluation
  std::vector<RankingOutcome> rankings;                    // per ir::Ranking
};

// The plan the results were computed with: `compiled`, or the one with the
// objectives read from the data.
inline const ir::Module& planOf(const ir::Module& compiled, const Evaluation& evaluation) {
  return evaluation.plan ? *evaluation.plan : compiled;
}

}  // namespace misura::eval
