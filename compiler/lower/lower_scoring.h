// Lowering of the scoring constructs, private to compiler/lower (lower_scoring.cpp).
#pragma once

#include "compiler/ir/ir.h"
#include "compiler/sema/checked.h"

namespace misura::lowering {

// Fills the scoring fields of the already lowered profiles, objectives and
// catalogues of `m`, and its values and functions.
void lowerScoring(const sema::Checked& c, ir::Module& m);

}  // namespace misura::lowering
