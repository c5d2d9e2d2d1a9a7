#include "compiler/support/utf8.h"

namespace misura {

namespace {

// Length of the well-formed sequence starting at s[i], or 0 if ill-formed
// (the ranges of the Unicode standard, table 3-7).
int sequenceLength(std::string_view s, size_t i) {
  auto at = [&](size_t k) -> unsigned { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0x100; };
  auto inRange = [&](size_t k, unsigned lo, unsigned hi) { return at(k) >= lo && at(k) <= hi; };
  unsigned c = at(i);
  if (c == 0) return 0;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return inRange(i + 1, 0x80, 0xBF) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    return inRange(i + 1, lo, hi) && inRange(i + 2, 0x80, 0xBF) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    return inRange(i + 1, lo, hi) && inRange(i + 2, 0x80, 0xBF) && inRange(i + 3, 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

}  // namespace

std::optional<uint32_t> firstInvalidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    int n = sequenceLength(text, i);
    if (n == 0) return static_cast<uint32_t>(i);
    i += n;
  }
  return std::nullopt;
}

bool hasUtf8Bom(std::string_view text) { return text.substr(0, 3) == "\xEF\xBB\xBF"; }

}  // namespace misura
