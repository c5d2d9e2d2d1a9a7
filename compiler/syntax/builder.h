// The ANTLR parse tree -> AST builder. Runs only on a tree without syntax
// errors (so every child the grammar requires is there); it still reports
// what only the tree shows: years and decimal counts that are not small
// integers (E0103), expressions nested too deeply (E0105) and items a
// declaration may hold only once (E0107).
//
// One method per grammar rule, grouped by area: build_common.cpp (names,
// texts, numbers, types, rounding), build_decl.cpp (ente, anno, data sets,
// indicators), build_module.cpp (module header, `usa`, `vigente`), build_profile.cpp, build_objective.cpp, build_catalogue.cpp,
// build_prova.cpp, build_expr.cpp.
#pragma once

#include <string>
#include <vector>

#include "MisuraParser.h"
#include "compiler/ast/ast.h"
#include "compiler/syntax/parse.h"
#include "compiler/syntax/sink.h"
#include "compiler/syntax/source_map.h"

namespace misura::syntax {

using P = gen::MisuraParser;

class Builder {
 public:
  // Expression ids continue from `firstId` (the program's nodeCount).
  Builder(const SourceMap& map, SyntaxSink& sink, ast::NodeId firstId = 0)
      : map_(map), sink_(sink), nextId_(firstId) {}

  // Appends the file to `into`: its unit, and its declarations if `keep`
  // (when given) accepts the unit. See parse.h, parseInto.
  void program(ast::Program& into, P::ProgrammaContext* ctx, const KeepDeclarations& keep);

 private:
  // build_common.cpp
  Span span(antlr4::ParserRuleContext* ctx) const { return map_.span(ctx); }
  Span span(antlr4::tree::TerminalNode* node) const { return map_.span(node); }
  Span span(antlr4::Token* token) const { return map_.span(token); }
  std::string_view source(antlr4::Token* token) const { return map_.text(token); }
  std::string_view source(antlr4::tree::TerminalNode* node) const { return map_.text(span(node)); }
  ast::Ident ident(P::NomeContext* ctx) const;
  ast::Ident code(P::CodiceContext* ctx) const;  // a name, or a quoted code ("AG-1")
  std::vector<ast::Ident> idents(const std::vector<P::NomeContext*>& ctxs) const;
  ast::Text text(antlr4::tree::TerminalNode* node) const;
  std::optional<ast::Text> optionalText(antlr4::tree::TerminalNode* node) const;
  Rational number(antlr4::tree::TerminalNode* node);
  Date date(antlr4::tree::TerminalNode* node);
  ast::TypeName typeName(P::TipoContext* ctx) const;
  ast::Rounding rounding(P::ArrotondamentoContext* ctx);
  void repeated(Span again, Span first, std::string message);

  // build_module.cpp
  ast::SourceFile sourceFile(P::ProgrammaContext* ctx);
  ast::ModuleHeader moduleHeader(P::IntestazioneModuloContext* ctx);
  ast::Use use(P::DichUsaContext* ctx);
  std::string moduleName(P::NomeModuloContext* ctx) const;
  std::optional<ast::Validity> validity(P::VigenzaContext* ctx);
  static P::NomeContext* declaredName(P::DichiarazioneContext* ctx);

  // build_decl.cpp
  void declaration(ast::Program& p, P::DichiarazioneContext* ctx);
  void year(ast::Program& p, P::DichAnnoContext* ctx);
  ast::Dataset staffList(P::DichPersonaleContext* ctx);
  ast::Dataset dataset(P::DichDatiContext* ctx);
  void fileOptions(ast::Dataset& d, const std::vector<P::OpzioneFileContext*>& options);
  ast::Field field(P::CampoContext* ctx);
  void fieldProperty(ast::Field& f, P::ProprietaCampoContext* ctx);
  ast::RowCheck rowCheck(P::ControlloContext* ctx);
  ast::FieldBound bound(P::LimiteContext* ctx, antlr4::Token* exclusive);
  ast::Indicator indicator(P::DichIndicatoreContext* ctx);
  ast::Param param(P::ParametroContext* ctx) const;

  // build_profile.cpp
  ast::Profile profile(P::DichProfiloContext* ctx);
  void profileItem(ast::Profile& p, P::VoceProfiloContext* ctx);
  void premio(ast::Profile& p, P::PremioContext* ctx);
  void premioFromFund(ast::Profile& p, P::PremioDaFondoContext* ctx);
  bool premioRepeated(const ast::Profile& p, Span again);
  ast::Component component(P::ComponenteContext* ctx);
  ast::Band band(P::FasciaContext* ctx);

  // build_objective.cpp
  ast::Objective objective(P::DichObiettivoContext* ctx);
  ast::ObjectiveTemplate objectiveTemplate(P::DichObiettiviDaDatiContext* ctx);
  void objectiveItem(ast::Objective& o, P::VoceObiettivoContext* ctx);
  ast::Assignment assignment(P::AssegnatoContext* ctx);
  ast::Period period(P::PeriodoContext* ctx);
  ast::Assignment assignment(P::AssegnazioneContext* what, antlr4::ParserRuleContext* line);
  ast::Weight weight(P::PesoContext* ctx);
  ast::Deadline deadline(P::TermineContext* ctx);
  ast::Measure measure(P::MisuraContext* ctx);
  ast::OnMissing onMissing(P::SeNonRilevatoContext* ctx);
  ast::EvaluatedYears evaluatedIn(P::ValutatoNelContext* ctx);
  ast::Phases phases(P::FasiContext* ctx);

