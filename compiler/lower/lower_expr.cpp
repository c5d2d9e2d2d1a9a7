// Expression lowering. Shapes of the emitted code:
//
//   se C allora A altrimenti B      C e D                 C o D
//   ----------------------------    -------------------   -------------------
//      [C]                             [C]                   [C]
//      JumpIfFalse ELSE, END           JumpIfFalse F, END    JumpIfFalse R, END
//      [A]                             [D]                   PushConst vero
//      Jump END                        Jump END              Jump END
//   ELSE:                           F: PushConst falso    R: [D]
//      [B]                          END:                  END:
//   END:
//
// A Missing condition leaves Missing as the value (JumpIfFalse's rule).
//
//   scaglioni X { ... }:  [X] Scaglioni T   (T: the table, in chunk.steps)
//
// `e` and `o` are three-valued (docs/linguaggio.md § 7): the right operand
// runs only when the left one does not decide:
//   C e D:  [C] Short END, 0  [D] And  END:       C o D:  [C] Short END, 1  [D] Or  END:
#include "compiler/lower/lower_expr.h"

#include <fmt/format.h>

#include "compiler/support/diagnostics.h"

namespace misura::lowering {

ir::Type toIr(sema::Type t) {
  switch (t) {
    case sema::Type::Numero: return ir::Type::Numero;
    case sema::Type::Percentuale: return ir::Type::Percentuale;
    case sema::Type::Punti: return ir::Type::Punti;
    case sema::Type::Euro: return ir::Type::Euro;
    case sema::Type::Data: return ir::Type::Data;
    case sema::Type::Giorni: return ir::Type::Giorni;
    case sema::Type::Booleano: return ir::Type::Booleano;
    case sema::Type::Testo: return ir::Type::Testo;
    case sema::Type::Errore: break;
  }
  throw InternalError{"espressione con tipo di errore arrivata alla traduzione in IR"};
}

namespace {

class Emitter {
 public:
  Emitter(const sema::Checked& checked, ir::Chunk& chunk, std::optional<Date> deadline)
      : checked_(checked), chunk_(chunk), deadline_(deadline) {}

  void emit(const ast::Expr& e) {
    std::visit([&](const auto& node) { emitNode(e, node); }, e.node);
  }

 private:
  uint32_t add(ir::Op op, Span span, uint32_t a = 0, uint32_t b = 0) {
    chunk_.code.push_back(ir::Instr{op, a, b, span});
    return static_cast<uint32_t>(chunk_.code.size() - 1);
  }
  uint32_t here() const { return static_cast<uint32_t>(chunk_.code.size()); }
  void pushConst(ir::Value v, Span span) {
    chunk_.consts.push_back(std::move(v));
    add(ir::Op::PushConst, span, static_cast<uint32_t>(chunk_.consts.size() - 1));
  }
  sema::Type typeOf(const ast::Expr& e) const { return checked_.types.at(e.id); }

  void emitNode(const ast::Expr& e, const ast::NumberLit& n) {
    pushConst(n.unit == ast::Unit::Percento ? n.value / 100 : n.value, e.span);
  }
  void emitNode(const ast::Expr& e, const ast::DateLit& d) { pushConst(d.value, e.span); }
  void emitNode(const ast::Expr& e, const ast::TextLit& t) { pushConst(t.value, e.span); }
  void emitNode(const ast::Expr& e, const ast::BoolLit& b) { pushConst(b.value, e.span); }

