// Loading and evaluating the data folders of the prove, once each.
#include "runtime/prova/folders.h"

#include "runtime/eval/evaluate.h"

namespace misura::prova {

namespace fs = std::filesystem;

Folders::Folders(const ir::Module& module, SourceManager& sources)
    : module_(module), sources_(sources), base_(fs::path(module.sourcePath).parent_path()) {}

// base/dataDir without "." and ".." steps nor a trailing '/'; "." for the
// regolamento's own folder. An absolute dataDir stays as it is.
std::string Folders::resolve(const std::string& dataDir) const {
  std::string out = (base_ / dataDir).lexically_normal().string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out.empty() ? "." : out;
}

FolderRun& Folders::get(const std::string& dataDir) {
  std::string path = resolve(dataDir);
  auto [it, fresh] = runs_.try_emplace(path);
  FolderRun& run = it->second;
  if (!fresh) return run;
  run.shown = path;
  std::error_code ec;
  run.exists = fs::is_directory(path, ec) && !ec;
  if (!run.exists) return run;
  Diagnostics diags;
  eval::Options options;
  options.dataDir = path;
  run.evaluation = eval::evaluate(module_, options, sources_, diags);
  run.diagnostics = diags.all();
  return run;
}

}  // namespace misura::prova
