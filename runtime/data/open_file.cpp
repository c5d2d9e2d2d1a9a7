#include "runtime/data/open_file.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>

#include <fmt/format.h>

#include "runtime/data/data_limits.h"
#include "runtime/data/encoding.h"
#include "runtime/data/suggest.h"

namespace misura::data {

namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxListedFiles = 15;

// The regular files directly inside `dir`, sorted by name.
std::vector<std::string> filesIn(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) names.push_back(it->path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string missingFileHint(const ir::Dataset& dataset, const fs::path& dataDir) {
  std::error_code ec;
  if (!fs::is_directory(dataDir, ec))
    return fmt::format("la cartella dei dati «{}» non esiste: controlla l'opzione --dati", dataDir.string());
  std::vector<std::string> names = filesIn(dataDir);
  if (names.empty()) return fmt::format("la cartella dei dati «{}» è vuota", dataDir.string());
  std::string hint;
  if (std::string guess = didYouMean(fs::path(dataset.file).filename().string(), names); !guess.empty())
    hint = guess + " File";
  else
    hint = "file";
  hint += fmt::format(" presenti in «{}»: ", dataDir.string());
  for (size_t i = 0; i < names.size() && i < kMaxListedFiles; ++i) hint += (i ? ", " : "") + names[i];
  if (names.size() > kMaxListedFiles) hint += fmt::format(" e altri {}", names.size() - kMaxListedFiles);
  return hint;
}

std::optional<std::string> readBytes(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(bytes).str();
}

}  // namespace

std::optional<std::string> readDataBytes(const ir::Dataset& dataset, const fs::path& dataDir, Diagnostics& diags) {
  const fs::path path = dataDir / dataset.file;
  std::error_code ec;
  if (uint64_t size = fs::file_size(path, ec); !ec && fileTooBig(dataset, path, size, diags)) return std::nullopt;
  std::optional<std::string> bytes = readBytes(path);
  if (!bytes) {
    std::string what = fs::exists(path, ec) ? "impossibile leggere il file" : "file non trovato";
    diags.error("E0508", dataset.fileSpan,
                fmt::format("{} «{}» (dati «{}»)", what, path.string(), dataset.name),
                missingFileHint(dataset, dataDir));
    return std::nullopt;
  }
  return bytes;
}

std::optional<FileId> decodeDataFile(const ir::Dataset& dataset, const fs::path& path, const std::string& bytes,
                                     SourceManager& sources, Diagnostics& diags) {
  std::string encodingName = dataset.encoding.empty() ? "utf-8" : dataset.encoding;
  std::optional<Encoding> encoding = parseEncodingName(encodingName);
  if (!encoding) {
    diags.error("E0501", dataset.span, fmt::format("codifica «{}» sconosciuta", encodingName),
                "le codifiche ammesse sono utf-8, latin1 e windows-1252");
    return std::nullopt;
  }
  Decoded decoded = decode(bytes, *encoding);
  if (!decoded.ok) {
    reportBadEncoding(diags, sources, path.string(), bytes, decoded, *encoding);
    return std::nullopt;
  }
  return sources.add(path.string(), std::move(decoded.text));
}

std::optional<FileId> openDataFile(const ir::Dataset& dataset, const fs::path& dataDir, SourceManager& sources,
                                   Diagnostics& diags) {
  std::optional<std::string> bytes = readDataBytes(dataset, dataDir, diags);
  if (!bytes) return std::nullopt;
  return decodeDataFile(dataset, dataDir / dataset.file, *bytes, sources, diags);
}

}  // namespace misura::data