  void emitNode(const ast::Expr& e, const ast::NameRef&) {
    const sema::Resolution& r = checked_.resolved.at(e.id);
    if (auto* p = std::get_if<sema::ResParam>(&r)) add(ir::Op::LoadParam, e.span, p->slot);
    else if (auto* f = std::get_if<sema::ResPersonField>(&r)) add(ir::Op::LoadPerson, e.span, f->field);
    else if (auto* c = std::get_if<sema::ResComponent>(&r)) add(ir::Op::LoadComponent, e.span, c->index);
    else if (std::holds_alternative<sema::ResTotal>(r)) add(ir::Op::LoadTotal, e.span);
    else if (std::holds_alternative<sema::ResBand>(r)) add(ir::Op::LoadBand, e.span);
    else if (auto* d = std::get_if<sema::ResDeadline>(&r)) {
      if (deadline_) pushConst(*deadline_, e.span);  // a phase's own termine
      else if (d->date) pushConst(*d->date, e.span);
      else add(ir::Op::LoadDeadline, e.span);
    }
    else if (auto* f = std::get_if<sema::ResRowField>(&r)) add(ir::Op::LoadRow, e.span, f->field);
    else if (auto* b = std::get_if<sema::ResBuiltin>(&r)) add(ir::Op::CallBuiltin, e.span, static_cast<uint32_t>(b->fn), 0);
    else if (auto* v = std::get_if<sema::ResValue>(&r)) add(ir::Op::LoadValue, e.span, v->index);
    else if (auto* f = std::get_if<sema::ResFoldItem>(&r)) add(ir::Op::LoadFoldItem, e.span, static_cast<uint32_t>(f->item));
    else if (auto* c = std::get_if<sema::ResCell>(&r)) {
      chunk_.cells.push_back(ir::CellRef{c->dataset, c->field, c->objective, e.span, c->keyValues});
      add(ir::Op::LoadCell, e.span, static_cast<uint32_t>(chunk_.cells.size() - 1));
    }
    else throw InternalError{"nome non risolto arrivato alla traduzione in IR"};
  }

  void emitNode(const ast::Expr& e, const ast::Call& c) {
    if (const auto* es = std::get_if<sema::ResEsito>(&checked_.resolved.at(e.id))) {
      add(ir::Op::LoadEsito, e.span, es->objective);  // the argument is a code, not an expression
      return;
    }
    if (const auto* agg = std::get_if<sema::ResAggregate>(&checked_.resolved.at(e.id))) {
      chunk_.aggregates.push_back(compileAggregate(checked_, e, c, agg->fn, agg->dataset));
      add(ir::Op::Aggregate, e.span, static_cast<uint32_t>(chunk_.aggregates.size() - 1));
      return;
    }
    if (const auto* f = std::get_if<sema::ResFunction>(&checked_.resolved.at(e.id))) {
      for (const ast::ExprPtr& a : c.args) emit(*a);
      add(ir::Op::CallFunction, e.span, f->index, static_cast<uint32_t>(c.args.size()));
      return;
    }
    const auto* b = std::get_if<sema::ResBuiltin>(&checked_.resolved.at(e.id));
    if (!b) throw InternalError{"chiamata non risolta arrivata alla traduzione in IR"};
    for (const ast::ExprPtr& a : c.args) emit(*a);
    uint32_t argc = static_cast<uint32_t>(c.args.size());
    if (c.roundingMode) {  // `arrotonda(x, n, modo)`: the mode as a third argument (see interp)
      pushConst(Rational(static_cast<long>(*c.roundingMode)), c.modeSpan);
      ++argc;
    }
    add(ir::Op::CallBuiltin, e.span, static_cast<uint32_t>(b->fn), argc);
  }

  void emitNode(const ast::Expr& e, const ast::Unary& u) {
    emit(*u.operand);
    add(u.op == ast::UnaryOp::Neg ? ir::Op::Neg : ir::Op::Not, e.span);
  }

  void emitNode(const ast::Expr& e, const ast::Binary& b) {
    switch (b.op) {
      case ast::BinaryOp::And:
      case ast::BinaryOp::Or: {
        const bool isOr = b.op == ast::BinaryOp::Or;
        emit(*b.lhs);
        uint32_t shortCut = add(ir::Op::Short, e.span, 0, isOr ? 1 : 0);
        emit(*b.rhs);
        add(isOr ? ir::Op::Or : ir::Op::And, e.span);
        chunk_.code[shortCut].a = here();
        return;
      }
      case ast::BinaryOp::Add:
        if (typeOf(*b.lhs) == sema::Type::Giorni && typeOf(*b.rhs) == sema::Type::Data) {
          emit(*b.rhs);
          emit(*b.lhs);
          add(ir::Op::AddDays, e.span);
          return;
        }
        break;
      default: break;
    }
    emit(*b.lhs);
    emit(*b.rhs);
    add(binaryOp(b), e.span);
  }

