#include "compiler/support/undecodable.h"

namespace misura {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

Span registerUndecodable(SourceManager& sources, std::string path, std::string decodedPrefix,
                         std::string_view rest) {
  const uint32_t at = static_cast<uint32_t>(decodedPrefix.size());
  std::string text = std::move(decodedPrefix);
  text += kReplacement;
  for (size_t i = 1; i < rest.size() && i <= kShownBytes; ++i) {
    unsigned char c = static_cast<unsigned char>(rest[i]);
    if (c == '\n' || c == '\r') break;
    if (c == '\t' || (c >= 0x20 && c < 0x7F)) text += static_cast<char>(c);
    else text += kReplacement;
  }
  text += '\n';
  FileId id = sources.add(std::move(path), std::move(text));
  return Span{id, at, at + static_cast<uint32_t>(kReplacement.size())};
}

}  // namespace misura
