// The output of semantic analysis: the program as written (the AST, not
// copied) plus side tables keyed by expression NodeId (types, what each name
// means) and every declaration-level reference resolved to an index. Lowering
// reads only this. Valid only while the ast::Program it points to lives.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/sema/types.h"
#include "compiler/support/diagnostics.h"

namespace misura::sema {

enum class BuiltinFn : uint8_t {
#define X(name, italian, minArgs, maxArgs, meaning) name,
#include "compiler/ir/builtins.def"
#undef X
};

// What a name in an expression refers to.
struct ResParam { uint32_t slot; };          // indicator argument (0: measured value)
struct ResPersonField { uint32_t field; };   // staff-list field
struct ResComponent { uint32_t index; };     // a component of the current profile
struct ResTotal {};                          // `totale`
struct ResBand {};                           // `fascia`
struct ResDeadline { std::optional<Date> date; };  // `termine` in `misura`; nullopt: `termine = espressione`
struct ResBuiltin { BuiltinFn fn; };         // callee of a builtin call
struct ResEsito { uint32_t objective; };     // `esito(OB1)`: the whole call
// Aggregates over a record table (check_aggregate.cpp).
enum class AggregateFn : uint8_t { Conta, Somma, Media, MediaPonderata, Cerca };  // Cerca: the one row selected
struct ResRowField { uint32_t field; };                     // a field of the row an aggregate is folding
struct ResAggregate { AggregateFn fn; uint32_t dataset; };  // `conta(fatture ...)`: the whole call
// `rilevazioni.valore` in a measured expression: the cell of the row of this
// person and this objective, or of objective `objective` (`di CODICE`).
// Outside a measured expression (a component, the premio, a fund's quota or
// importo, a condition) the same form is a lookup: the row whose key columns
// match the person (matricola, or a staff field like `settore`) and the
// explicit values `di "2024"` (`keyValues`, for the free key columns in order).
struct ResCell {
  uint32_t dataset;
  uint32_t field;
  std::optional<uint32_t> objective;
  std::vector<std::string> keyValues = {};
};
// docs/linguaggio.md § 9: a `valore` (a name), a `funzione` (the whole call);
// inside `somma per ogni obiettivo (...)`, `quota`, `esito` and `peso` of
// the objective being summed; the fold itself.
struct ResValue { uint32_t index; };
struct ResFunction { uint32_t index; };
enum class FoldItem : uint8_t { Quota, Esito, Peso };
struct ResFoldItem { FoldItem item; };
struct ResFold {};
using Resolution = std::variant<std::monostate, ResParam, ResPersonField, ResComponent, ResTotal, ResBand,
                                ResDeadline, ResBuiltin, ResEsito, ResRowField, ResAggregate, ResCell,
                                ResValue, ResFunction, ResFoldItem, ResFold>;

// Campo: a key column named like a staff field (`settore`, `area`): the row
// of the person's value of that field. Libera: any other column (`anno`,
// `ambito`): the row is chosen by an explicit value, `di "2024"`.
enum class KeyRole { Persona, Obiettivo, Comportamento, Fase, Campo, Libera };

inline constexpr const char* kResultsTable = "valutati";

struct DatasetInfo {
  const ast::Dataset* decl = nullptr;
  // Parallel to decl->key; a wide sheet (`per comportamento { ... }`) adds
  // the role of its codes last (a key column that the file does not have).
  std::vector<KeyRole> keyRoles;
  std::optional<uint32_t> wideField;  // the field with `per ... { ... }`
  std::vector<uint32_t> keyFields = {};  // parallel to decl->key: the staff field of a Campo column
};

// One `personale da` block. With several, the staff list is their union:
// DatasetInfo[0].decl is a merged declaration (Checked::mergedStaff) whose
// fields are every field of every block, by name.
struct StaffFileInfo {
  const ast::Dataset* decl = nullptr;
  std::vector<std::optional<uint32_t>> fieldOf;  // per staff field: the block's field, if it declares it
};

struct FieldRef {
  uint32_t dataset = 0;
  uint32_t field = 0;
  Span span;
};

// `peso N per ...`: one line of per-profile / per-person weights.
struct WeightRuleInfo {
  const ast::Weight* decl = nullptr;
  std::vector<uint32_t> profiles;  // for `per profilo`
};

struct ObjectiveInfo {
  const ast::Objective* decl = nullptr;
  const ast::Assignment* assignment = nullptr;
  std::vector<uint32_t> profiles;  // for Assignment::Kind::Profili
  const ast::Expr* weightExpr = nullptr;  // `peso = espressione`: a weight per person from the data
  Rational weight;                      // the plain `peso N` (default), if any
  bool hasDefaultWeight = false;
  bool weightsOk = false;               // some weight, at most one default (else already reported)
  std::vector<WeightRuleInfo> weightRules;  // `peso N per ...`, in writing order
  std::optional<Date> deadline;
  const ast::Expr* deadlineExpr = nullptr;  // `termine = espressione`, computed per person
  const ast::Measure* measure = nullptr;
  uint32_t indicator = 0;
  FieldRef measured;                     // `su tabella.campo`
  const ast::Expr* measuredExpr = nullptr;  // `su ESPRESSIONE` (then `measured` is unused)
  const ast::OnMissing* onMissing = nullptr;  // null: a missing value is an error
  Rational fixedEsito;                         // fraction, when onMissing has a value
  std::string source;
  const ast::Phases* phases = nullptr;  // `fasi { ... }`, when valid
  std::vector<int> years;       // `valutato nel ...`; empty: every year
  bool evaluatedThisYear = true;  // `anno` is among `years`
  std::string component;          // `componente NOME`; empty: the profile's only `da obiettivi` component
  bool premioOnly = false;        // `solo per il premio`: scored, in no component
  std::optional<Rational> quota;  // `quota 4%`, as a fraction
};

// `obiettivi da TABELLA`: the body checked as an objective whose code is
// that of the row being read.
struct ObjectiveTemplateInfo {
  const ast::ObjectiveTemplate* decl = nullptr;
  ObjectiveInfo objective;
  uint32_t dataset = 0;
  uint32_t codeColumn = 0;  // index into the table's key
};

struct CatalogueInfo {
  const ast::Catalogue* decl = nullptr;
  bool wholeVotes = false;   // `voti interi`
  bool halfVotes = false;    // `voti a mezzi punti`
  const ast::Expr* points = nullptr;  // `punteggio = espr` (slot 0 voto, 1 peso)
  Rational scaleMin, scaleMax;
  std::vector<std::pair<std::string, Rational>> levels;  // `scala { "..." -> N }`
  FieldRef ratings;
};

// A part of the premio (`parte ...`, check_premio_parts.cpp).
struct PartInfo {
  const ast::PremioPart* decl = nullptr;
  std::optional<uint32_t> fund;  // a part drawn from a fund
};

struct ProfileInfo {
  const ast::Profile* decl = nullptr;
  std::optional<uint32_t> catalogue;
  std::optional<uint32_t> fund;  // `premio da fondo`
  std::optional<uint32_t> budget;  // `premio a carico del fondo` (check_fund_scheme.cpp)
  std::vector<PartInfo> parts;     // `parte ...`: the premio is their sum
  const ast::Rounding* totalRounding = nullptr;
  const std::vector<ast::Band>* bands = nullptr;
};

// One checked ordering key (`graduatoria`'s `ordine`, a fund's `a parità ordine`).
struct SortKeyInfo {
  const ast::SortKey* decl = nullptr;
  std::optional<std::string> component;  // `componente NOME`: by name in the person's profile
  const ast::Expr* expr = nullptr;       // otherwise: over staff fields, totale, fascia, esiti
  bool descending = false;
  bool matricola = false;  // the expression is the staff key: numbers compare as numbers
};

// A checked `graduatoria`.
struct RankingInfo {
  const ast::Ranking* decl = nullptr;
  const ast::Assignment* among = nullptr;  // null: every evaluated person
  std::vector<uint32_t> profiles;          // for Assignment::Kind::Profili
  const ast::Expr* admitted = nullptr;     // `ammessi se`
  bool withNotEvaluated = false;           // `compresi i non valutati`
  std::vector<SortKeyInfo> keys;
  const ast::Expr* group = nullptr;        // `gruppi per`
  const ast::Places* places = nullptr;     // `posti`; null: a ranking without winners
};

struct FundInfo {
  const ast::Fund* decl = nullptr;
  Rational amount;  // euro
  const ast::Expr* amountExpr = nullptr;  // `importo = espressione`: computed at evaluation
  const ast::Expr* quota = nullptr;
  ast::FundSplit split = ast::FundSplit::AlCentesimo;
  const ast::FundBonus* bonus = nullptr;  // art. 81 maggiorazione, if declared
  // check_fund_scheme.cpp:
  std::optional<Rational> unitQuota;  // `quota unitaria N euro`: unit x quota each, the rest is economia
  const ast::Expr* unitQuotaExpr = nullptr;  // `quota unitaria = espressione`: computed at evaluation
  std::optional<Rational> cap;        // `massimo N euro per persona`: the excess is economia
  bool budget = false;                // a budget line: profiles' `premio a carico del fondo`
  std::optional<uint32_t> bonusRanking;   // `maggiorazione R ai vincitori di G`: G
  std::vector<SortKeyInfo> tieKeys;       // `a parità ordine ...`; empty: the default
};

// A checked `attendi`: its literal read, its names resolved.
struct ExpectationInfo {
  const ast::Expectation* decl = nullptr;
  Rational number;           // Totale, Componente: punti; Premio: euro; Esito: fraction (4/5 for 80%)
  bool neutralized = false;  // Esito: `= neutralizzato`
  std::string text;          // Fascia: the band label; Componente: its name; Errore: the code; Esito: the objective's code
  uint32_t objective = 0;    // Esito: index into `objectives` (unused: looked up by code when the prova runs)
  uint32_t ranking = 0;      // Posizione, Vincitore, NonVincitore: index into `rankings`
};

struct ProvaInfo {
  const ast::Prova* decl = nullptr;
  std::string dataDir;  // as written
  std::string person;   // matricola
  std::optional<int> year;  // `anno 2023`
  std::vector<ExpectationInfo> expectations;
};

// A `ruolo`: who the regolamento says it is (a parameter of the requirements).
struct RoleInfo {
  const ast::Role* decl = nullptr;
  std::vector<uint32_t> profiles;  // Kind::Profili, resolved
};

// A checked `requisito`.
struct RequirementInfo {
  const ast::Requirement* decl = nullptr;
  std::string citation;
  Period period;  // `vigente dal ... [al ...]`
  bool warningLevel = false;                  // `livello avviso`: failures are warnings
  const ast::Addressees* addressees = nullptr;  // null: the plan as a whole
  std::optional<uint32_t> role;               // the role of `si applica a ruolo`, if the regolamento defines it
};

struct Checked {
  const ast::Program* program = nullptr;
  std::string ente;
  int anno = 0;  // the evaluation year: --anno if given, else the regolamento's `anno`
  std::vector<Type> types;            // by NodeId
  std::vector<Resolution> resolved;   // by NodeId
  std::vector<DatasetInfo> datasets;  // [0] is the staff list
  uint32_t staffKeyField = 0;
  uint32_t staffProfileField = 0;
  // `servizio dal X al Y`, either end optional: staff fields (or none).
  std::optional<uint32_t> serviceFrom, serviceTo;
  std::vector<StaffFileInfo> staffFiles;      // every `personale da` block, in writing order
  std::shared_ptr<ast::Dataset> mergedStaff;  // several blocks: their union (no expressions of its own)
  // `valutati`: the register of the evaluated persons' results (check_results_table.cpp),
  // the last of `datasets`; none when the regolamento declares a table of that name.
  std::optional<uint32_t> resultsTable;
  std::shared_ptr<ast::Dataset> resultsDecl;
  bool resultsUsed = false;  // some aggregate reads `valutati` (else it is left out of the plan)
  std::map<uint32_t, Type> derivedTypes;      // staff field -> type of its computed value (`campo = espr`)
  std::vector<const ast::Indicator*> indicators;
  std::vector<ProfileInfo> profiles;
  std::vector<ObjectiveInfo> objectives;
  std::vector<ObjectiveTemplateInfo> objectiveTemplates;
  std::vector<CatalogueInfo> catalogues;
  std::vector<ProvaInfo> prove;
  std::vector<FundInfo> funds;
  std::vector<RoleInfo> roles;
  std::vector<RequirementInfo> requirements;
  std::vector<const ast::NamedValue*> values;    // `valore`, in program order
  std::vector<const ast::Function*> functions;   // `funzione`, in program order
  std::vector<Type> valueTypes, functionTypes;   // parallel
  std::vector<RankingInfo> rankings;  // `graduatoria`
};

// Checks `program`, reporting every problem into `diags`. Returns the
// checked program only if no error was reported.
std::optional<Checked> check(const ast::Program& program, Diagnostics& diags);

}  // namespace misura::sema
