#include "compiler/driver/module_path.h"

#include <algorithm>

namespace misura::modules {

namespace fs = std::filesystem;

fs::path relativePath(std::string_view name) {
  fs::path out;
  size_t start = 0;
  while (true) {
    size_t dot = name.find('.', start);
    std::string_view part = name.substr(start, dot == std::string_view::npos ? name.size() - start : dot - start);
    if (dot == std::string_view::npos) {
      out /= std::string(part) + ".misura";
      return out;
    }
    out /= std::string(part);
    start = dot + 1;
  }
}

std::optional<std::string> nameOf(const fs::path& relative) {
  if (relative.extension() != ".misura") return std::nullopt;
  std::string out;
  fs::path parts = relative.parent_path() / relative.stem();
  for (const fs::path& part : parts) {
    std::string s = part.string();
    if (s.empty() || s == "." || s == ".." || s.find('.') != std::string::npos) return std::nullopt;
    out += (out.empty() ? "" : ".") + s;
  }
  if (out.empty()) return std::nullopt;
  return out;
}

std::optional<fs::path> find(const std::vector<fs::path>& dirs, std::string_view name) {
  fs::path rel = relativePath(name);
  for (const fs::path& dir : dirs) {
    std::error_code ec;
    fs::path candidate = dir / rel;
    if (fs::is_regular_file(candidate, ec) && !ec) return candidate;
  }
  return std::nullopt;
}

namespace {

void collect(const fs::path& root, std::vector<std::string>& out) {
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end && out.size() < kMaxListed; it.increment(ec)) {
    if (it.depth() >= kMaxDepth) it.disable_recursion_pending();
    std::error_code fileEc;
    if (!it->is_regular_file(fileEc) || fileEc) continue;
    if (auto name = nameOf(it->path().lexically_relative(root))) out.push_back(*name);
  }
}

}  // namespace

std::vector<std::string> available(const std::vector<fs::path>& dirs) {
  std::vector<std::string> out;
  for (const fs::path& dir : dirs) collect(dir, out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<fs::path> stdlibDirs(const fs::path& exe) {
  std::vector<fs::path> candidates;
  fs::path bindir = exe.parent_path();
  candidates.push_back(bindir / ".." / "share" / "misura" / "stdlib");
#if defined(MISURA_BUILD_DIR) && defined(MISURA_SOURCE_STDLIB)
  std::error_code ec;
  if (fs::equivalent(bindir, MISURA_BUILD_DIR, ec) && !ec) candidates.push_back(MISURA_SOURCE_STDLIB);
#endif
  std::vector<fs::path> out;
  for (fs::path& c : candidates) {
    std::error_code ec;
    if (fs::is_directory(c, ec) && !ec) out.push_back(c.lexically_normal());
  }
  return out;
}

}  // namespace misura::modules
