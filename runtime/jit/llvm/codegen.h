// From a fixed::Program to an LLVM function (codegen.cpp), inside the plugin.
#pragma once

#include <llvm/IR/Function.h>
#include <llvm/IR/Module.h>

#include <string>

#include "runtime/fixed/fixed.h"

namespace misura::jit {

// Adds to `module` the function `name`, of type fixed::NativeFn, that
// computes what the integer machine computes for `program`.
llvm::Function* emitProgram(const fixed::Program& program, const std::string& name, llvm::Module& module);

}  // namespace misura::jit
