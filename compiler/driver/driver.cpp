// The driver chains the compiler's stages and stops after the first one
// that reported errors, so later stages only ever see well-formed input.
#include "compiler/driver/driver.h"

#include <algorithm>
#include <fstream>
#include <filesystem>
#include <iterator>

#include <fmt/format.h>

#include "compiler/lower/lower.h"
#include "compiler/sema/checked.h"
#include "compiler/support/utf8.h"
#include "compiler/syntax/parse.h"

namespace misura {

namespace {

// Reads and registers the source; reports E0001/E0002 without a location
// since the text itself is unusable.
std::optional<FileId> readSource(const std::string& path, Compilation& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in || std::filesystem::is_directory(path)) {
    out.diags.error("E0001", Span{}, fmt::format("impossibile leggere il file «{}»", path),
                    "controlla il percorso e che il file esista e sia leggibile");
    return std::nullopt;
  }
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (hasUtf8Bom(text)) text.erase(0, 3);
  if (auto bad = firstInvalidUtf8(text)) {
    size_t line = 1 + std::count(text.begin(), text.begin() + *bad, '\n');
    out.diags.error("E0002", Span{},
                    fmt::format("il file «{}» non è in UTF-8: byte non valido alla riga {}", path, line),
                    "salva il regolamento con la codifica UTF-8 (in Blocco note: Salva con nome, Codifica: UTF-8)");
    return std::nullopt;
  }
  return out.sources.add(path, std::move(text));
}

}  // namespace

bool compileFile(const std::string& path, Compilation& out, Stage upTo) {
  auto file = readSource(path, out);
  if (!file) return false;
  out.ast = syntax::parse(out.sources, *file, out.diags);
  if (!out.ast || upTo == Stage::Syntax) return out.ast.has_value();
  out.checked = sema::check(*out.ast, out.diags);
  if (!out.checked || upTo == Stage::Sema) return out.checked.has_value();
  out.module = lower(*out.checked, path);
  return !out.diags.hasErrors();
}

}  // namespace misura
