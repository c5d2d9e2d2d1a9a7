// How source characters are shown inside messages (declared in token_names.h).
#include <fmt/format.h>

#include "compiler/syntax/source_map.h"
#include "compiler/syntax/token_names.h"

namespace misura::syntax {

namespace {

constexpr size_t kMaxShown = 30;  // code points of an offending token shown

// Characters a reader cannot see (or tell from a space), or that would
// garble the message, like a combining accent shown alone.
bool isInvisible(char32_t c) {
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= 0x2000 && c <= 0x200F) ||
         (c >= 0x2028 && c <= 0x202F) || c == 0x205F || c == 0x2060 || c == 0x3000 || c == 0xFEFF ||
         c == 0xFFFD || (c >= 0x0300 && c <= 0x036F);
}

}  // namespace

bool isCombiningMark(std::string_view utf8Char) {
  char32_t cp = 0;
  return decodeChar(utf8Char, 0, cp) > 0 && cp >= 0x0300 && cp <= 0x036F;
}

namespace {

std::string codePoint(char32_t c) { return fmt::format("U+{:04X}", static_cast<uint32_t>(c)); }

}  // namespace

std::string showSource(std::string_view text) {
  std::string out;
  size_t shown = 0;
  for (size_t i = 0; i < text.size(); ++shown) {
    if (shown == kMaxShown) return out + "…";
    char32_t cp = 0;
    size_t len = decodeChar(text, i, cp);
    if (len == 0) {
      out += fmt::format("0x{:02X}", static_cast<unsigned char>(text[i]));
      i += 1;
      continue;
    }
    out += isInvisible(cp) ? codePoint(cp) : std::string(text.substr(i, len));
    i += len;
  }
  return out;
}

std::string_view firstChar(std::string_view text) {
  if (text.empty()) return text;
  char32_t cp = 0;
  size_t len = decodeChar(text, 0, cp);
  return text.substr(0, len == 0 ? 1 : len);
}

std::string describeChar(std::string_view utf8Char) {
  char32_t cp = 0;
  if (decodeChar(utf8Char, 0, cp) == 0)
    return fmt::format("(il byte 0x{:02X} non fa parte di un testo UTF-8)", static_cast<unsigned char>(utf8Char[0]));
  if (isInvisible(cp)) return fmt::format("{} (invisibile o di controllo)", codePoint(cp));
  return fmt::format("«{}»", utf8Char);
}

}  // namespace misura::syntax