  // build_scoring.cpp: component options, `valore`, `funzione`, folds, `arrotonda(x, n, modo)`.
  void componentOption(ast::Component& c, P::PesiComponenteContext* ctx);
  bool scoringObjectiveItem(ast::Objective& o, P::VoceObiettivoContext* ctx);
  bool scoringCatalogueItem(ast::Catalogue& c, P::VoceCatalogoContext* ctx);
  bool scoringDeclaration(ast::Program& p, P::DichiarazioneContext* ctx);
  ast::ExprPtr scoringExpr(P::EsprContext* ctx, int depth);
  static ast::RoundingMode roundingMode(P::ModoArrotondamentoContext* mode);

  // build_fund.cpp
  ast::Fund fund(P::DichFondoContext* ctx);

  // build_ranking.cpp: `graduatoria` and the ordering keys (also `a parità ordine` of a fund).
  ast::Ranking ranking(P::DichGraduatoriaContext* ctx);
  ast::Places places(P::PostiGraduatoriaContext* ctx);
  ast::SortKey sortKey(P::ChiaveOrdineContext* ctx);
  std::vector<ast::SortKey> sortKeys(const std::vector<P::ChiaveOrdineContext*>& ctxs);

  // build_prova.cpp
  ast::Prova prova(P::DichProvaContext* ctx);
  void provaItem(ast::Prova& p, P::VoceProvaContext* ctx);
  ast::Expectation expectation(P::AttesaContext* ctx);

  // build_requisito.cpp: legal requirements, roles, themes, validity.
  ast::Requirement requirement(P::DichRequisitoContext* ctx);
  void requirementItem(ast::Requirement& r, P::VoceRequisitoContext* ctx);
  ast::Demand demand(P::RichiestaContext* ctx);
  std::optional<ast::ShareThreshold> threshold(P::SogliaPesoContext* ctx);
  ast::Role role(P::DichRuoloContext* ctx);
  std::vector<ast::Ident> themes(P::TemiContext* ctx) const;

  // build_dated.cpp: dated clauses (`dal 2024: ...`). A Clause is one item
  // of a block (or a declaration) with its prefix, if any.
  struct Clause {
    antlr4::ParserRuleContext* whole = nullptr;  // as written, prefix included
    antlr4::ParserRuleContext* item = nullptr;   // without the prefix
    P::ClausolaTempoContext* when = nullptr;     // null: always
    std::optional<misura::Period> period;        // of `when`, if valid
    std::string key;  // what the item sets; clauses with the same non-empty key may not overlap
  };
  void evaluationYear(const ast::Program& into, P::ProgrammaContext* ctx);
  void prefix(Clause& c, P::ClausolaTempoContext* when);
  std::optional<misura::Period> clausePeriod(P::ClausolaTempoContext* ctx);
  // Checks the clauses of one block (E0370-E0373) and returns the items to
  // build: the undated ones and those that apply in the evaluation year.
  std::vector<antlr4::ParserRuleContext*> inForce(const std::vector<Clause>& clauses, const std::string& block,
                                                  const std::vector<std::string>& required);
  // The items of one block with their prefixes peeled off (Dated: the
  // grammar's `clausolaTempo ':' item` alternative), filtered by inForce.
  template <class Dated, class Item, class Unwrap>
  std::vector<Item*> datedItems(const std::vector<Item*>& items, Unwrap unwrap, std::string (*keyOf)(Item*),
                                const std::string& block, const std::vector<std::string>& required);
  std::vector<P::VoceProfiloContext*> profileItems(P::DichProfiloContext* ctx, const std::string& block);
  std::vector<P::VoceObiettivoContext*> objectiveItems(const std::vector<P::VoceObiettivoContext*>& items,
                                                       const std::string& block);
  std::vector<P::VoceFondoContext*> fundItems(P::DichFondoContext* ctx, const std::string& block);
  std::vector<P::DichiarazioneContext*> declarations(P::ProgrammaContext* ctx);
  std::string oneLine(antlr4::ParserRuleContext* ctx) const;

  // build_catalogue.cpp
  ast::Catalogue catalogue(P::DichComportamentiContext* ctx);
  void catalogueItem(ast::Catalogue& c, P::VoceCatalogoContext* ctx);

  // build_expr.cpp; `depth` counts the enclosing expressions, this one included.
  ast::ExprPtr expr(P::EsprContext* ctx, int depth = 1);
  ast::ExprPtr operation(P::EsprContext* ctx, int depth);
  ast::ExprPtr literal(P::EsprContext* ctx);
  std::vector<ast::ExprPtr> exprs(const std::vector<P::EsprContext*>& ctxs, int depth);
  ast::ExprPtr binary(P::EsprContext* ctx, ast::BinaryOp op, P::EsprContext* lhs, P::EsprContext* rhs,
                      int depth);
  ast::ExprPtr make(Span span, decltype(ast::Expr::node) node);
  ast::ExprPtr steps(P::ScaglioniContext* ctx, int depth);
  ast::StepLine stepLine(P::ScaglioneContext* ctx);
  ast::ExprPtr number(P::RisultatoContext* ctx);
  ast::ExprPtr threshold(P::SogliaContext* ctx);
  ast::ExprPtr tooDeep(P::EsprContext* ctx);

  const SourceMap& map_;
  SyntaxSink& sink_;
  ast::NodeId nextId_ = 0;
  bool reportedTooDeep_ = false;
  ast::Program* into_ = nullptr;  // the program being built (dated clauses are recorded there)
  std::optional<int> year_;       // the evaluation year, for dated clauses
};

}  // namespace misura::syntax
