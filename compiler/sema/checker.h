// The checker's private state, shared by the check_*.cpp files. One Checker
// checks one program; it fills a Checked and reports into Diagnostics.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "compiler/sema/checked.h"
#include "compiler/support/diagnostics.h"

namespace misura::sema {

// Where an expression is checked decides which names it can see.
struct Scope {
  enum class Kind {
    Indicator,      // an indicator's body: its parameters
    Person,         // `assegnato a personale dove`, component expressions: staff fields
    ProfileResult,  // `premio`: staff fields, components, totale, fascia
    MeasureArg,     // arguments of `misura`: constants and `termine`
    FundQuota,      // a fund's `quota`: staff fields, totale, fascia
    Measured,       // `misura ... su ESPRESSIONE`: staff fields, `termine`, keyed-table cells, aggregates
    FundAmount,     // a fund's `importo = ...`: no person; lookups by explicit key, aggregates
  };
  Kind kind;
  const ast::Indicator* indicator = nullptr;
  uint32_t profile = 0;
  const ObjectiveInfo* objective = nullptr;
  bool esiti = false;  // `esito(CODICE)` allowed: `premio`, `= espressione` components of `profile`, fund quotas
  const ast::Function* function = nullptr;  // Kind::Indicator with a `funzione`'s body: its parameters
  bool votes = false;  // Kind::Indicator with a catalogue's `punteggio`: `voto`, `peso`
  // `dove` / `titolo` of `obiettivi da T`: a lookup in T reads the row being
  // read, whatever its key (a register keyed by matricola too).
  std::optional<uint32_t> rowTable = std::nullopt;
};

// The aggregate called `name` (conta, somma, media, media_ponderata), if it is one.
std::optional<AggregateFn> aggregateFn(const std::string& name);

class Checker {
 public:
  Checker(const ast::Program& program, Diagnostics& diags);
  std::optional<Checked> run();

