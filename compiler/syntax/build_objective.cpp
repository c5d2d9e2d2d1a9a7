// Builder: objectives (assignment, weight, deadline, measure, missing data).
#include "compiler/syntax/builder.h"

namespace misura::syntax {

ast::Period Builder::period(P::PeriodoContext* ctx) {
  ast::Period p;
  if (auto* c = dynamic_cast<P::FinoAlContext*>(ctx)) p.to = date(c->DATA());
  if (auto* c = dynamic_cast<P::DalAlContext*>(ctx)) {
    p.from = date(c->DATA(0));
    if (c->DATA().size() > 1) p.to = date(c->DATA(1));
  }
  p.span = span(ctx);
  return p;
}

ast::Objective Builder::objective(P::DichObiettivoContext* ctx) {
  ast::Objective o;
  o.code = code(ctx->codice());
  o.title = text(ctx->TESTO());
  for (P::VoceObiettivoContext* item : objectiveItems(ctx->voceObiettivo(), "obiettivo " + o.code.name))
    objectiveItem(o, item);
  o.span = span(ctx);
  return o;
}

ast::ObjectiveTemplate Builder::objectiveTemplate(P::DichObiettiviDaDatiContext* ctx) {
  ast::ObjectiveTemplate t;
  t.dataset = ident(ctx->nome());
  if (ctx->espr()) t.where = expr(ctx->espr());
  std::vector<P::VoceObiettivoContext*> items;
  for (P::VoceObiettiviDaDatiContext* v : ctx->voceObiettiviDaDati()) {
    if (auto* title = dynamic_cast<P::TitoloDaDatiContext*>(v)) {
      if (t.title)
        sink_.error("E0212", span(title), "gli obiettivi da dati dichiarano il titolo più di una volta");
      else
        t.title = expr(title->espr());
    } else {
      items.push_back(static_cast<P::VoceDaDatiContext*>(v)->voceObiettivo());
    }
  }
  t.body.code = ast::Ident{"da " + t.dataset.name, t.dataset.span};
  t.body.title = ast::Text{"", t.dataset.span};
  for (P::VoceObiettivoContext* item : objectiveItems(items, "obiettivi da " + t.dataset.name)) objectiveItem(t.body, item);
  t.span = span(ctx);
  t.body.span = t.span;
  return t;
}

void Builder::objectiveItem(ast::Objective& o, P::VoceObiettivoContext* ctx) {
  if (scoringObjectiveItem(o, ctx)) return;
  if (auto* c = dynamic_cast<P::AssegnatoContext*>(ctx)) o.assignments.push_back(assignment(c));
  else if (auto* c = dynamic_cast<P::PesoContext*>(ctx)) o.weights.push_back(weight(c));

  else if (auto* c = dynamic_cast<P::TermineContext*>(ctx)) o.deadlines.push_back(deadline(c));
  else if (auto* c = dynamic_cast<P::MisuraContext*>(ctx)) o.measures.push_back(measure(c));
  else if (auto* c = dynamic_cast<P::FonteContext*>(ctx)) o.sources.push_back(text(c->TESTO()));
  else if (auto* c = dynamic_cast<P::SeNonRilevatoContext*>(ctx)) o.onMissing.push_back(onMissing(c));
  else if (auto* c = dynamic_cast<P::ValutatoNelContext*>(ctx)) o.evaluatedIn.push_back(evaluatedIn(c));
  else if (auto* c = dynamic_cast<P::FasiContext*>(ctx)) o.phases.push_back(phases(c));
  else if (auto* c = dynamic_cast<P::TemaObiettivoContext*>(ctx)) {
    for (ast::Ident& t : themes(c->temi())) o.themes.push_back(std::move(t));
  }
}

ast::Phases Builder::phases(P::FasiContext* ctx) {
  ast::Phases out;
  for (P::FaseContext* f : ctx->fase())
    out.items.push_back(ast::Phase{code(f->codice()), text(f->TESTO()), number(f->NUMERO()), span(f->NUMERO()),
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

ast::Assignment Builder::assignment(P::AssegnatoContext* ctx) { return assignment(ctx->assegnazione(), ctx); }

ast::Weight Builder::weight(P::PesoContext* ctx) {
  ast::Weight w;
  if (ctx->espr()) {  // `peso = espressione`
    w.expr = expr(ctx->espr());
    w.value = Rational(1);  // unused with an expression; positive so that no static check trips
    w.valueSpan = w.expr->span;
    w.span = span(ctx);
    return w;
  }
  w.value = number(ctx->NUMERO());
  w.valueSpan = span(ctx->NUMERO());
  if (ctx->assegnazione()) w.who = assignment(ctx->assegnazione(), ctx->assegnazione());
  w.span = span(ctx);
  return w;
}

// The persons of `assegnato a ...` or of `peso N per ...`; `line` gives the span.
ast::Assignment Builder::assignment(P::AssegnazioneContext* what, antlr4::ParserRuleContext* line) {
  using Kind = ast::Assignment::Kind;
  ast::Assignment a;
  if (auto* c = dynamic_cast<P::AProfiliContext*>(what)) {
    a.kind = Kind::Profili;
    a.profiles = idents(c->nome());
  } else if (auto* c = dynamic_cast<P::AMatricoleContext*>(what)) {
    a.kind = Kind::Matricole;
    for (P::MatricolaContext* m : c->matricola()) {
      a.persons.push_back(text(m->TESTO()));
      a.periods.push_back(m->periodo() ? std::optional(period(m->periodo())) : std::nullopt);
    }
  } else if (auto* c = dynamic_cast<P::ADoveContext*>(what)) {
    a.kind = Kind::Dove;
    a.where = expr(c->espr());
  }
  a.span = span(line);
  return a;
}

// `termine 31/12/2024` or `termine = espressione`.
ast::Deadline Builder::deadline(P::TermineContext* ctx) {
  if (ctx->DATA()) return ast::Deadline{date(ctx->DATA()), nullptr, span(ctx->DATA())};
  return ast::Deadline{std::nullopt, expr(ctx->espr()), span(ctx)};
}

ast::Measure Builder::measure(P::MisuraContext* ctx) {
  ast::Measure m;
  std::vector<P::EsprContext*> all = ctx->espr();  // the arguments, then the measured value
  m.indicator = ident(ctx->nome());
  m.measured = expr(all.back());
  all.pop_back();
  m.args = exprs(all, 1);
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
