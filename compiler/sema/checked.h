// The output of semantic analysis: the program as written (the AST, not
// copied) plus side tables keyed by expression NodeId (types, what each name
// means) and every declaration-level reference resolved to an index. Lowering
// reads only this. Valid only while the ast::Program it points to lives.
#pragma once

#include <map>
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
using Resolution = std::variant<std::monostate, ResParam, ResPersonField, ResComponent, ResTotal, ResBand,
                                ResDeadline, ResBuiltin, ResEsito, ResRowField, ResAggregate, ResCell>;

// Campo: a key column named like a staff field (`settore`, `area`): the row
// of the person's value of that field. Libera: any other column (`anno`,
// `ambito`): the row is chosen by an explicit value, `di "2024"`.
enum class KeyRole { Persona, Obiettivo, Comportamento, Fase, Campo, Libera };

struct DatasetInfo {
  const ast::Dataset* decl = nullptr;
  std::vector<KeyRole> keyRoles;  // parallel to decl->key
  std::vector<uint32_t> keyFields = {};  // parallel to decl->key: the staff field of a Campo column
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
};

struct CatalogueInfo {
  const ast::Catalogue* decl = nullptr;
  Rational scaleMin, scaleMax;
  std::vector<std::pair<std::string, Rational>> levels;  // `scala { "..." -> N }`
  FieldRef ratings;
};

struct ProfileInfo {
  const ast::Profile* decl = nullptr;
  std::optional<uint32_t> catalogue;
  std::optional<uint32_t> fund;  // `premio da fondo`
  const ast::Rounding* totalRounding = nullptr;
  const std::vector<ast::Band>* bands = nullptr;
};

struct FundInfo {
  const ast::Fund* decl = nullptr;
  Rational amount;  // euro
  const ast::Expr* amountExpr = nullptr;  // `importo = espressione`: computed at evaluation
  const ast::Expr* quota = nullptr;
  ast::FundSplit split = ast::FundSplit::AlCentesimo;
  const ast::FundBonus* bonus = nullptr;  // art. 81 maggiorazione, if declared
};

// A checked `attendi`: its literal read, its names resolved.
struct ExpectationInfo {
  const ast::Expectation* decl = nullptr;
  Rational number;           // Totale, Componente: punti; Premio: euro; Esito: fraction (4/5 for 80%)
  bool neutralized = false;  // Esito: `= neutralizzato`
  std::string text;          // Fascia: the band label; Componente: its name; Errore: the code
  uint32_t objective = 0;    // Esito: index into `objectives`
};

struct ProvaInfo {
  const ast::Prova* decl = nullptr;
  std::string dataDir;  // as written
  std::string person;   // matricola
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
  std::optional<std::pair<uint32_t, uint32_t>> serviceFields;  // `servizio dal X al Y`: staff fields
  std::vector<const ast::Indicator*> indicators;
  std::vector<ProfileInfo> profiles;
  std::vector<ObjectiveInfo> objectives;
  std::vector<CatalogueInfo> catalogues;
  std::vector<ProvaInfo> prove;
  std::vector<FundInfo> funds;
  std::vector<RoleInfo> roles;
  std::vector<RequirementInfo> requirements;
};

// Checks `program`, reporting every problem into `diags`. Returns the
// checked program only if no error was reported.
std::optional<Checked> check(const ast::Program& program, Diagnostics& diags);

}  // namespace misura::sema
