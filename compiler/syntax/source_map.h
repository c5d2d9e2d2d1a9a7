// UTF-8 decoding of a regolamento for ANTLR, and the way back: ANTLR indexes
// characters by code point (its input stream holds UTF-32), while every Span
// of the compiler is a byte offset into the UTF-8 text. SourceMap keeps the
// byte offset of every code point so token positions convert exactly.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/support/source.h"

namespace antlr4 {
class Token;
class ParserRuleContext;
namespace tree {
class TerminalNode;
}
}  // namespace antlr4

namespace misura::syntax {

// The text as code points. A byte that is not part of valid UTF-8 becomes
// one U+FFFD code point (the lexer then sees an invalid character) and its
// offset is listed in invalidBytes.
struct DecodedText {
  std::u32string chars;
  std::vector<uint32_t> byteOffset;  // per code point, plus one entry for the end
  std::vector<uint32_t> invalidBytes;
};

DecodedText decodeUtf8(std::string_view bytes);

// Length of the valid UTF-8 sequence at bytes[i], storing its code point in
// `cp`; 0 if the bytes there are not valid UTF-8.
size_t decodeChar(std::string_view bytes, size_t i, char32_t& cp);

class SourceMap {
 public:
  SourceMap(FileId file, std::string_view bytes, const DecodedText& decoded)
      : file_(file), bytes_(bytes), decoded_(decoded) {}

  FileId file() const { return file_; }
  const DecodedText& decoded() const { return decoded_; }

  // Byte span of a token; a token without a position (one conjured by
  // error recovery) yields an empty span at the end of the file.
  Span span(const antlr4::Token* token) const;
  Span span(antlr4::tree::TerminalNode* node) const;
  // From the first to the last token of a rule (empty if it matched nothing).
  Span span(const antlr4::ParserRuleContext* ctx) const;
  // Byte span of the code points [begin, end).
  Span spanOfChars(size_t begin, size_t end) const;
  Span endOfFile() const;

  std::string_view text(Span span) const;
  std::string_view text(const antlr4::Token* token) const { return text(span(token)); }

  bool isInvalidByte(uint32_t offset) const;
  // True if only spaces and tabs precede `span` on its line.
  bool startsLine(Span span) const;

 private:
  uint32_t offsetOfChar(size_t index) const;

  FileId file_;
  std::string_view bytes_;
  const DecodedText& decoded_;
};

}  // namespace misura::syntax
