// Builder: profiles (components, total rounding, bands, premio).
#include <fmt/format.h>

#include "compiler/syntax/builder.h"

namespace misura::syntax {

ast::Profile Builder::profile(P::DichProfiloContext* ctx) {
  ast::Profile p;
  p.name = ident(ctx->nome());
  p.title = optionalText(ctx->TESTO());
  for (P::VoceProfiloContext* item : profileItems(ctx, "profilo " + p.name.name)) profileItem(p, item);
  p.span = span(ctx);
  return p;
}

void Builder::profileItem(ast::Profile& p, P::VoceProfiloContext* ctx) {
  if (auto* c = dynamic_cast<P::ComponenteContext*>(ctx)) {
    p.components.push_back(component(c));
  } else if (auto* c = dynamic_cast<P::TotaleArrotondatoContext*>(ctx)) {
    p.totalRounding.push_back(rounding(c->arrotondamento()));
  } else if (auto* c = dynamic_cast<P::FasceContext*>(ctx)) {
    std::vector<ast::Band> table;
    for (P::FasciaContext* f : c->fascia()) table.push_back(band(f));
    p.bandTables.push_back(std::move(table));
    p.bandTableSpans.push_back(span(c));
  } else if (auto* c = dynamic_cast<P::PremioContext*>(ctx)) {
    premio(p, c);
  } else if (auto* c = dynamic_cast<P::PremioDaFondoContext*>(ctx)) {
    premioFromFund(p, c);
  } else if (auto* c = dynamic_cast<P::NonValutatoContext*>(ctx)) {
    if (p.notEvaluated)
      repeated(span(c), p.notEvaluated->span,
               fmt::format("voce «non valutato» ripetuta nel profilo «{}»", p.name.name));
    else
      p.notEvaluated = text(c->TESTO());
  } else if (auto* c = dynamic_cast<P::NonValutatoSeContext*>(ctx)) {
    p.exclusions.push_back(ast::Exclusion{expr(c->espr()), text(c->TESTO()), span(c)});
  } else if (auto* c = dynamic_cast<P::ParteCalcolataContext*>(ctx)) {
    ast::PremioPart part{ident(c->nome()), optionalText(c->TESTO()), expr(c->espr()), std::nullopt, std::nullopt, span(c)};
    if (P::ArrotondamentoContext* r = c->arrotondamento()) part.rounding = rounding(r);
    p.parts.push_back(std::move(part));
  } else if (auto* c = dynamic_cast<P::ParteDaFondoContext*>(ctx)) {
    p.parts.push_back(ast::PremioPart{ident(c->nome(0)), optionalText(c->TESTO()), nullptr, std::nullopt,
                                      ident(c->nome(1)), span(c)});
  } else if (auto* c = dynamic_cast<P::PremioACaricoContext*>(ctx)) {
    p.premioBudget.push_back(ident(c->nome()));
  } else if (auto* c = dynamic_cast<P::ServizioMinimoContext*>(ctx)) {
    if (p.minService)
      repeated(span(c), p.minService->span,
               fmt::format("voce «servizio minimo» ripetuta nel profilo «{}»", p.name.name));
    else
      p.minService = ast::MinService{number(c->NUMERO()), span(c)};
  }
}

bool Builder::premioRepeated(const ast::Profile& p, Span again) {
  if (!p.premio && !p.premioFund) return false;
  repeated(again, p.premioSpan,
           fmt::format("voce «premio» ripetuta nel profilo «{}»: il premio si calcola in un solo modo", p.name.name));
  return true;
}

void Builder::premioFromFund(ast::Profile& p, P::PremioDaFondoContext* ctx) {
  if (premioRepeated(p, span(ctx))) return;
  p.premioFund = ident(ctx->nome());
  p.premioSpan = span(ctx);
}

void Builder::premio(ast::Profile& p, P::PremioContext* ctx) {
  if (premioRepeated(p, span(ctx))) return;
  p.premio = expr(ctx->espr());
  if (P::ArrotondamentoContext* r = ctx->arrotondamento()) p.premioRounding = rounding(r);
  p.premioSpan = span(ctx);
}

ast::Component Builder::component(P::ComponenteContext* ctx) {
  ast::Component c;
  c.name = ident(ctx->nome());
  c.title = optionalText(ctx->TESTO());
  c.maxPoints = number(ctx->NUMERO());
  c.maxSpan = span(ctx->NUMERO());
  P::FonteComponenteContext* source = ctx->fonteComponente();
  if (dynamic_cast<P::DaComportamentiContext*>(source)) {
    c.source = ast::ComponentSource::Comportamenti;
  } else if (auto* e = dynamic_cast<P::DaEspressioneContext*>(source)) {
    c.source = ast::ComponentSource::Espressione;
    c.expr = expr(e->espr());
  }
  c.themes = themes(ctx->temi());
  for (P::PesiComponenteContext* o : ctx->pesiComponente()) componentOption(c, o);
  for (P::ArrotondamentoContext* r : ctx->arrotondamento()) c.rounding.push_back(rounding(r));
  c.span = span(ctx);
  return c;
}

ast::Band Builder::band(P::FasciaContext* ctx) {
  ast::Band b;
  b.span = span(ctx);
  if (auto* c = dynamic_cast<P::FasciaAltrimentiContext*>(ctx)) {
    b.label = text(c->TESTO());
    b.otherwise = true;
    b.percent = number(c->NUMERO());
    b.percentSpan = Span::cover(span(c->NUMERO()), span(c->stop));
    return b;
  }
  auto* c = static_cast<P::FasciaIntervalloContext*>(ctx);
  std::vector<antlr4::tree::TerminalNode*> numbers = c->NUMERO();  // from, [to,] percent
  b.label = text(c->TESTO());
  b.from = number(numbers.front());
  if (numbers.size() == 3) b.to = number(numbers[1]);
  b.percent = number(numbers.back());
  b.percentSpan = Span::cover(span(numbers.back()), span(c->stop));
  return b;
}

}  // namespace misura::syntax
