// Internal to runtime/prova: the data folders of the prove, each evaluated
// once however many prove use it.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/support/diagnostics.h"
#include "runtime/eval/results.h"

namespace misura::prova {

struct FolderRun {
  std::string shown;   // the folder as shown in messages: "prove/dato_mancante", "examples/x/dati"
  bool exists = false;
  std::optional<eval::Evaluation> evaluation;  // nullopt: missing folder, or data with errors
  std::vector<Diagnostic> diagnostics;         // all that the evaluation reported
  // What was already attached to a failed prova, so it is shown once.
  bool dataErrorsShown = false;
  std::set<std::string> personErrorsShown;  // matricole
};

class Folders {
 public:
  Folders(const ir::Module& module, SourceManager& sources);

  // The run of the folder `dataDir` (as written in the prova, relative to
  // the regolamento's folder), evaluating it on first use.
  FolderRun& get(const std::string& dataDir);

 private:
  std::string resolve(const std::string& dataDir) const;

  const ir::Module& module_;
  SourceManager& sources_;
  std::filesystem::path base_;
  std::map<std::string, FolderRun> runs_;  // by resolved path
};

}  // namespace misura::prova
