// Expression lowering, private to compiler/lower.
#pragma once

#include "compiler/ir/ir.h"
#include "compiler/sema/checked.h"

namespace misura::lowering {

ir::Type toIr(sema::Type t);

// Compiles one checked expression into a chunk ending with Return.
ir::Chunk compileExpr(const sema::Checked& checked, const ast::Expr& e);

}  // namespace misura::lowering
