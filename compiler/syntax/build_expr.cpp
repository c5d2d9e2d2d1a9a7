// Builder: expressions. Every node gets the next NodeId; parentheses leave
// no node (the printer puts back the ones the precedence needs).
#include <fmt/format.h>

#include "compiler/syntax/builder.h"
#include "compiler/syntax/literals.h"
#include "compiler/syntax/parse.h"

namespace misura::syntax {

namespace {

ast::BinaryOp binaryOp(std::string_view op) {
  using B = ast::BinaryOp;
  static const std::pair<std::string_view, B> kOps[] = {
      {"*", B::Mul}, {"/", B::Div}, {"+", B::Add}, {"-", B::Sub}, {"<", B::Lt},
      {"<=", B::Le}, {">", B::Gt},  {">=", B::Ge}, {"=", B::Eq},  {"<>", B::Ne}};
  for (auto [text, value] : kOps)
    if (text == op) return value;
  throw InternalError{fmt::format("operatore sconosciuto «{}»", op)};
}

ast::Unit unit(std::string_view word) {
  if (word == "%") return ast::Unit::Percento;
  if (word == "punti" || word == "punto") return ast::Unit::Punti;
  if (word == "euro") return ast::Unit::Euro;
  if (word == "giorni" || word == "giorno") return ast::Unit::Giorni;
  throw InternalError{fmt::format("unità sconosciuta «{}»", word)};
}

}  // namespace

ast::ExprPtr Builder::make(Span span, decltype(ast::Expr::node) node) {
  auto e = std::make_unique<ast::Expr>();
  e->id = nextId_++;
  e->span = span;
  e->node = std::move(node);
  return e;
}

ast::ExprPtr Builder::tooDeep(P::EsprContext* ctx) {
  if (!reportedTooDeep_)
    sink_.error(code::kTooDeep, span(ctx->start),
                fmt::format("espressione annidata troppo in profondità (oltre {} livelli)", kMaxExprDepth),
                "spezza l'espressione in parti più semplici, per esempio con un indicatore");
  reportedTooDeep_ = true;
  return make(span(ctx), ast::BoolLit{});
}

ast::ExprPtr Builder::expr(P::EsprContext* ctx, int depth) {
  if (depth > kMaxExprDepth) return tooDeep(ctx);
  if (auto* c = dynamic_cast<P::ParentesiContext*>(ctx)) return expr(c->espr(), depth + 1);
  if (ast::ExprPtr lit = literal(ctx)) return lit;
  return operation(ctx, depth);
}

std::vector<ast::ExprPtr> Builder::exprs(const std::vector<P::EsprContext*>& ctxs, int depth) {
  std::vector<ast::ExprPtr> out;
  for (P::EsprContext* c : ctxs) out.push_back(expr(c, depth));
  return out;
}

// Literals and names; nullptr for any other expression.
ast::ExprPtr Builder::literal(P::EsprContext* ctx) {
  if (auto* c = dynamic_cast<P::NumeroContext*>(ctx)) {
    ast::Unit u = c->unita() ? unit(source(c->unita()->start)) : ast::Unit::Nessuna;
    return make(span(ctx), ast::NumberLit{number(c->NUMERO()), u});
  }
  if (auto* c = dynamic_cast<P::RiferimentoContext*>(ctx)) {
    std::vector<P::NomeContext*> names = c->nome();
    std::optional<ast::Ident> member, of;
    if (names.size() > 1) member = ident(names[1]);
    if (c->codice()) of = code(c->codice());
    return make(span(ctx), ast::NameRef{ident(names[0]), std::move(member), std::move(of)});
  }
  if (auto* c = dynamic_cast<P::RiferimentoChiaveContext*>(ctx)) {
    ast::NameRef ref{ident(c->nome(0)), ident(c->nome(1)), std::nullopt, {}};
    P::ChiaveRigaContext* key = c->chiaveRiga();
    if (auto* t = dynamic_cast<P::ChiaveTestoContext*>(key))
      ref.keyValues.push_back({ast::KeyValue::Kind::Testo, readText(source(t->TESTO())).value, span(t)});
    else if (auto* n = dynamic_cast<P::ChiaveNumeroContext*>(key))
      ref.keyValues.push_back({ast::KeyValue::Kind::Testo, std::string(source(n->NUMERO())), span(n)});
    else if (auto* l = dynamic_cast<P::ChiaveElencoContext*>(key))
      for (P::ValoreChiaveContext* v : l->valoreChiave()) {
        if (v->TESTO()) ref.keyValues.push_back({ast::KeyValue::Kind::Testo, readText(source(v->TESTO())).value, span(v)});
        else if (v->NUMERO()) ref.keyValues.push_back({ast::KeyValue::Kind::Testo, std::string(source(v->NUMERO())), span(v)});
        else ref.keyValues.push_back({ast::KeyValue::Kind::Codice, ident(v->nome()).name, span(v)});
      }
    return make(span(ctx), std::move(ref));
  }
  if (auto* c = dynamic_cast<P::LetteraleTestoContext*>(ctx))
    return make(span(ctx), ast::TextLit{readText(source(c->TESTO())).value});
  if (auto* c = dynamic_cast<P::LetteraleDataContext*>(ctx)) return make(span(ctx), ast::DateLit{date(c->DATA())});
  if (auto* c = dynamic_cast<P::BooleanoContext*>(ctx))
    return make(span(ctx), ast::BoolLit{source(c->valore) == "vero"});
  return nullptr;
}

ast::ExprPtr Builder::operation(P::EsprContext* ctx, int depth) {
  using B = ast::BinaryOp;
  if (auto* c = dynamic_cast<P::ChiamataContext*>(ctx)) {
    std::vector<P::EsprContext*> args = c->espr();  // the `dove` selection, if any, is the last one
    if (c->dove) args.pop_back();
    std::vector<ast::ExprPtr> built = exprs(args, depth + 1);
    ast::ExprPtr where = c->dove ? expr(c->dove, depth + 1) : nullptr;
    ast::Call call{ident(c->nome()), std::move(built), std::move(where)};
    if (P::ModoArrotondamentoContext* mode = c->modoArrotondamento()) {  // `arrotonda(x, 0, per difetto)`
      call.roundingMode = roundingMode(mode);
      call.modeSpan = span(mode);
    }
    return make(span(ctx), std::move(call));
  }
  if (auto* c = dynamic_cast<P::NegazioneContext*>(ctx))
    return make(span(ctx), ast::Unary{ast::UnaryOp::Neg, expr(c->espr(), depth + 1)});
  if (auto* c = dynamic_cast<P::NonContext*>(ctx))
    return make(span(ctx), ast::Unary{ast::UnaryOp::Not, expr(c->espr(), depth + 1)});
  if (auto* c = dynamic_cast<P::MoltiplicativaContext*>(ctx))
    return binary(ctx, binaryOp(source(c->op)), c->espr(0), c->espr(1), depth);
  if (auto* c = dynamic_cast<P::AdditivaContext*>(ctx))
    return binary(ctx, binaryOp(source(c->op)), c->espr(0), c->espr(1), depth);
  if (auto* c = dynamic_cast<P::ConfrontoContext*>(ctx))
    return binary(ctx, binaryOp(source(c->op)), c->espr(0), c->espr(1), depth);
  if (auto* c = dynamic_cast<P::CongiunzioneContext*>(ctx)) return binary(ctx, B::And, c->espr(0), c->espr(1), depth);
  if (auto* c = dynamic_cast<P::DisgiunzioneContext*>(ctx)) return binary(ctx, B::Or, c->espr(0), c->espr(1), depth);
  if (auto* c = dynamic_cast<P::CondizionaleContext*>(ctx)) {
    ast::ExprPtr cond = expr(c->espr(0), depth + 1), then = expr(c->espr(1), depth + 1);
    return make(span(ctx), ast::If{std::move(cond), std::move(then), expr(c->espr(2), depth + 1)});
  }
  if (auto* c = dynamic_cast<P::ScaglioniContext*>(ctx)) return steps(c, depth);
  if (ast::ExprPtr e = scoringExpr(ctx, depth)) return e;
  throw InternalError{"espressione sconosciuta nell'albero sintattico"};
}

ast::ExprPtr Builder::steps(P::ScaglioniContext* ctx, int depth) {
  ast::Steps s;
  s.subject = expr(ctx->espr(), depth + 1);
  for (P::ScaglioneContext* line : ctx->scaglione()) s.lines.push_back(stepLine(line));
  return make(span(ctx), std::move(s));
}

ast::StepLine Builder::stepLine(P::ScaglioneContext* ctx) {
  using K = ast::StepLine::Kind;
  ast::StepLine line;
  line.span = span(ctx);
  if (auto* c = dynamic_cast<P::ScaglioneDaContext*>(ctx)) {
    line.kind = K::Da;
    line.threshold = threshold(c->soglia());
    line.result = number(c->risultato());
  } else if (auto* c = dynamic_cast<P::ScaglioneFinoAContext*>(ctx)) {
    line.kind = K::FinoA;
    line.threshold = threshold(c->soglia());
    line.result = number(c->risultato());
  } else if (auto* c = dynamic_cast<P::ScaglioneTestoContext*>(ctx)) {
    line.kind = K::Testo;
    line.threshold = make(span(c->TESTO()), ast::TextLit{readText(source(c->TESTO())).value});
    line.result = number(c->risultato());
  } else if (auto* c = dynamic_cast<P::ScaglioneAltrimentiContext*>(ctx)) {
    line.result = number(c->risultato());
  }
  return line;
}

ast::ExprPtr Builder::number(P::RisultatoContext* ctx) {
  ast::Unit u = ctx->unita() ? unit(source(ctx->unita()->start)) : ast::Unit::Nessuna;
  return make(span(ctx), ast::NumberLit{number(ctx->NUMERO()), u});
}

ast::ExprPtr Builder::threshold(P::SogliaContext* ctx) {
  if (ctx->DATA()) return make(span(ctx), ast::DateLit{date(ctx->DATA())});
  ast::Unit u = ctx->unita() ? unit(source(ctx->unita()->start)) : ast::Unit::Nessuna;
  return make(span(ctx), ast::NumberLit{number(ctx->NUMERO()), u});
}

ast::ExprPtr Builder::binary(P::EsprContext* ctx, ast::BinaryOp op, P::EsprContext* lhs, P::EsprContext* rhs,
                             int depth) {
  ast::ExprPtr l = expr(lhs, depth + 1);
  ast::ExprPtr r = expr(rhs, depth + 1);
  return make(span(ctx), ast::Binary{op, std::move(l), std::move(r)});
}

}  // namespace misura::syntax
