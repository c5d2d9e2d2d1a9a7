// The optional JIT: the integer evaluator's programs (runtime/fixed) compiled
// to machine code with LLVM 14's ORC JIT.
//
// The code generator lives in a plugin, libmisura_jit.so (runtime/jit/llvm/,
// built when CMake finds LLVM 14; option MISURA_JIT), which misura loads
// only when a run asks for the JIT: linking libLLVM into misura itself would
// add about 12 ms and 45 MiB to every command, the examples' included.
// Without the plugin everything works on the integer machine (run.cpp).
//
// The native code computes what the machine computes, on the same inputs
// (fixed::NativeFn): same numerators, same give-ups. Tests run every golden
// and example with MISURA_MOTORE=jit to check it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "runtime/fixed/fixed.h"

namespace misura::jit {

// The machine code of a set of programs; the functions live as long as it.
class Compiled {
 public:
  virtual ~Compiled() = default;
};

// Whether this build has the plugin (CMake found LLVM 14).
bool built();

// Compiles the programs and sets each one's `native`; nullptr, with the
// reason in `error` (Italian, for a warning), when the plugin cannot be
// loaded or LLVM fails. A program with more than fixed::kMaxNativeLoads
// inputs keeps the integer machine.
std::unique_ptr<Compiled> compile(const std::vector<fixed::Program*>& programs, std::string& error);

}  // namespace misura::jit

// The plugin's one entry point, looked up by name after dlopen.
extern "C" misura::jit::Compiled* misura_jit_compile(misura::fixed::Program* const* programs, size_t count,
                                                     std::string* error);
