// Loading the JIT plugin (jit.h): found beside the installed binary
// (<bindir>/../lib/misura/libmisura_jit.so) or, for a binary of the build
// tree, where the build wrote it (a path fixed at compile time). Loaded
// once and never unloaded: LLVM's global state must outlive every program.
#include <dlfcn.h>

#include <filesystem>
#include <mutex>

#include "runtime/jit/jit.h"

namespace misura::jit {

namespace {

using CompileFn = Compiled* (*)(fixed::Program* const*, size_t, std::string*);

std::vector<std::filesystem::path> candidates() {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) out.push_back(exe.parent_path() / ".." / "lib" / "misura" / "libmisura_jit.so");
#ifdef MISURA_JIT_PLUGIN
  out.emplace_back(MISURA_JIT_PLUGIN);
#endif
  return out;
}

CompileFn load(std::string& error) {
  static std::once_flag once;
  static CompileFn entry = nullptr;
  static std::string why;
  std::call_once(once, [] {
    for (const std::filesystem::path& path : candidates()) {
      std::error_code ec;
      if (!std::filesystem::is_regular_file(path, ec)) continue;
      void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (!handle) {
        why = std::string("il modulo JIT non si carica: ") + dlerror();
        return;
      }
      entry = reinterpret_cast<CompileFn>(dlsym(handle, "misura_jit_compile"));
      if (!entry) why = "il modulo JIT non ha la funzione misura_jit_compile";
      return;
    }
    why = built() ? "il modulo JIT (libmisura_jit.so) non si trova" : "questo misura è compilato senza JIT (LLVM 14)";
  });
  error = why;
  return entry;
}

}  // namespace

bool built() {
#ifdef MISURA_JIT_PLUGIN
  return true;
#else
  return false;
#endif
}

std::unique_ptr<Compiled> compile(const std::vector<fixed::Program*>& programs, std::string& error) {
  CompileFn entry = load(error);
  if (!entry) return nullptr;
  return std::unique_ptr<Compiled>(entry(programs.data(), programs.size(), &error));
}

}  // namespace misura::jit
