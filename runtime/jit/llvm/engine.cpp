// The plugin's entry point (jit.h): one LLVM module with a function per
// program, optimised at -O2 and compiled by an ORC LLJIT, which the returned
// object owns.
#include <llvm/ExecutionEngine/Orc/LLJIT.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>

#include <mutex>

#include "runtime/jit/jit.h"
#include "runtime/jit/llvm/codegen.h"

namespace misura::jit {

namespace {

class LlvmCompiled final : public Compiled {
 public:
  explicit LlvmCompiled(std::unique_ptr<llvm::orc::LLJIT> jit) : jit_(std::move(jit)) {}
  llvm::orc::LLJIT& jit() { return *jit_; }

 private:
  std::unique_ptr<llvm::orc::LLJIT> jit_;
};

void optimise(llvm::Module& module) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder pb;
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  pb.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O2).run(module, mam);
}

std::string message(llvm::Error e) { return "LLVM: " + llvm::toString(std::move(e)); }

// The programs given to LLVM, and their function names.
std::unique_ptr<llvm::Module> emitAll(fixed::Program* const* programs, size_t count, llvm::LLVMContext& ctx,
                                      std::vector<std::pair<fixed::Program*, std::string>>& named) {
  auto module = std::make_unique<llvm::Module>("misura", ctx);
  for (size_t i = 0; i < count; ++i) {
    if (programs[i]->loads.size() > fixed::kMaxNativeLoads) continue;
    std::string name = "misura_blocco_" + std::to_string(i);
    emitProgram(*programs[i], name, *module);
    named.emplace_back(programs[i], std::move(name));
  }
  return module;
}

std::unique_ptr<Compiled> compileAll(fixed::Program* const* programs, size_t count, std::string& error) {
  static std::once_flag init;
  std::call_once(init, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  });
  llvm::Expected<std::unique_ptr<llvm::orc::LLJIT>> jit = llvm::orc::LLJITBuilder().create();
  if (!jit) {
    error = message(jit.takeError());
    return nullptr;
  }
  auto ctx = std::make_unique<llvm::LLVMContext>();
  std::vector<std::pair<fixed::Program*, std::string>> named;
  std::unique_ptr<llvm::Module> module = emitAll(programs, count, *ctx, named);
  std::string broken;
  llvm::raw_string_ostream why(broken);
  if (llvm::verifyModule(*module, &why)) {
    error = "LLVM: codice non valido: " + why.str();
    return nullptr;
  }
  module->setDataLayout((*jit)->getDataLayout());
  module->setTargetTriple((*jit)->getTargetTriple().str());
  optimise(*module);
  if (llvm::Error e = (*jit)->addIRModule(llvm::orc::ThreadSafeModule(std::move(module), std::move(ctx)))) {
    error = message(std::move(e));
    return nullptr;
  }
  auto out = std::make_unique<LlvmCompiled>(std::move(*jit));
  std::vector<fixed::NativeFn> functions;  // all found before any program uses one
  for (auto& [program, name] : named) {
    llvm::Expected<llvm::JITEvaluatedSymbol> symbol = out->jit().lookup(name);
    if (!symbol) {
      error = message(symbol.takeError());
      return nullptr;
    }
    functions.push_back(reinterpret_cast<fixed::NativeFn>(symbol->getAddress()));
  }
  for (size_t i = 0; i < named.size(); ++i) named[i].first->native = functions[i];
  return out;
}

}  // namespace

}  // namespace misura::jit

extern "C" misura::jit::Compiled* misura_jit_compile(misura::fixed::Program* const* programs, size_t count,
                                                     std::string* error) {
  return misura::jit::compileAll(programs, count, *error).release();
}
