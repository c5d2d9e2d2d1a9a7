// Builder: the scoring constructs of docs/linguaggio.md § 5 and § 9 —
// component options (`con pesi relativi`, `a pari peso`, `arrotondato`),
// an objective's component, `solo per il premio` and `quota`, catalogue
// vote steps and `punteggio`, `valore` and `funzione` declarations, the fold
// `somma per ogni obiettivo (...)` and `arrotonda(x, n, modo)`.
#include "compiler/syntax/builder.h"

namespace misura::syntax {

ast::RoundingMode Builder::roundingMode(P::ModoArrotondamentoContext* mode) {
  if (dynamic_cast<P::PerDifettoContext*>(mode)) return ast::RoundingMode::PerDifetto;
  if (dynamic_cast<P::PerEccessoContext*>(mode)) return ast::RoundingMode::PerEccesso;
  if (dynamic_cast<P::AlPariContext*>(mode)) return ast::RoundingMode::AlPari;
  return ast::RoundingMode::MezzoInSu;
}

void Builder::componentOption(ast::Component& c, P::PesiComponenteContext* ctx) {
  if (dynamic_cast<P::PesiRelativiContext*>(ctx)) c.relativeWeights.push_back(span(ctx));
  else if (dynamic_cast<P::PariPesoContext*>(ctx)) c.equalWeights.push_back(span(ctx));
}

bool Builder::scoringObjectiveItem(ast::Objective& o, P::VoceObiettivoContext* ctx) {
  if (auto* c = dynamic_cast<P::ComponenteObiettivoContext*>(ctx)) {
    o.components.push_back(ident(c->nome()));
    return true;
  }
  if (dynamic_cast<P::SoloPremioContext*>(ctx)) {
    o.premioOnly.push_back(span(ctx));
    return true;
  }
  if (auto* c = dynamic_cast<P::QuotaObiettivoContext*>(ctx)) {
    o.quotas.emplace_back(number(c->NUMERO()), span(ctx));
    return true;
  }
  return false;
}

bool Builder::scoringCatalogueItem(ast::Catalogue& c, P::VoceCatalogoContext* ctx) {
  if (dynamic_cast<P::VotiInteriContext*>(ctx)) {
    c.wholeVotes.push_back(span(ctx));
    return true;
  }
  if (dynamic_cast<P::VotiMezziContext*>(ctx)) {
    c.halfVotes.push_back(span(ctx));
    return true;
  }
  if (auto* p = dynamic_cast<P::PunteggioContext*>(ctx)) {
    c.points.push_back(expr(p->espr()));
    return true;
  }
  return false;
}

bool Builder::scoringDeclaration(ast::Program& p, P::DichiarazioneContext* ctx) {
  if (auto* c = dynamic_cast<P::DichValoreContext*>(ctx)) {
    p.values.push_back(ast::NamedValue{ident(c->nome()), expr(c->espr()), span(ctx)});
    return true;
  }
  if (auto* c = dynamic_cast<P::DichFunzioneContext*>(ctx)) {
    ast::Function f;
    f.name = ident(c->nome());
    for (P::ParametroContext* param : c->parametro()) f.params.push_back(this->param(param));
    f.body = expr(c->espr());
    f.span = span(ctx);
    p.functions.push_back(std::move(f));
    return true;
  }
  return false;
}

ast::ExprPtr Builder::scoringExpr(P::EsprContext* ctx, int depth) {
  if (auto* c = dynamic_cast<P::SommaObiettiviContext*>(ctx))
    return make(span(ctx), ast::ObjectiveFold{expr(c->espr(), depth + 1)});
  return nullptr;
}

}  // namespace misura::syntax