  ir::Op binaryOp(const ast::Binary& b) const {
    sema::Type l = typeOf(*b.lhs), r = typeOf(*b.rhs);
    switch (b.op) {
      case ast::BinaryOp::Add: return l == sema::Type::Data ? ir::Op::AddDays : ir::Op::Add;
      case ast::BinaryOp::Sub:
        if (l == sema::Type::Data) return r == sema::Type::Data ? ir::Op::DiffDates : ir::Op::SubDays;
        return ir::Op::Sub;
      case ast::BinaryOp::Mul: return ir::Op::Mul;
      case ast::BinaryOp::Div: return ir::Op::Div;
      case ast::BinaryOp::Lt: return ir::Op::Lt;
      case ast::BinaryOp::Le: return ir::Op::Le;
      case ast::BinaryOp::Gt: return ir::Op::Gt;
      case ast::BinaryOp::Ge: return ir::Op::Ge;
      case ast::BinaryOp::Eq: return ir::Op::Eq;
      case ast::BinaryOp::Ne: return ir::Op::Ne;
      case ast::BinaryOp::And:
      case ast::BinaryOp::Or: break;
    }
    throw InternalError{"operatore logico tradotto come aritmetico"};
  }

  // [X] Scaglioni T: the table's thresholds and results are constants.
  void emitNode(const ast::Expr& e, const ast::Steps& s) {
    emit(*s.subject);
    ir::StepTable table;
    table.type = toIr(typeOf(e));
    table.span = e.span;
    for (const ast::StepLine& line : s.lines) {
      switch (line.kind) {
        case ast::StepLine::Kind::Da: table.kind = ir::StepKind::Da; break;
        case ast::StepLine::Kind::FinoA: table.kind = ir::StepKind::FinoA; break;
        case ast::StepLine::Kind::Testo: table.kind = ir::StepKind::Testo; break;
        case ast::StepLine::Kind::Altrimenti: table.otherwise = literal(*line.result); continue;
      }
      table.lines.emplace_back(literal(*line.threshold), literal(*line.result));
    }
    chunk_.steps.push_back(std::move(table));
    add(ir::Op::Scaglioni, e.span, static_cast<uint32_t>(chunk_.steps.size() - 1));
  }

  static ir::Value literal(const ast::Expr& e) {
    if (auto* n = std::get_if<ast::NumberLit>(&e.node)) return n->unit == ast::Unit::Percento ? n->value / 100 : n->value;
    if (auto* d = std::get_if<ast::DateLit>(&e.node)) return d->value;
    if (auto* t = std::get_if<ast::TextLit>(&e.node)) return t->value;
    throw InternalError{"soglia degli scaglioni che non è un letterale"};
  }

  // [body per objective] in chunk.folds; FoldObjectives F.
  void emitNode(const ast::Expr& e, const ast::ObjectiveFold& f) {
    ir::Chunk body;
    body.type = toIr(typeOf(*f.body));
    body.span = f.body->span;
    Emitter(checked_, body, deadline_).emit(*f.body);
    body.code.push_back(ir::Instr{ir::Op::Return, 0, 0, f.body->span});
    chunk_.folds.push_back(std::move(body));
    add(ir::Op::FoldObjectives, e.span, static_cast<uint32_t>(chunk_.folds.size() - 1));
  }

  void emitNode(const ast::Expr& e, const ast::If& i) { emitBranch(e, *i.cond, i.then.get(), i.otherwise.get(), false); }

  // [cond] JumpIfFalse ELSE, END; [then | const]; Jump END; ELSE: [else | const]; END:
  // A null branch is the constant `constIfNull` (or its negation for the else side).
  void emitBranch(const ast::Expr& e, const ast::Expr& cond, const ast::Expr* then, const ast::Expr* otherwise,
                  bool constIfNull) {
    emit(cond);
    uint32_t jf = add(ir::Op::JumpIfFalse, e.span);
    if (then) emit(*then); else pushConst(constIfNull, e.span);
    uint32_t jmp = add(ir::Op::Jump, e.span);
    chunk_.code[jf].a = here();
    if (otherwise) emit(*otherwise); else pushConst(constIfNull, e.span);
    chunk_.code[jmp].a = here();
    chunk_.code[jf].b = here();
  }

  const sema::Checked& checked_;
  ir::Chunk& chunk_;
  std::optional<Date> deadline_;
};

}  // namespace

ir::Chunk compileExpr(const sema::Checked& checked, const ast::Expr& e, std::optional<Date> deadline) {
  ir::Chunk chunk;
  chunk.type = toIr(checked.types.at(e.id));
  chunk.span = e.span;
  Emitter(checked, chunk, deadline).emit(e);
  chunk.code.push_back(ir::Instr{ir::Op::Return, 0, 0, e.span});
  return chunk;
}

}  // namespace misura::lowering
