// Builder: bonus funds (`fondo`).
#include "compiler/syntax/builder.h"

namespace misura::syntax {

ast::Fund Builder::fund(P::DichFondoContext* ctx) {
  ast::Fund f;
  f.name = ident(ctx->nome());
  f.title = optionalText(ctx->TESTO());
  f.span = span(ctx);
  for (P::VoceFondoContext* item : ctx->voceFondo()) {
    if (auto* a = dynamic_cast<P::ImportoFondoContext*>(item)) {
      f.amounts.emplace_back(number(a->NUMERO()), span(a));
    } else if (auto* a = dynamic_cast<P::ImportoFondoCalcolatoContext*>(item)) {
      f.amountExprs.push_back(expr(a->espr()));
    } else if (auto* q = dynamic_cast<P::QuotaFondoContext*>(item)) {
      f.quotas.push_back(expr(q->espr()));
    } else if (auto* r = dynamic_cast<P::RipartizioneContext*>(item)) {
      bool truncate = dynamic_cast<P::RipartizionePerDifettoContext*>(r->modoRipartizione()) != nullptr;
      f.splits.emplace_back(truncate ? ast::FundSplit::PerDifetto : ast::FundSplit::AlCentesimo, span(r));
    } else if (auto* m = dynamic_cast<P::MaggiorazioneFondoContext*>(item)) {
      f.bonuses.push_back(ast::FundBonus{number(m->NUMERO(0)), span(m->NUMERO(0)), number(m->NUMERO(1)), span(m->NUMERO(1)), span(m)});
    }
  }
  return f;
}

}  // namespace misura::syntax