 private:
  // check.cpp
  void checkHeader();
  // Name -> index of a list of declarations, reporting repeated names.
  template <typename Decl, typename NameOf>
  std::map<std::string, uint32_t> indexNames(const std::vector<Decl>& decls, NameOf nameOf, const char* what) {
    std::map<std::string, uint32_t> index;
    for (uint32_t i = 0; i < decls.size(); ++i) {
      const ast::Ident& id = nameOf(decls[i]);
      auto [it, inserted] = index.emplace(id.name, i);
      if (!inserted) duplicate(what, id, nameOf(decls[it->second]).span);
    }
    return index;
  }
  void duplicate(const char* what, const ast::Ident& again, Span first);
  // E0805: the same name in two files (the regolamento and a module, or two modules).
  void duplicateAcrossFiles(const char* what, const ast::Ident& again, Span first);
  // "nel regolamento", "nel modulo «legge.x»".
  std::string origin(FileId file) const;
  // The hint for a name declared only by a module not in force, or empty.
  std::string notApplied(const std::string& name) const;
  // E0206 "<what> «x» non dichiarato", with the closest name of `index`.
  void undeclared(const char* what, const ast::Ident& name, const std::map<std::string, uint32_t>& index);
  // check_data.cpp
  void checkDatasets();
  void checkStaff(const ast::Dataset& staff);
  void checkTable(const ast::Dataset& table);
  void checkFileOptions(const ast::Dataset& d);
  std::optional<KeyRole> otherKeyRole(const ast::Ident& k, uint32_t& staffField);
  std::optional<FieldRef> resolveField(const ast::Ident& dataset, const ast::Ident& field, Span span);
  // check_staff_files.cpp: several `personale da` blocks and computed staff fields.
  const ast::Dataset* mergeStaffFiles(const std::vector<const ast::Dataset*>& blocks);
  void checkDerivedFields();
  void checkStaffFilesAgree();
  Type staffFieldType(uint32_t field) const;  // declared, or of the computed value
  // `controlla CONDIZIONE "messaggio"` of a staff block (no table) or of data table `table`.
  void checkRowChecks(const ast::Dataset& d, std::optional<uint32_t> table);
  // check_field_rules.cpp: `colonna`, the values a field admits, wide sheets, `unico`.
  void checkFieldRules(const ast::Dataset& d);
  void checkWide(const ast::Dataset& d, DatasetInfo& info);
  void checkWideCodes();
  void checkUnique(const ast::Dataset& d);
  // check_expr.cpp
  Type expr(const ast::Expr& e, const Scope& scope);
  Type name(const ast::Expr& e, const ast::NameRef& ref, const Scope& scope);
  Type call(const ast::Expr& e, const ast::Call& c, const Scope& scope);
  Type binary(const ast::Expr& e, const ast::Binary& b, const Scope& scope);
  Type conditional(const ast::Expr& e, const ast::If& i, const Scope& scope);
  // check_steps.cpp: `scaglioni X { ... }`.
  Type steps(const ast::Expr& e, const ast::Steps& s, const Scope& scope);
  void checkStepsShape(const ast::Expr& e, const ast::Steps& s);
  void checkStepsOrder(const ast::Steps& s);
  void expectType(const ast::Expr& e, Type actual, Type expected, const char* where);
  std::vector<std::string> namesInScope(const Scope& scope) const;
  // check_service.cpp: the service period and the part-year rules.
  void checkService(const ast::Dataset& staff);
  std::optional<uint32_t> serviceField(const ast::Ident& name);
  void checkProfileTime(uint32_t index);
  void checkPeriods(const ast::Assignment& a);
  // giorni_anno / giorni_servizio written as names (check_expr.cpp).
  std::optional<Type> calendarName(const ast::Expr& e, const std::string& n, const Scope& scope);
  // check_indicator.cpp
  void checkIndicators();
  // check_profile.cpp
  void checkProfiles();
  void checkComponents(uint32_t index);
  void checkBands(uint32_t index);
  void checkPremio(uint32_t index);
  // check_objective.cpp
  void checkObjectives();
  ObjectiveInfo checkObjective(const ast::Objective& o);
  void checkObjectiveTemplate(const ast::ObjectiveTemplate& t);
  bool templateMayApply(uint32_t profile, uint32_t component) const;
  void addResultsTable();
  void noSuchField(uint32_t table, const ast::Ident& field, const std::vector<std::string>& names);
  void undeclaredTable(const ast::Ident& table);
  bool resultsReadable(const ast::Expr& e, const Scope& scope);
  // check_measure.cpp: the `misura` line and the cells of keyed tables it reads.
  void checkMeasure(ObjectiveInfo& info, const ast::Measure& m);
  void checkMeasuredField(ObjectiveInfo& info, const ast::Measure& m, const ast::NameRef& ref);
  void checkMeasuredExpr(ObjectiveInfo& info, const ast::Measure& m);
  Type cell(const ast::Expr& e, const ast::NameRef& ref);
  Type deadlineRef(const ast::Expr& e, const Scope& scope);
  void checkDeadline(ObjectiveInfo& info, const ast::Deadline& d);
  void checkYears(ObjectiveInfo& info, const ast::EvaluatedYears& y);
  // check_phases.cpp: `fasi { ... }` of an objective and the `fase` key of its table.
  void checkPhases(ObjectiveInfo& info, const ast::Phases& phases);
  void checkPhaseKey(const ObjectiveInfo& info, const DatasetInfo& ds, const ast::Ident& table);
  void checkAssignment(ObjectiveInfo& info, const ast::Assignment& a);
  // check_weight.cpp: `peso N` and `peso N per ...`.
  void checkWeights(ObjectiveInfo& info, const ast::Objective& o);
  std::vector<uint32_t> resolveProfiles(const std::vector<ast::Ident>& names, bool needsObjectives = true);
  void checkStaticWeights();
  // check_catalogue.cpp
  void checkLevels(const ast::Scale& scale, CatalogueInfo& info);
  void checkCatalogues();
  // check_prova.cpp
  void checkProve();
  // check_requisito.cpp: legal requirements, roles and themes.
  void checkRequirements();
  void checkRequirement(const ast::Requirement& r);
  void checkDemand(const ast::Requirement& r, const ast::Demand& d);
  void checkRoles();
  void checkThemes();
  void checkStatements();
  std::map<std::string, uint32_t> roleIndex_;
  // check_fund.cpp
  void checkFunds();
  // check_fund_bonus.cpp: the art. 81 maggiorazione of a fund.
  void checkFundBonus(const ast::Fund& f, FundInfo& info);
  // check_fund_scheme.cpp: unit quota, cap per person, budget lines.
  void checkFundSchemes(const std::map<std::string, uint32_t>& index);
  bool budgetFund(const std::string& name) const;
  void checkRoleCondition(const ast::Role& r);
  // check_premio_parts.cpp: `parte ...` of a profile.
  void checkPremioParts(const std::map<std::string, uint32_t>& fundIndex);
  bool partFund(const std::string& name) const;
  // check_ranking.cpp: `graduatoria` and the ordering keys (E0900-E0929).
  void checkRankings();
  void checkRanking(const ast::Ranking& r);
  std::vector<SortKeyInfo> checkSortKeys(const std::vector<ast::SortKey>& keys, const std::vector<uint32_t>& profiles);
  void checkPlaces(const ast::Places& p);
  void checkFundRanking(const ast::Fund& f, FundInfo& info);
  void checkDeclaredBonus(const ast::FundBonus& b);
  std::map<std::string, uint32_t> rankingIndex_;
  // check_aggregate.cpp: `conta`, `somma`, `media`, `media_ponderata` over a record table.
  Type aggregate(const ast::Expr& e, const ast::Call& c, AggregateFn fn, const Scope& scope);
  Type aggregateParts(const ast::Call& c, AggregateFn fn, const Scope& scope);
  std::optional<Type> rowField(const ast::Expr& e, const ast::NameRef& ref);
  std::optional<uint32_t> rows_;  // inside an aggregate: the record table whose fields are in scope
  // check_lookup.cpp: qualified names, lookups on keyed tables, shadowing.
  std::optional<Type> qualified(const ast::Expr& e, const ast::NameRef& ref, const Scope& scope);
  Type lookup(const ast::Expr& e, const ast::NameRef& ref, const Scope& scope);
  bool visibleOutsideRows(const std::string& n, const Scope& scope) const;
  void checkSelfComparison(const ast::Expr& e, const ast::Binary& b);
  bool sameExpr(const ast::Expr& a, const ast::Expr& b) const;
  void checkFundAmount(const ast::Fund& f, FundInfo& info);
  void checkFundUnitQuota(const ast::Fund& f, FundInfo& info);
  void checkWeightExpr(ObjectiveInfo& info, const ast::Weight& w);
  // check_esito.cpp: `esito(CODICE)` is typed at once, resolved once the
  // objectives are known (they are checked after the profiles).
  Type esitoCall(const ast::Expr& e, const ast::Call& c, const Scope& scope);
  void checkEsiti();  // resolves (and clears) the pending ones
  struct PendingEsito {
    const ast::Expr* expr;
    ast::Ident code;  // `esito(OB1)`, or `esito("AG-1")` (quoted)
    std::optional<uint32_t> profile;  // absent in a fund's quota (any profile drawing from it)
  };
  std::vector<PendingEsito> pendingEsiti_;

