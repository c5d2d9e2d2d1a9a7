// Lowering of aggregates over record tables: each part (value, weight, `dove`)
// becomes a sub-chunk of the ir::Aggregate, run once per row by the interpreter.
#include "compiler/lower/lower_expr.h"

namespace misura::lowering {

namespace {

ir::AggregateKind kindOf(sema::AggregateFn fn) {
  switch (fn) {
    case sema::AggregateFn::Conta: return ir::AggregateKind::Conta;
    case sema::AggregateFn::Somma: return ir::AggregateKind::Somma;
    case sema::AggregateFn::Media: return ir::AggregateKind::Media;
    case sema::AggregateFn::MediaPonderata: return ir::AggregateKind::MediaPonderata;
    case sema::AggregateFn::Cerca: return ir::AggregateKind::Cerca;
  }
  return ir::AggregateKind::Conta;
}

}  // namespace

ir::Aggregate compileAggregate(const sema::Checked& checked, const ast::Expr& e, const ast::Call& c,
                               sema::AggregateFn fn, uint32_t dataset) {
  ir::Aggregate a;
  a.kind = kindOf(fn);
  a.dataset = dataset;
  a.span = e.span;
  if (fn != sema::AggregateFn::Conta) a.value.push_back(compileExpr(checked, *c.args.at(1)));
  if (fn == sema::AggregateFn::MediaPonderata) a.weight.push_back(compileExpr(checked, *c.args.at(2)));
  if (c.where) a.where.push_back(compileExpr(checked, *c.where));
  return a;
}

}  // namespace misura::lowering
