// Builder: bonus funds (`fondo`).
#include "compiler/syntax/builder.h"

namespace misura::syntax {

ast::Fund Builder::fund(P::DichFondoContext* ctx) {
  ast::Fund f;
  f.name = ident(ctx->nome());
  f.title = optionalText(ctx->TESTO());
  f.span = span(ctx);
  for (P::VoceFondoContext* item : fundItems(ctx, "fondo " + f.name.name)) {
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
    } else if (auto* u = dynamic_cast<P::QuotaUnitariaContext*>(item)) {
      f.unitQuotas.emplace_back(number(u->NUMERO()), span(u));
    } else if (auto* u = dynamic_cast<P::QuotaUnitariaCalcolataContext*>(item)) {
      f.unitQuotaExprs.push_back(expr(u->espr()));
    } else if (auto* c = dynamic_cast<P::MassimoFondoContext*>(item)) {
      f.caps.emplace_back(number(c->NUMERO()), span(c));
    } else if (auto* v = dynamic_cast<P::MaggiorazioneVincitoriContext*>(item)) {
      ast::FundBonus b{number(v->NUMERO()), span(v->NUMERO()), Rational(), Span{}, span(v)};
      b.ranking = ident(v->nome());
      f.bonuses.push_back(std::move(b));
    } else if (auto* v = dynamic_cast<P::MaggiorazioneDichiarataContext*>(item)) {
      ast::FundBonus b{number(v->NUMERO()), span(v->NUMERO()), Rational(), Span{}, span(v)};
      b.ranking = ident(v->nome());
      b.declared = true;
      for (P::VoceMaggiorazioneContext* line : v->voceMaggiorazione()) {
        if (dynamic_cast<P::BasePremioMedioContext*>(line)) b.bases.emplace_back(ast::BonusBase::PremioMedio, span(line));
        else if (dynamic_cast<P::BaseImportoDivisoValutatiContext*>(line))
          b.bases.emplace_back(ast::BonusBase::ImportoDivisoValutati, span(line));
        else if (auto* r = dynamic_cast<P::MaggiorazioneArrotondataContext*>(line)) {
          ast::RoundingMode mode = ast::RoundingMode::MezzoInSu;
          P::ModoArrotondamentoContext* m = r->modoArrotondamento();
          if (dynamic_cast<P::PerDifettoContext*>(m)) mode = ast::RoundingMode::PerDifetto;
          if (dynamic_cast<P::PerEccessoContext*>(m)) mode = ast::RoundingMode::PerEccesso;
          if (dynamic_cast<P::AlPariContext*>(m)) mode = ast::RoundingMode::AlPari;
          b.roundings.emplace_back(mode, span(line));
        } else if (dynamic_cast<P::InAggiuntaAlFondoContext*>(line)) b.onTop.emplace_back(true, span(line));
        else if (dynamic_cast<P::ACaricoDelFondoContext*>(line)) b.onTop.emplace_back(false, span(line));
      }
      f.bonuses.push_back(std::move(b));
    } else if (auto* t = dynamic_cast<P::ParitaFondoContext*>(item)) {
      f.tieKeys.push_back(sortKeys(t->chiaveOrdine()));
      f.tieSpans.push_back(span(t));
    }
  }
  return f;
}

}  // namespace misura::syntax
