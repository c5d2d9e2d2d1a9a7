// Internal to compiler/ir: the part of the IR dump for the worked cases.
#pragma once

#include <string>

#include "compiler/ir/ir.h"

namespace misura::ir {

// Appends one block per prova of `m` to `out` (nothing if there is none).
void printProve(std::string& out, const Module& m);

}  // namespace misura::ir
