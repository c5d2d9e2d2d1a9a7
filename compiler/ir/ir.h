// The IR: the evaluation plan of a checked regolamento. It is the contract
// between the compiler and the runtime: the runtime includes nothing from
// compiler/ but this folder (and compiler/support). Every name is resolved
// to an index, every expression is a flat Chunk of stack-machine code, every
// instruction remembers its source span so that an evaluation can explain
// and locate each number.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "compiler/support/date.h"
#include "compiler/support/period.h"
#include "compiler/support/rational.h"
#include "compiler/support/source.h"

namespace misura::ir {

// Static types. Percentuale values are stored as fractions (80% is 4/5);
// punti, euro, giorni and numero as plain rationals.
enum class Type { Numero, Percentuale, Punti, Euro, Data, Giorni, Booleano, Testo };

const char* typeName(Type t);  // Italian: "percentuale", "euro", ...

struct Missing {
  bool operator==(const Missing&) const = default;
};
// A runtime value. Missing is the explicit "non rilevato" state.
using Value = std::variant<Missing, Rational, Date, bool, std::string>;

enum class Op : uint8_t {
#define X(name, operands, meaning) name,
#include "compiler/ir/opcodes.def"
#undef X
};
const char* opName(Op op);

enum class Builtin : uint8_t {
#define X(name, italian, minArgs, maxArgs, meaning) name,
#include "compiler/ir/builtins.def"
#undef X
};
const char* builtinName(Builtin b);  // the Italian name

struct Instr {
  Op op;
  uint32_t a = 0;
  uint32_t b = 0;
  Span span;  // the source expression this instruction computes
};

struct Chunk;

// A fold over the rows of a record table (a `dati` table without `chiave`),
// run by Op::Aggregate: its parts are sub-chunks run once per row, where
// Op::LoadRow reads that row's fields. The loop is bounded by the row count.
//   Conta           rows selected
//   Somma           sum of `value` over the selected rows (0 if none)
//   Media           mean of `value` (Missing if no row is selected)
//   MediaPonderata  sum(value x weight) / sum(weight) (Missing if none, or if the weights add up to 0)
// A Missing value, weight or `dove` condition on a row makes the result Missing.
//   Cerca           `value` on the one row selected (Missing if none; error E0640 if several)
enum class AggregateKind { Conta, Somma, Media, MediaPonderata, Cerca };
const char* aggregateName(AggregateKind k);  // the Italian name

struct Aggregate {
  AggregateKind kind = AggregateKind::Conta;
  uint32_t dataset = 0;       // index into Module::datasets
  std::vector<Chunk> value;   // Somma, Media, MediaPonderata: exactly one
  std::vector<Chunk> weight;  // MediaPonderata: exactly one
  std::vector<Chunk> where;   // `dove`: at most one, Booleano
  Span span;
};

// A cell of a keyed table read by Op::LoadCell: field `field` of the row of
// the current person (if the table is keyed by person) and of objective
// `objective`, or of the objective being measured when absent.
// A lookup (`incarichi.retribuzione_posizione`, `fondi.importo di "2024"`)
// reads the row whose key columns are: Persona the person's matricola, Campo
// the person's value of that staff field, Obiettivo `objective` or the
// current one, Libera the next of `keyValues`.
struct CellRef {
  uint32_t dataset = 0;
  uint32_t field = 0;
  std::optional<uint32_t> objective;  // `di CODICE`: index into Module::objectives
  Span span;
  std::vector<std::string> keyValues = {};  // `di "2024"`: the free key columns' values, in key order
};

// A step table, `scaglioni X { ... }`, run by Op::Scaglioni on the value x:
//   Da     the result of the first line with x >= threshold (thresholds decreasing)
//   FinoA  the result of the first line with x <= threshold (thresholds increasing)
//   Testo  the result of the line whose text is x
// else `otherwise`; a Missing x gives Missing.
enum class StepKind { Da, FinoA, Testo };

struct StepTable {
  StepKind kind = StepKind::Da;
  std::vector<std::pair<Value, Value>> lines;  // threshold, result
  Value otherwise;
  Type type = Type::Percentuale;  // of the results
  Span span;
};

// One expression, compiled. Running it leaves exactly one value (Return).
struct Chunk {
  std::vector<Instr> code;
  std::vector<Value> consts;
  Type type = Type::Numero;
  Span span;  // the whole expression
  std::vector<Aggregate> aggregates;  // operands of Op::Aggregate
  std::vector<CellRef> cells;         // operands of Op::LoadCell
  std::vector<StepTable> steps;       // operands of Op::Scaglioni
  std::vector<Chunk> folds;           // operands of Op::FoldObjectives: the body, run per objective
};

// ---- data ------------------------------------------------------------------

// A bound of a field's admitted values, as a value of the field's type
// (a percentage as a fraction: 100% is 1).
struct Bound {
  Rational value;
  bool exclusive = false;
  std::string written;  // as in the regolamento, for messages: "100%", "0 escluso"
};

// The values a field admits, checked at load (E0540-E0542).
struct FieldRules {
  std::optional<Bound> lower, upper;
  bool integer = false;
  bool nonNegative = false;
  Span span;  // the field's declaration
  bool any() const { return lower || upper || integer || nonNegative; }
};

struct Field {
  std::string name;
  Type type = Type::Testo;
  bool optional = false;
  Span span;
  std::string column;  // the header in the file: `colonna "..."`, else the name
  FieldRules rules;
  // Staff list: computed per row from the other fields (`profilo = se ...`);
  // its code sees the row as the person (LoadPerson).
  std::optional<Chunk> derived;
  // Several staff files: a field this file does not declare (non rilevato for its rows).
  bool absent = false;
};

// What a key column of a table refers to. Campo: a staff field (`settore`):
// the person's value of it; Libera: any other column, given by `di "..."`.
enum class KeyRole { Persona, Obiettivo, Comportamento, Fase, Campo, Libera };

struct KeyColumn {
  std::string column;  // the CSV header name
  KeyRole role;
  Span span;
  uint32_t staffField = 0;  // Campo: the staff field whose value selects the row
};

// A wide sheet: one column per code (`voto numero per comportamento { C1
// colonna "K1" ... }`); each file row gives one table row per code, the
// code being the last key column.
struct WideField {
  uint32_t field = 0;  // the field read from the code columns
  std::vector<std::pair<std::string, std::string>> columns;  // code -> header
  std::vector<Span> spans;  // parallel: where the regolamento maps each
};

// `controlla CONDIZIONE "messaggio"`: checked on every row at load (E0547).
// The condition sees the row as the person (staff list) or as LoadRow (tables).
struct RowCheck {
  Chunk condition;
  std::string message;
  Span span;
};

struct Dataset {
  std::string name;
  // `valutati`: no file; its rows are the evaluated persons' results, filled
  // by the evaluation once everyone is scored (a register for aggregates).
  bool results = false;
  std::string file;       // relative to the data directory
  std::string encoding;   // "utf-8", "latin1", "windows-1252"
  std::optional<char> separator;
  std::optional<std::string> sheet;  // `foglio`: the sheet of a workbook (nullopt: the only visible one)
  Span sheetSpan;
  char decimal = ',';                  // `decimali`: the decimal separator of numbers written as text
  std::optional<uint32_t> headerRow;   // `intestazione riga N`: 1-based row/line of the column names
  std::vector<std::string> missingMarks;  // `non rilevato "n.v."`: cell texts read as non rilevato
  Span headerRowSpan;
  std::vector<KeyColumn> key;  // empty for the staff list
  std::vector<Field> fields;   // for the staff list: includes its key field
  Span span;
  Span fileSpan;
  std::optional<WideField> wide;
  std::vector<std::string> unique;  // `unico (...)`: columns whose values no two rows share
  std::vector<RowCheck> checks;
  Span uniqueSpan;
  // The staff list declared in several `personale da` blocks: the second and
  // later files, each with `fields` parallel to this one's (absent, derived
  // or read from its own column). One matricola space.
  std::vector<Dataset> moreFiles;
};

// Index 0 of Module::datasets is always the staff list.
inline constexpr uint32_t kStaff = 0;

// A reference to one field of one table, e.g. `rilevazioni.valore`.
struct DataRef {
  uint32_t dataset = 0;
  uint32_t field = 0;
  Span span;
};

// ---- rules -----------------------------------------------------------------

struct Indicator {
  std::string name;
  std::vector<Type> slots;  // slot 0: the measured value; then the parameters
  std::vector<std::string> slotNames;
  Chunk body;  // type Percentuale
  Span span;
};

// The part of the year a matricola is assigned an objective for; a missing
// end is the year's first or last day.
struct Period {
  std::optional<Date> from, to;
  Span span;
};

struct Assignment {
  enum class Kind { Tutti, Profili, Matricole, Dove };
  Kind kind = Kind::Tutti;
  std::vector<uint32_t> profiles;
  std::vector<std::string> persons;  // matricole
  std::vector<std::optional<Period>> periods;  // parallel to persons
  Chunk where;                        // Dove: Booleano over staff fields
  Span span;
};

struct Measure {
  uint32_t indicator = 0;
  std::vector<Chunk> args;  // evaluated once per objective; per person with `termine = espressione`
  DataRef measured;         // `su tabella.campo`: the row of this person and/or objective
  // `su ESPRESSIONE`: run for each assigned person (staff fields, cells,
  // aggregates, `termine`); when present, `measured` is unused.
  std::optional<Chunk> expr;
  Span span;
};

// `peso N per ...`: the weight of the persons `who` designates.
struct WeightRule {
  Rational weight;
  Assignment who;
  Span span;  // the whole `peso` line
};

enum class OnMissing { Errore, Neutralizza, EsitoFisso };

// A milestone of an objective (`fasi`): the measure is applied to the row of
// this phase, with `termine` = its deadline; the objective's esito is
// sum(weight x esito) / sum(weight) over its phases.
struct Phase {
  std::string code;
  std::string title;
  Rational weight;
  Date deadline;
  std::vector<Chunk> args;  // the measure's arguments, `termine` being this deadline
  Span span;
};

struct Objective {
  std::string code;
  std::string title;
  Assignment assignment;
  Rational weight;                      // the plain `peso N`, if hasDefaultWeight
  bool hasDefaultWeight = true;
  Span weightSpan;                      // its line
  std::vector<WeightRule> weightRules;  // first match wins, else the default
  // `peso = espressione`: each person's weight from the data (person and
  // objective context, like the measured expression); instead of all the above.
  std::optional<Chunk> weightExpr;
  std::optional<Date> deadline;
  // `termine = espressione`: a date per person (staff fields, cells), read by
  // Op::LoadDeadline in the arguments and the measured expression.
  std::optional<Chunk> deadlineExpr;
  Measure measure;
  std::string source;  // `fonte`
  OnMissing onMissing = OnMissing::Errore;
  Rational fixedEsito;  // for EsitoFisso, as a fraction
  std::vector<int> years;  // `valutato nel ...`: the only years it exists in; empty: every year
  std::vector<Phase> phases;  // `fasi`; empty: one measure for the whole objective
  // The component it counts in (`componente NOME`); empty: the profile's only
  // `da obiettivi` component. `premioOnly`: in no component, read by the premio.
  std::string component;
  bool premioOnly = false;
  std::optional<Rational> quota;  // `quota 4%` as a fraction; `quota` in a fold (absent: 0)
  Span span;
  // Made from the data by `obiettivi da TABELLA` (index into Module::objectiveTemplates):
  // its row, where the code and title were read.
  std::optional<uint32_t> fromTemplate;
  Span row;
};

// `obiettivi da peg dove C { titolo = T  ... }`: at evaluation, one copy of
// `body` per objective code of the table's rows (first occurrence order) whose
// row meets `where`, with that code and title (runtime/eval/objectives_from_data.cpp).
struct ObjectiveTemplate {
  uint32_t dataset = 0;
  uint32_t codeColumn = 0;     // index into datasets[dataset].key: the `obiettivo` column
  std::optional<Chunk> where;  // Booleano; objective context, no person
  std::optional<Chunk> title;  // Testo; absent: the code
  Objective body;              // code and title empty
  Span span;
};

// Whether `o` is evaluated in year `anno` (else: not assigned, in no weight sum).
inline bool evaluatedIn(const Objective& o, int anno) {
  return o.years.empty() || std::find(o.years.begin(), o.years.end(), anno) != o.years.end();
}

struct Behaviour {
  std::string code;
  std::string title;
  Rational weight;
  Span span;
};

struct Catalogue {
  Rational scaleMin, scaleMax;
  std::vector<std::pair<std::string, Rational>> levels;  // a scale of levels: the ratings are their names
  DataRef ratings;
  std::vector<Behaviour> items;
  bool wholeVotes = false;  // `voti interi`
  bool halfVotes = false;   // `voti a mezzi punti`
  // `punteggio = espr` (slot 0 voto, 1 peso): an item's points in weight
  // units; the component gets max x sum(punteggio) / sum(peso). Absent: peso x voto / scala max.
  std::optional<Chunk> points;
  Span span;
};

enum class Rounding { MezzoInSu, PerDifetto, PerEccesso, AlPari };
const char* roundingName(Rounding r);  // "mezzo in su", "per difetto", ...

struct RoundingRule {
  int decimals = 2;
  Rounding mode = Rounding::MezzoInSu;
};

enum class ComponentSource { Obiettivi, Comportamenti, Espressione };

struct Component {
  std::string name;
  std::string title;
  Rational maxPoints;
  ComponentSource source = ComponentSource::Obiettivi;
  uint32_t catalogue = 0;  // for Comportamenti
  Chunk expr;              // for Espressione, type Punti
  // `con pesi relativi`: weights need not add up to 100; `a pari peso`: every
  // objective weighs 1. Either way points = max x sum(w x esito) / sum(w).
  bool relativeWeights = false;
  bool equalWeights = false;
  std::optional<RoundingRule> rounding;  // `arrotondato a N decimali`: the points, rounded
  Span span;
};

// A band over the (rounded) total. Bands are listed from the highest; the
// band of a total t is the first one with from <= t (and t <= to when `to`
// is present); `altrimenti` (no `from`) takes whatever is left. Sema has
// checked that the bands cover 0..max without gaps or overlaps.
struct Band {
  std::string label;
  std::optional<Rational> from;  // absent for `altrimenti`
  std::optional<Rational> to;    // absent: up to the next band (exclusive)
  Rational percent;              // fraction: 100% is 1
  Span span;
};

// `non valutato se COND "motivo"`: a person for whom COND is true is not
// evaluated (non rilevato counts as false, like `assegnato a personale dove`).
struct Exclusion {
  Chunk condition;  // Booleano, person context
  std::string reason;
  Span span;
};

// A part of a premio made of several: computed (expr) or drawn from a fund.
struct PremioPart {
  std::string name;
  std::string title;
  std::optional<Chunk> expr;  // type Euro, rounded to the cent with `rounding`
  Rounding rounding = Rounding::MezzoInSu;
  std::optional<uint32_t> fund;  // index into Module::funds
  Span span;
};

struct Profile {
  std::string name;
  std::string title;
  std::optional<std::string> notEvaluated;  // reason
  std::optional<int32_t> minService;        // `servizio minimo N giorni`
  Span minServiceSpan;
  std::vector<Exclusion> exclusions;        // in writing order
  std::vector<Component> components;
  std::optional<RoundingRule> totalRounding;
  std::vector<Band> bands;  // from the highest
  std::optional<Chunk> premio;  // type Euro
  Rounding premioRounding = Rounding::MezzoInSu;  // always to the cent
  std::optional<uint32_t> fund;  // `premio da fondo`: index into Module::funds
  std::optional<uint32_t> budget;  // `premio a carico del fondo`: the budget line paying the premio
  std::vector<PremioPart> parts;   // `parte ...`: the premio is their sum (then no `premio`, no `fund`)
  Span span;
};

enum class FundSplit {
  AlCentesimo,  // paid out to the last cent: the leftover cents go one each to the largest
                // remainders; equal remainders: the smaller matricola first (byte order)
  PerDifetto,   // each share truncated to the cent; the leftover stays unspent
};

enum class BonusBase { PremioMedio, ImportoDivisoValutati };

// `maggiorazione R ai primi S` (art. 81 CCNL Funzioni Locali 16.11.2022):
// among the n members with a positive quota, the k = max(1, floor(S x n))
// with the highest total (ties: smaller matricola, byte order) each get an
// extra of R x P / n, where P = amount / (1 + k x R / n) is what the base
// split by quota shares; so k x R x P / n + P = amount exactly.
struct FundBonus {
  Rational rate;   // fraction: 30% is 3/10
  Rational share;  // fraction of the persons: 10% is 1/10
  Span span;
  // `maggiorazione R ai vincitori di G`: the beneficiaries are the winners of
  // graduatoria G among the members with a positive quota (then `share` is unused).
  std::optional<uint32_t> ranking = std::nullopt;
  // Declared (`{ ... }`): the base is the average premio of the n persons
  // counted (default; as above) or the amount / n; the maggiorazione may be
  // rounded to the cent; and paid inside the fund (default) or on top of it.
  // Inside: P = amount - k x m, m = R x base (with the average premio the
  // formula above, then rounded if declared). On top: the fund is split by
  // quota as if there were no maggiorazione and m = R x amount / n (rounded to
  // the cent, half up unless declared) is added to each beneficiary.
  BonusBase base = BonusBase::PremioMedio;
  std::optional<Rounding> rounding = std::nullopt;
  bool onTop = false;
};

// ---- rankings (`graduatoria`) -----------------------------------------------

// One ordering key. Values compare as numbers, dates or texts; two texts made
// only of digits compare as numbers ("9" before "10"), equal numbers then by text.
struct SortKey {
  enum class Kind { Espressione, Componente, Matricola };
  Kind kind = Kind::Espressione;
  Chunk expr;             // Espressione: staff fields, totale, fascia, esiti
  std::string component;  // Componente: by name in the person's profile
  bool descending = false;
  bool missingLast = false;  // `non rilevati in fondo`: non rilevato comes after every value (else E0670)
  std::string text;       // as written ("totale decrescente"), for the outputs
  Span span;
};

// How a share of a group's size becomes a number of places.
enum class CountRounding { PerDifetto, PerEccesso, MetaPerDifetto, MetaPerEccesso };

struct Places {
  Rational value;      // a fixed count, or (share) a fraction: 30% is 3/10
  bool share = false;
  CountRounding rounding = CountRounding::PerDifetto;
  std::optional<uint32_t> minimum;  // `almeno N` (at most the group's size)
  // `dei concorrenti`: the share is of every person of the set in the group,
  // admitted or not; the winners are at most the admitted (no error).
  bool ofAll = false;
  std::string text;    // as written, for the outputs
  Span span;
};

// `graduatoria`: the evaluated persons of a set, admitted by a condition,
// ordered by keys (the matricola is always the last resort), per group,
// the first `places` of each group are the winners.
struct Ranking {
  enum class Among { Tutti, Profili, Matricole, Dove };
  std::string name;
  std::string title;
  Among among = Among::Tutti;
  std::vector<uint32_t> profiles;      // Profili
  std::vector<std::string> matricole;  // Matricole
  std::optional<Chunk> where;          // Dove: person context
  std::optional<Chunk> admitted;       // `ammessi se`: result context (totale, fascia, ...)
  // `escluso se C "motivo"`: not admitted, with the reason of the first that holds.
  std::vector<std::pair<Chunk, std::string>> exclusions;
  bool withNotEvaluated = false;  // `compresi i non valutati`: their totale, fascia, components are non rilevato
  std::vector<SortKey> keys;
  std::optional<Chunk> group;          // `gruppi per`: person context
  std::string groupText;
  std::optional<Places> places;        // none: positions only, no winners
  Span span;
};

// A fund shared among the evaluated persons of the profiles that draw from
// it, in proportion to each one's quota: share = amount x quota / sum of quotas.
struct Fund {
  std::string name;
  std::string title;
  Rational amount;  // euro; with amountExpr, computed at evaluation
  std::optional<Chunk> amountExpr;  // `importo = espressione`: no person; euro, >= 0, whole cents
  Chunk quota;      // over staff fields, totale and fascia; must be >= 0
  FundSplit split = FundSplit::AlCentesimo;
  std::optional<FundBonus> bonus;  // art. 81 maggiorazione
  // `quota unitaria N euro`: each member gets N x quota, rounded to the cent
  // (half up; `ripartizione per difetto`: truncated); the rest is economia.
  std::optional<Rational> unitQuota;
  // `quota unitaria = espressione`: no person; euro, >= 0, whole cents (the
  // evaluation sets unitQuota on its copy of the fund).
  std::optional<Chunk> unitQuotaExpr;
  bool unit() const { return unitQuota || unitQuotaExpr; }
  std::optional<Rational> cap;  // `massimo N euro per persona`: each share at most N, the excess is economia
  bool budget = false;  // a budget line (no quota): the premi `a carico` of it are paid from it
  Span span;
  // `a parità ordine ...`: equal remainders (and the art. 81 cut after the
  // total) are decided by these keys, then by the matricola.
  std::vector<SortKey> tieKeys = {};
};

// `ruolo R = personale dove CONDIZIONE`: a role decided person by person on
// the staff fields (the conformance check of `valuta` and `verifica --personale`).
struct ConditionRole {
  std::string name;
  Chunk where;  // Booleano, person context (non rilevato: not in the role)
  Span span;
};

// A dated clause of the regolamento (`dal 2024: ...`), for `misura ir` and
// `misura verifica`: only those that apply are in the plan.
struct DatedClause {
  std::string block;  // "profilo dipendente"; empty for a declaration
  std::string when;   // "dal 2024"
  std::string text;   // the clause, on one line
  bool applies = false;
};

// ---- worked cases (`prova`, run by `misura prova`, ignored by `valuta`) ----

// One `attendi` line. Values are compared exactly: the total after the
// profile's rounding, the premio in cents, components and esiti unrounded.
struct Expectation {
  enum class Kind { Totale, Fascia, Premio, Componente, Esito, NonValutato, Errore, Posizione, Vincitore, NonVincitore,
                    Escluso };
  Kind kind = Kind::Totale;
  Rational number;           // Totale, Componente: punti; Premio: euro; Esito: fraction (4/5 for 80%); Posizione
  uint32_t ranking = 0;      // Posizione, Vincitore, NonVincitore, Escluso: index into Module::rankings
  std::optional<std::string> reason;  // NonValutato, Escluso: the reason expected; none: any
  bool neutralized = false;  // Esito: the objective is expected neutralised
  std::string text;          // Fascia: band label; Componente: component name; Errore: the code; Esito: the objective's code
  uint32_t objective = 0;    // Esito: index into Module::objectives, if declared (else read from the data: by code)
  Span span;                 // the `attendi` line
};

struct Prova {
  std::string title;
  std::string dataDir;  // as written: relative to the regolamento's folder
  std::string person;   // matricola
  // `anno 2023`: the prova is run on the regolamento compiled for that year
  // (as with --anno; cli/prova.cpp); none: the module's year.
  std::optional<int> year;
  std::vector<Expectation> expectations;
  Span span, dataSpan, personSpan;
};

// The staff fields (`data`) holding the ends of each person's service period.
struct ServiceFields {
  std::optional<uint32_t> from, to;
  bool declared() const { return from || to; }
};

// A module the regolamento uses (`usa`, docs/linguaggio.md § 13), with the
// version that was read: every output records them.
struct ModuleVersion {
  std::string name;   // "legge.dl_13_2023"
  std::string title;
  std::optional<misura::Period> validity;  // `vigente dal ... al ...` (not ir::Period); none: always in force
  bool applied = true;  // false: not in force in `anno`, its declarations were left out
};

// `valore NOME = espressione`: computed for the person wherever it is read.
struct NamedValue {
  std::string name;
  Chunk body;  // person context
  Span span;
};

// `funzione NOME(p: tipo, ...) = espressione`: pure, run in a fresh frame.
struct Function {
  std::string name;
  std::vector<Type> slots;
  std::vector<std::string> slotNames;
  Chunk body;
  Span span;
};

struct Module {
  std::string sourcePath;
  std::string ente;
  int anno = 0;  // the evaluation year (--anno, or the regolamento's `anno`)
  std::vector<ModuleVersion> modules;  // in load order; empty without `usa`
  std::vector<Dataset> datasets;  // [kStaff] is the staff list
  uint32_t staffKeyField = 0;      // index into datasets[kStaff].fields
  uint32_t staffProfileField = 0;  // the `profilo` field
  // `servizio dal X al Y` (either end may be left out): the staff fields of
  // the service period. An end that is not declared, or an empty cell, is
  // the year's first or last day; without `servizio` everyone serves the
  // whole year.
  ServiceFields serviceFields;
  std::vector<Indicator> indicators;
  std::vector<Profile> profiles;
  std::vector<Objective> objectives;
  // `obiettivi da TABELLA`: expanded into `objectives` by the evaluation (the
  // plan of an Evaluation); the compiled module holds only the declared ones.
  std::vector<ObjectiveTemplate> objectiveTemplates;
  std::vector<Catalogue> catalogues;
  std::vector<std::optional<uint32_t>> catalogueOfProfile;  // per profile
  std::vector<Prova> prove;
  std::vector<Fund> funds;
  std::vector<NamedValue> values;      // `valore`
  std::vector<Function> functions;     // `funzione`
  std::vector<ConditionRole> conditionRoles;  // the roles by condition
  std::vector<DatedClause> dated;             // every dated clause of the regolamento and its modules
  std::vector<Ranking> rankings;  // `graduatoria`
};

// "legge.dl_13_2023 «Tempi di pagamento», vigente dal 01/01/2023" (and
// "sempre vigente", ", non applicato: non vigente nel 2022"): how every
// output names a module version.
std::string describe(const ModuleVersion& v, int anno);

// Human-readable dump of the whole plan (`misura ir FILE`).
std::string print(const Module& m);

}  // namespace misura::ir
