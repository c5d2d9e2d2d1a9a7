// Module names and where their files are (docs/linguaggio.md, § 13).
//
// A module name is dotted, `legge.dl_13_2023`; its file is the path made of
// its parts, `legge/dl_13_2023.misura`, looked up in each folder of the
// search path in order: the folders given with --moduli, the regolamento's
// folder, its `moduli/` subfolder, then the standard library (stdlib).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace misura::modules {

// "legge.dl_13_2023" -> "legge/dl_13_2023.misura".
std::filesystem::path relativePath(std::string_view name);

// The inverse: "legge/dl_13_2023.misura" -> "legge.dl_13_2023"; nullopt for
// a path that is not a module's (another extension, an empty part, a part
// with a dot).
std::optional<std::string> nameOf(const std::filesystem::path& relative);

// The first `dir / relativePath(name)` that is a regular file, in order.
std::optional<std::filesystem::path> find(const std::vector<std::filesystem::path>& dirs, std::string_view name);

// Every module name found under `dirs` (at most kMaxListed, to a depth of
// kMaxDepth folders), sorted and without repetitions: the candidates of
// "forse intendevi".
inline constexpr size_t kMaxListed = 2000;
inline constexpr int kMaxDepth = 4;
std::vector<std::string> available(const std::vector<std::filesystem::path>& dirs);

// Where the standard library is for the misura binary at `exe`:
// `<bindir>/../share/misura/stdlib` (an installed misura) and, for a binary
// in the build tree, the source folder `stdlib/` (a path fixed at compile
// time). Only folders that exist are returned.
std::vector<std::filesystem::path> stdlibDirs(const std::filesystem::path& exe);

}  // namespace misura::modules
