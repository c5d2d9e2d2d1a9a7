// Internal to runtime/eval: the state shared by the stages of one
// evaluation, and the stages themselves (assignment and checks, then
// scoring). See evaluate.h for the contract of the whole.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/support/diagnostics.h"
#include "runtime/data/table.h"
#include "runtime/eval/evaluate.h"
#include "runtime/eval/results.h"
#include "runtime/fixed/fixed.h"
#include "runtime/jit/jit.h"
#include "runtime/interp/interp.h"

namespace misura::eval {

// Everything an evaluation reads; built once, then read-only (diagnostics aside).
struct Session {
  const ir::Module& module;
  const data::LoadedData& data;
  Diagnostics& diags;
  std::vector<std::vector<ir::Value>> objectiveArgs;  // per objective: its `misura` arguments, evaluated once
  bool trace = false;                                  // Options::trace
  // Per dataset, the values of each row of a record table (empty for keyed
  // tables): interp::Context::records of every chunk that may aggregate.
  std::vector<std::vector<const ir::Record*>> records = {};
  // The files read (regolamento and data): to name the cells an amount was read from.
  const SourceManager* sources = nullptr;
  // Per dataset, the span of each row of `records` (parallel): provenance.
  std::vector<std::vector<Span>> recordSpans = {};
  // Per objective, per phase (`fasi`): its `misura` arguments, `termine` being the phase's.
  std::vector<std::vector<std::vector<ir::Value>>> phaseArgs = {};
  // The rows of `valutati` (fillResults): `records` points to each one's
  // staff row, which gives its first fields; the rest is here.
  interp::RecordTails resultTails = {};
  // The chunks the integer evaluator runs (compileFixed); the others, and
  // every traced run, go to the general interpreter.
  std::unordered_map<const ir::Chunk*, fixed::Program> fixed = {};
  // Whether integer paths may be used (the chunks above, payOutOnIntegers):
  // false with MISURA_MOTORE=interprete, which keeps every number a Rational.
  bool integers = false;
  bool exactShares = true;  // Options::exactShares
  // The machine code of the programs above, when the JIT compiled them
  // (their `native`); it must outlive every run.
  std::unique_ptr<jit::Compiled> native = {};
};

// A fund split in proportion to the quotas, on integers (fund_integers.cpp):
// false, with nothing changed, when the fund has a cap, a maggiorazione or a
// unit quota or a number does not fit; then payOut (fund.cpp) splits it.
// `exact`: also set each share's premioExact (Options::exactShares).
bool payOutOnIntegers(const ir::Fund& f, Evaluation& ev, const std::vector<uint32_t>& ids,
                      const std::vector<Rational>& q, const std::vector<uint32_t>& tieRank, bool exact,
                      FundOutcome& outcome);

// Compiles the session's per-person number chunks for the integer evaluator
// and, as the engine asks (evaluate.h), to machine code (fixed_plan.cpp).
// Fills the timings' counts of chunks.
void compileFixed(Session& s, Timings* timings);

// One row of the staff list, with what the checks found out about it.
struct Person {
  uint32_t row = 0;
  const data::Row* staff = nullptr;
  std::string matricola;
  uint32_t profile = 0;
  LazyVector<uint32_t> objectives;  // assigned to this person, in module order
  DateRange service;                 // `servizio dal ... al ...`; the whole year without it
  LazyOptional<std::string> notEvaluated;  // the reason, if the person is not evaluated
  LazyVector<Rational> weights;     // parallel to objectives: the weight that applies to this person
  LazyVector<std::optional<uint32_t>> weightRules;  // parallel: the `peso N per` line, or none (the default)
  // Parallel to objectives: the profile component it counts in; none: `solo per il premio`.
  LazyVector<std::optional<uint32_t>> components;
  bool weightMissing = false;  // an assigned objective had no weight for them (E0630 reported)
  LazyVector<std::string> roles;  // the roles by condition (ir::ConditionRole) they are in
  LazyVector<Span> weightCells = {};  // parallel to objectives: `peso = ...`'s data cell, else invalid
};

// ---- lookups in keyed tables (lookup.cpp) -------------------------------------

// The person's text value of staff field `field` ("" if empty or not a text).
std::string staffText(const Person& p, uint32_t field);
// The row a lookup `c` reads for person `p` and objective `o` (either may
// be null: then a key column that needs it finds no row); null if none.
const data::Row* lookupRow(const Session& s, const Person* p, const ir::Objective* o, const ir::CellRef& c);
// Sets ctx's record tables and its `cell` / `cellSource` for `p` and `o`.
void addLookups(const Session& s, const Person* p, const ir::Objective* o, interp::Context& ctx);

// ---- objectives from the data (objectives_from_data.cpp) ----------------------

// Appends to `objectives` those of every `obiettivi da TABELLA` of s.module,
// read from s.data. Reports E0612 (a code already declared), E0613 (no
// title) and the runtime errors of `dove` / `titolo`; false if any.
bool expandObjectives(const Session& s, std::vector<ir::Objective>& objectives);

// ---- before any score (assign.cpp) ------------------------------------------

// Every staff row as a Person with its profile and assigned objectives.
// Reports runtime errors of `assegnato a personale dove` conditions; `ok`
// becomes false if there was one. A condition that is non rilevato (an empty
// optional staff field) does not assign the objective.
std::vector<Person> preparePersons(const Session& s, bool& ok);

// ---- service period (service.cpp) ------------------------------------------

// The person's period of service; E0621 (and `ok` false) if it ends before it starts.
DateRange serviceOf(const Session& s, const Person& p, bool& ok);
// Why the person is not evaluated: the profile's `non valutato`, a service
// shorter than `servizio minimo`, the first `non valutato se` that holds.
std::optional<std::string> notEvaluatedReason(const Session& s, const Person& p, bool& ok);
// The period of `assegnato a "matricola" dal ...` of objective `o`, if any.
const ir::Period* periodOf(const ir::Objective& o, const std::string& matricola);
// E0620 for each assigned objective whose period has no day of the person's service.
bool checkAssignedPeriods(const Session& s, const Person& p);

// E0604 for every evaluated person whose profile scores objectives and whose
// assigned objectives' weights do not add up to 100. True if none.
bool checkWeights(const Session& s, const std::vector<Person>& persons);

// Evaluates every objective's `misura` argument chunks into s.objectiveArgs;
// reports runtime errors and returns false if there was one.
bool evaluateArguments(Session& s);

// ---- scoring ----------------------------------------------------------------

// Collects the diagnostics of one person's evaluation: each is reported at
// once, the first message is kept as the person's summary.
class PersonErrors {
 public:
  PersonErrors(Diagnostics& diags, const Person& person) : diags_(diags), person_(person) {}

