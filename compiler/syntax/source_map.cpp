#include "compiler/syntax/source_map.h"

#include <algorithm>

#include "antlr4-runtime.h"

namespace misura::syntax {

namespace {

bool isContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

// Overlong forms, surrogates and values above U+10FFFF are invalid too.
size_t decodeChar(std::string_view s, size_t i, char32_t& cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (len == 0 || c > 0xF4 || c == 0xC0 || c == 0xC1 || i + len > s.size()) return 0;
  cp = c & (0x3F >> (len - 1));
  for (size_t k = 1; k < len; ++k) {
    unsigned char d = static_cast<unsigned char>(s[i + k]);
    if (!isContinuation(d)) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  static constexpr char32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMinimum[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

DecodedText decodeUtf8(std::string_view bytes) {
  DecodedText out;
  out.chars.reserve(bytes.size());
  out.byteOffset.reserve(bytes.size() + 1);
  size_t i = 0;
  while (i < bytes.size()) {
    char32_t cp = 0;
    size_t len = decodeChar(bytes, i, cp);
    out.byteOffset.push_back(static_cast<uint32_t>(i));
    if (len == 0) {
      out.invalidBytes.push_back(static_cast<uint32_t>(i));
      cp = U'\uFFFD';
      len = 1;
    }
    out.chars.push_back(cp);
    i += len;
  }
  out.byteOffset.push_back(static_cast<uint32_t>(bytes.size()));
  return out;
}

uint32_t SourceMap::offsetOfChar(size_t index) const {
  const auto& offsets = decoded_.byteOffset;
  return index < offsets.size() ? offsets[index] : offsets.back();
}

Span SourceMap::spanOfChars(size_t begin, size_t end) const {
  uint32_t b = offsetOfChar(begin);
  uint32_t e = std::max(b, offsetOfChar(end));
  return Span{file_, b, e};
}

Span SourceMap::endOfFile() const {
  uint32_t end = static_cast<uint32_t>(bytes_.size());
  return Span{file_, end, end};
}

Span SourceMap::span(const antlr4::Token* token) const {
  if (token == nullptr) return endOfFile();
  size_t start = token->getStartIndex();
  size_t stop = token->getStopIndex();
  if (start == INVALID_INDEX) return endOfFile();
  // EOF has stop == start - 1: an empty span where the file ends.
  size_t end = (stop == INVALID_INDEX || stop < start) ? start : stop + 1;
  return spanOfChars(start, end);
}

Span SourceMap::span(antlr4::tree::TerminalNode* node) const {
  return node ? span(node->getSymbol()) : endOfFile();
}

Span SourceMap::span(const antlr4::ParserRuleContext* ctx) const {
  Span first = span(ctx->start);
  if (ctx->stop == nullptr || ctx->stop->getStopIndex() == INVALID_INDEX ||
      ctx->stop->getStopIndex() < ctx->start->getStartIndex())
    return Span{file_, first.begin, first.begin};
  return Span::cover(first, span(ctx->stop));
}

std::string_view SourceMap::text(Span s) const {
  uint32_t b = std::min<uint32_t>(s.begin, bytes_.size());
  uint32_t e = std::min<uint32_t>(std::max(s.end, b), bytes_.size());
  return bytes_.substr(b, e - b);
}

bool SourceMap::isInvalidByte(uint32_t offset) const {
  return std::binary_search(decoded_.invalidBytes.begin(), decoded_.invalidBytes.end(), offset);
}

bool SourceMap::startsLine(Span s) const {
  for (uint32_t i = std::min<uint32_t>(s.begin, bytes_.size()); i > 0; --i) {
    char c = bytes_[i - 1];
    if (c == '\n') return true;
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

}  // namespace misura::syntax
