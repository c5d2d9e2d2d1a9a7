// Private to runtime/interp: the fold of Op::Aggregate over a record table.
#pragma once

#include "runtime/interp/interp.h"

namespace misura::interp {

// Runs `chunk` as a nested frame `depth` levels deep (interp.cpp).
Result executeAt(const ir::Chunk& chunk, const Context& ctx, int depth);

// Folds `a` over the rows of its record table in ctx.records (aggregate.cpp):
// one pass, each part run once per row with ctx.row set to that row.
// With `trace`, records there the rows used and excluded (TraceEntry).
Result foldAggregate(const ir::Aggregate& a, const Context& ctx, int depth, TraceEntry* trace = nullptr);

}  // namespace misura::interp
