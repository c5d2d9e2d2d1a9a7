// Builder: rankings (`graduatoria`) and the ordering keys shared with funds
// (`a parità ordine ...`).
#include "compiler/syntax/builder.h"

namespace misura::syntax {

namespace {

ast::SortDirection direction(antlr4::Token* verso) {
  if (verso == nullptr) return ast::SortDirection::NonDetta;
  return verso->getText() == "crescente" ? ast::SortDirection::Crescente : ast::SortDirection::Decrescente;
}

}  // namespace

ast::SortKey Builder::sortKey(P::ChiaveOrdineContext* ctx) {
  ast::SortKey k;
  if (auto* c = dynamic_cast<P::ChiaveComponenteContext*>(ctx)) {
    k.component = ident(c->nome());
    k.direction = direction(c->verso);
  } else if (auto* c = dynamic_cast<P::ChiaveEspressioneContext*>(ctx)) {
    k.expr = expr(c->espr());
    k.direction = direction(c->verso);
    k.missingLast = c->inFondo != nullptr;
  }
  k.span = span(ctx);
  return k;
}

std::vector<ast::SortKey> Builder::sortKeys(const std::vector<P::ChiaveOrdineContext*>& ctxs) {
  std::vector<ast::SortKey> out;
  for (P::ChiaveOrdineContext* c : ctxs) out.push_back(sortKey(c));
  return out;
}

ast::Places Builder::places(P::PostiGraduatoriaContext* ctx) {
  ast::Places p;
  p.value = number(ctx->NUMERO(0));
  p.valueSpan = span(ctx->NUMERO(0));
  p.percent = ctx->percento != nullptr;
  if (P::ConcorrentiContext* c = ctx->concorrenti()) p.ofAll = span(c);
  if (P::ConteggioContext* c = ctx->conteggio()) {
    p.roundingSpan = span(c);
    if (dynamic_cast<P::ContaPerDifettoContext*>(c)) p.rounding = ast::CountRounding::PerDifetto;
    else if (dynamic_cast<P::ContaPerEccessoContext*>(c)) p.rounding = ast::CountRounding::PerEccesso;
    else if (auto* n = dynamic_cast<P::ContaAlPiuVicinoContext*>(c)) {
      if (n->meta == nullptr) p.rounding = ast::CountRounding::AlPiuVicino;
      else if (n->meta->getText() == "difetto") p.rounding = ast::CountRounding::AlPiuVicinoMetaPerDifetto;
      else p.rounding = ast::CountRounding::AlPiuVicinoMetaPerEccesso;
    }
  }
  if (ctx->minimo != nullptr) {
    p.minimum = number(ctx->NUMERO(1));
    p.minimumSpan = span(ctx->NUMERO(1));
  }
  p.span = span(ctx);
  return p;
}

ast::Ranking Builder::ranking(P::DichGraduatoriaContext* ctx) {
  ast::Ranking r;
  r.name = ident(ctx->nome());
  r.title = optionalText(ctx->TESTO());
  r.span = span(ctx);
  for (P::VoceGraduatoriaContext* item : ctx->voceGraduatoria()) {
    if (auto* c = dynamic_cast<P::TraGraduatoriaContext*>(item)) {
      r.among.push_back(assignment(c->assegnazione(), c));
    } else if (auto* c = dynamic_cast<P::AmmessiGraduatoriaContext*>(item)) {
      r.admitted.push_back(expr(c->espr()));
    } else if (auto* c = dynamic_cast<P::EsclusoGraduatoriaContext*>(item)) {
      r.exclusions.emplace_back(expr(c->espr()), text(c->TESTO()));
    } else if (auto* c = dynamic_cast<P::TemaGraduatoriaContext*>(item)) {
      for (ast::Ident& t : themes(c->temi())) r.themes.push_back(std::move(t));
    } else if (dynamic_cast<P::CompresiNonValutatiContext*>(item)) {
      r.withNotEvaluated.push_back(span(item));
    } else if (auto* c = dynamic_cast<P::OrdineGraduatoriaContext*>(item)) {
      r.orders.push_back(sortKeys(c->chiaveOrdine()));
      r.orderSpans.push_back(span(c));
    } else if (auto* c = dynamic_cast<P::GruppiGraduatoriaContext*>(item)) {
      r.groups.push_back(expr(c->espr()));
    } else if (auto* c = dynamic_cast<P::PostiGraduatoriaContext*>(item)) {
      r.places.push_back(places(c));
    }
  }
  return r;
}

}  // namespace misura::syntax