  // check_scoring.cpp: docs/linguaggio.md § 5 and § 9.
  void indexScoringNames();
  void checkComponentOptions(uint32_t profile);
  void checkObjectiveScoring(ObjectiveInfo& info, const ast::Objective& o);
  bool weightOptional(const ObjectiveInfo& info) const;
  void checkCatalogueScoring(CatalogueInfo& info);
  void checkValuesAndFunctions();
  Type valueType(uint32_t index, Span use);
  Type functionType(uint32_t index, Span use);
  std::optional<Type> scoringName(const ast::Expr& e, const std::string& n, const Scope& scope);
  std::optional<Type> functionCall(const ast::Expr& e, const ast::Call& c, const Scope& scope);
  Type fold(const ast::Expr& e, const ast::ObjectiveFold& f, const Scope& scope);
  std::optional<Type> roundingCall(const ast::Expr& e, const ast::Call& c, const Scope& scope);
  // The `da obiettivi` components of `profile` and the one objective `o` counts in (none: reported or premio-only).
  std::vector<uint32_t> objectiveComponents(uint32_t profile) const;
  std::optional<uint32_t> componentOf(const ObjectiveInfo& o, uint32_t profile) const;
  std::map<std::string, uint32_t> valueIndex_, functionIndex_;
  enum class DefState : uint8_t { Unchecked, InProgress, Done };
  std::vector<DefState> valueState_, functionState_;
  bool inFold_ = false;

  bool hasObjectivesComponent(uint32_t profile) const;
  const ast::Component* componentFrom(uint32_t profile, ast::ComponentSource source) const;

  const ast::Program& program_;
  Diagnostics& diags_;
  Checked out_;
  std::map<std::string, uint32_t> datasetIndex_;     // by name; the staff list is "personale"
  std::map<std::string, uint32_t> staffFields_;
  std::map<std::string, uint32_t> indicatorIndex_;
  std::map<std::string, uint32_t> profileIndex_;
  std::map<std::string, uint32_t> objectiveIndex_;
};

}  // namespace misura::sema
