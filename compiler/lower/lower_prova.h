// Lowering of the worked cases (`prova`): checked expectations become
// ir::Prova records, read by runtime/prova.
#pragma once

#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/sema/checked.h"

namespace misura::lowering {

std::vector<ir::Prova> lowerProve(const sema::Checked& checked);

}  // namespace misura::lowering