  void report(Diagnostic d);
  // A runtime error met while computing `what` ("obiettivo OB1", "premio");
  // `context` labels say where that computation was asked for.
  void runtime(const interp::RuntimeError& e, const std::string& what, std::vector<Label> context = {});

  bool failed() const { return failed_; }
  const std::string& summary() const { return summary_; }
  const std::vector<Diagnostic>& reported() const { return reported_; }

 private:
  Diagnostics& diags_;
  const Person& person_;
  bool failed_ = false;
  std::string summary_;
  std::vector<Diagnostic> reported_;
};

// The person's staff-row span (its location in the staff list).
Span personSpan(const Person& p);

// The interpreter context of a person's profile-level chunks (score.cpp).
interp::Context personContext(const Session& s, const Person& p, const std::vector<std::optional<Rational>>& points);

// Per objective (module order), the person's esito from their scored
// components; absent when not assigned, neutralised or in error (esiti.cpp).
std::vector<std::optional<Rational>> esitiOf(const Session& s, const std::vector<ComponentOutcome>& components);
// The same, with the objectives that count only for the premio.
std::vector<std::optional<Rational>> esitiOf(const Session& s, const PersonResult& r);
// The person's objectives as `somma per ogni obiettivo (...)` sees them, in module order (esiti.cpp).
std::vector<interp::FoldEntry> foldOf(const Session& s, const PersonResult& r);

// Points of each objective that counts only for the premio (objectives.cpp).
std::vector<ObjectiveOutcome> scorePremioObjectives(const Session& s, const Person& p, PersonErrors& errors);

// The value of `chunk` for `p` on the integer evaluator (runtime/fixed), when
// it has a program for it and gives a value; nullopt: run the interpreter
// (runNumber), which also records a derivation when the session traces.
// A value given counts in r.integerRuns.
std::optional<Rational> runFixed(const Session& s, const ir::Chunk& chunk, const Person& p, PersonResult& r,
                                 const std::optional<Rational>& total, const std::optional<Rational>& band);

// Runs a chunk that must give a number (an `=` component, the premio, a
// fund quota): the number, or nullopt after reporting why not (score.cpp).
// What it computes, for a message, is whatKind + whatName ("componente " +
// name): joined only when there is a message to write.
std::optional<Rational> runNumber(const Session& s, const ir::Chunk& chunk, const interp::Context& ctx, std::string_view whatKind,
                                  std::string_view whatName, const Person& p, PersonErrors& errors);

// Points of a `da obiettivi` component (objectives.cpp).
ComponentOutcome scoreObjectives(const Session& s, const Person& p, uint32_t component, PersonErrors& errors);

// Points of a `da comportamenti` component (behaviours.cpp).
ComponentOutcome scoreBehaviours(const Session& s, const Person& p, uint32_t component, PersonErrors& errors);

// The whole result of one person: components, total, band, premio (score.cpp).
PersonResult scorePerson(const Session& s, const Person& p, Diagnostics& diags);
// The premio or its computed parts, once every person is scored (they may
// read `valutati`); a person in error stays so.
void scorePremio(const Session& s, const Person& p, PersonResult& result, Diagnostics& diags);
// The rows of `valutati` (the evaluated persons' staff fields and results),
// into s.records: before any premio, fund or ranking reads them.
void fillResults(Session& s, const std::vector<PersonResult>& results);

// ---- rankings and ordering keys (sort_keys.cpp, ranking.cpp) ------------------

// Texts made only of digits compare as numbers ("9" < "10"; equal numbers
// then as text: "09" < "9"); otherwise byte order. <0, 0, >0.
int compareText(const std::string& a, const std::string& b);
// Two key values of the same kind (number, date, text, yes/no). <0, 0, >0.
int compareValues(const ir::Value& a, const ir::Value& b);
// Whether key values `a` (matricola ma) come before `b` (mb): the keys in
// order, each in its direction, then the matricola (compareText).
bool comesBefore(const std::vector<ir::SortKey>& keys, const std::vector<ir::Value>& a, const std::string& ma,
                 const std::vector<ir::Value>& b, const std::string& mb);
// The values of `keys` for an evaluated person, or nullopt after reporting
// (E0670 a key non rilevato, E0671 no such component in the profile).
std::optional<std::vector<ir::Value>> keyValues(const Session& s, const Person& p, const PersonResult& r,
                                                const std::vector<ir::SortKey>& keys, const std::string& what);
// The interpreter context of a scored person's results (staff fields,
// components, totale, fascia, esiti); `esiti` must outlive it.
interp::Context resultContext(const Session& s, const Person& p, const PersonResult& r,
                              const std::vector<std::optional<Rational>>& points,
                              const std::vector<std::optional<Rational>>& esiti);
// The members of a fund (indices into ev.persons) in the order that breaks
// ties (`a parità ordine`, then the matricola): tieRank[k] is member k's
// place in it. Nullopt after reporting an error in a key.
std::optional<std::vector<uint32_t>> tieRanks(const Session& s, const std::vector<Person>& persons,
                                              const Evaluation& ev, const ir::Fund& f,
                                              const std::vector<uint32_t>& ids);

// Decides every graduatoria among the persons scored so far.
void computeRankings(const Session& s, const std::vector<Person>& persons, Evaluation& ev);

// The exact share of each member of a fund with an art. 81 maggiorazione
// (fund_bonus.cpp): base split of P by quota plus the extras; records the
// extras in the persons' results and the figures in `outcome`.
// `tieRank`: see tieRanks.
std::vector<Rational> bonusShares(const ir::Fund& f, Evaluation& ev, const std::vector<uint32_t>& ids,
                                  const std::vector<Rational>& q, const std::vector<uint32_t>& tieRank,
                                  FundOutcome& outcome);

// The art. 81 maggiorazione of a fund with `quota unitaria` (fund_bonus.cpp),
// after the premi are paid: added to the beneficiaries' premi; the figures
// in `outcome` (bonusBase is what the average is taken of: the premi paid,
// or the amount).
void unitBonus(const ir::Fund& f, Evaluation& ev, const std::vector<uint32_t>& ids, const std::vector<Rational>& q,
               const std::vector<uint32_t>& tieRank, FundOutcome& outcome);

// Pays out every fund among the persons scored so far (fund.cpp): fills
// their premio and ev.funds. `persons` and ev.persons are parallel.
void distributeFunds(const Session& s, const std::vector<Person>& persons, Evaluation& ev);

// Fund schemes (fund_scheme.cpp): a budget line (`premio a carico del
// fondo`) charged with the premi of its persons, E0661 if they exceed it;
// E0660 when the unit quotas of a fund exceed its amount (nobody is paid).
FundOutcome chargeBudget(const Session& s, const Evaluation& ev, uint32_t fund);
// Premi made of parts (`parte ...`): whether `profile` has a part drawn from
// `fund`; the share just paid by `fund` moved from the person's premio fields
// into that part; and, after every fund, each premio as the sum of its parts.
std::optional<uint32_t> partOf(const ir::Profile& profile, uint32_t fund);
void moveToParts(const Session& s, Evaluation& ev, const std::vector<uint32_t>& ids, uint32_t fund);
void sumParts(const Session& s, Evaluation& ev);
void overspent(const Session& s, Evaluation& ev, const std::vector<uint32_t>& ids, const ir::Fund& f,
               FundOutcome& outcome);

}  // namespace misura::eval
