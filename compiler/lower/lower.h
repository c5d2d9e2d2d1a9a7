// Lowering: checked program -> IR evaluation plan. Names become slots and
// indexes, expressions become flat stack-machine chunks whose instructions
// keep their source spans. Lowering cannot fail on a checked program: a
// broken invariant throws misura::InternalError.
#pragma once

#include "compiler/ir/ir.h"
#include "compiler/sema/checked.h"

namespace misura {

ir::Module lower(const sema::Checked& checked, const std::string& sourcePath);

}  // namespace misura
