// Expression lowering, private to compiler/lower.
#pragma once

#include "compiler/ir/ir.h"
#include "compiler/sema/checked.h"

namespace misura::lowering {

ir::Type toIr(sema::Type t);

// The IR's name for a rounding mode written in the regolamento (lower.cpp).
ir::Rounding rounding(ast::RoundingMode m);

// Compiles one checked expression into a chunk ending with Return. With
// `deadline`, `termine` is that date (a phase's) instead of the objective's.
ir::Chunk compileExpr(const sema::Checked& checked, const ast::Expr& e, std::optional<Date> deadline = std::nullopt);

// Compiles `conta(T ...)`, `somma(T, V ...)`, ... (the call `e`, checked as an
// aggregate over dataset `dataset`) into an ir::Aggregate (lower_aggregate.cpp).
ir::Aggregate compileAggregate(const sema::Checked& checked, const ast::Expr& e, const ast::Call& c,
                               sema::AggregateFn fn, uint32_t dataset);

// lower_dataset.cpp: what a data declaration says about reading its file.
// The fields of `personale da` block `block` (Checked::staffFiles), parallel
// to the staff list's fields: columns, rules, computed fields, absent ones.
void lowerStaffFields(const sema::Checked& checked, uint32_t block, ir::Dataset& out);
// Columns, rules, wide sheet and `unico` of a data table.
void lowerTableDetails(const sema::Checked& checked, const sema::DatasetInfo& info, ir::Dataset& out);

}  // namespace misura::lowering
