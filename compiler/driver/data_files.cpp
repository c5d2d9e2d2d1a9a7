#include "compiler/driver/data_files.h"

#include <algorithm>

#include <fmt/format.h>

namespace misura {

namespace {

// Every file name the module reads, in declaration order, once each.
std::vector<std::string> declaredFiles(const ir::Module& module) {
  std::vector<std::string> names;
  auto note = [&](const std::string& f) {
    if (std::find(names.begin(), names.end(), f) == names.end()) names.push_back(f);
  };
  for (const ir::Dataset& ds : module.datasets) {
    note(ds.file);
    for (const ir::Dataset& more : ds.moreFiles) note(more.file);
  }
  return names;
}

std::string listed(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "«" : ", «") + n + "»";
  return out;
}

}  // namespace

bool replaceDataFiles(ir::Module& module, const std::vector<std::pair<std::string, std::string>>& files,
                      Diagnostics& diags) {
  bool ok = true;
  for (const auto& [from, to] : files) {
    bool found = false;
    for (ir::Dataset& ds : module.datasets) {
      if (ds.file == from) found = true, ds.file = to;
      for (ir::Dataset& more : ds.moreFiles)
        if (more.file == from) found = true, more.file = to;
    }
    if (found) continue;
    diags.error("E0705", Span{},
                fmt::format("il file «{}» di --file non è tra i file di dati del regolamento", from),
                "a sinistra di = va il nome come lo scrive il regolamento: " + listed(declaredFiles(module)));
    ok = false;
  }
  return ok;
}

}  // namespace misura
