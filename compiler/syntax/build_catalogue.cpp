// Builder: behaviour catalogues (`comportamenti per ...`).
#include "compiler/syntax/builder.h"

namespace misura::syntax {

ast::Catalogue Builder::catalogue(P::DichComportamentiContext* ctx) {
  ast::Catalogue c;
  c.profiles = idents(ctx->nome());
  for (P::VoceCatalogoContext* item : ctx->voceCatalogo()) catalogueItem(c, item);
  c.span = span(ctx);
  return c;
}

void Builder::catalogueItem(ast::Catalogue& c, P::VoceCatalogoContext* ctx) {
  if (scoringCatalogueItem(c, ctx)) return;
  if (auto* s = dynamic_cast<P::ScalaContext*>(ctx)) {
    c.scales.push_back(ast::Scale{number(s->NUMERO(0)), number(s->NUMERO(1)), {}, span(s)});
  } else if (auto* l = dynamic_cast<P::ScalaLivelliContext*>(ctx)) {
    ast::Scale scale{Rational(), Rational(), {}, span(l)};
    for (P::LivelloContext* level : l->livello()) scale.levels.emplace_back(text(level->TESTO()), number(level->NUMERO()));
    c.scales.push_back(std::move(scale));
  } else if (auto* v = dynamic_cast<P::VotiContext*>(ctx)) {
    c.ratings.push_back(ast::RatingSource{ident(v->nome(0)), ident(v->nome(1)), span(v)});
  } else if (auto* b = dynamic_cast<P::ComportamentoContext*>(ctx)) {
    c.items.push_back(ast::BehaviourItem{code(b->codice()), text(b->TESTO()), number(b->NUMERO()),
                                         span(b->NUMERO()), themes(b->temi()), span(b)});
  }
}

}  // namespace misura::syntax
