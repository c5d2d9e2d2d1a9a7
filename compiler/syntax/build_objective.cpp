// Builder: objectives (assignment, weight, deadline, measure, missing data).
#include "compiler/syntax/builder.h"

namespace misura::syntax {

ast::Objective Builder::objective(P::DichObiettivoContext* ctx) {
  ast::Objective o;
  o.code = ident(ctx->nome());
  o.title = text(ctx->TESTO());
  for (P::VoceObiettivoContext* item : ctx->voceObiettivo()) objectiveItem(o, item);
  o.span = span(ctx);
  return o;
}

void Builder::objectiveItem(ast::Objective& o, P::VoceObiettivoContext* ctx) {
  if (auto* c = dynamic_cast<P::AssegnatoContext*>(ctx)) o.assignments.push_back(assignment(c));
  else if (auto* c = dynamic_cast<P::PesoContext*>(ctx)) o.weights.emplace_back(number(c->NUMERO()), span(c->NUMERO()));
  else if (auto* c = dynamic_cast<P::TermineContext*>(ctx)) o.deadlines.emplace_back(date(c->DATA()), span(c->DATA()));
  else if (auto* c = dynamic_cast<P::MisuraContext*>(ctx)) o.measures.push_back(measure(c));
  else if (auto* c = dynamic_cast<P::FonteContext*>(ctx)) o.sources.push_back(text(c->TESTO()));
  else if (auto* c = dynamic_cast<P::SeNonRilevatoContext*>(ctx)) o.onMissing.push_back(onMissing(c));
  else if (auto* c = dynamic_cast<P::ValutatoNelContext*>(ctx)) o.evaluatedIn.push_back(evaluatedIn(c));
  else if (auto* c = dynamic_cast<P::FasiContext*>(ctx)) o.phases.push_back(phases(c));
}

ast::Phases Builder::phases(P::FasiContext* ctx) {
  ast::Phases out;
  for (P::FaseContext* f : ctx->fase())
    out.items.push_back(ast::Phase{ident(f->nome()), text(f->TESTO()), number(f->NUMERO()), span(f->NUMERO()),
                                   date(f->DATA()), span(f)});
  out.span = span(ctx);
  return out;
}

ast::EvaluatedYears Builder::evaluatedIn(P::ValutatoNelContext* ctx) {
  ast::EvaluatedYears y;
  for (antlr4::tree::TerminalNode* n : ctx->NUMERO()) y.years.emplace_back(number(n), span(n));
  y.span = span(ctx);
  return y;
}

ast::Assignment Builder::assignment(P::AssegnatoContext* ctx) {
  using Kind = ast::Assignment::Kind;
  ast::Assignment a;
  P::AssegnazioneContext* what = ctx->assegnazione();
  if (auto* c = dynamic_cast<P::AProfiliContext*>(what)) {
    a.kind = Kind::Profili;
    a.profiles = idents(c->nome());
  } else if (auto* c = dynamic_cast<P::AMatricoleContext*>(what)) {
    a.kind = Kind::Matricole;
    for (antlr4::tree::TerminalNode* t : c->TESTO()) a.persons.push_back(text(t));
  } else if (auto* c = dynamic_cast<P::ADoveContext*>(what)) {
    a.kind = Kind::Dove;
    a.where = expr(c->espr());
  }
  a.span = span(ctx);
  return a;
}

ast::Measure Builder::measure(P::MisuraContext* ctx) {
  ast::Measure m;
  std::vector<P::NomeContext*> names = ctx->nome();  // indicator, data set, field
  m.indicator = ident(names[0]);
  m.args = exprs(ctx->espr(), 1);
  m.dataset = ident(names[1]);
  m.field = ident(names[2]);
  m.span = span(ctx);
  return m;
}

ast::OnMissing Builder::onMissing(P::SeNonRilevatoContext* ctx) {
  ast::OnMissing m;
  if (auto* fixed = dynamic_cast<P::EsitoFissoContext*>(ctx->esitoMancante())) m.value = expr(fixed->espr());
  else m.neutralize = true;
  m.span = span(ctx);
  return m;
}

}  // namespace misura::syntax
