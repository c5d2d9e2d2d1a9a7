// The token pre-scan. The whole file is lexed before parsing; this pass
// reports the lexical errors (E0102 invalid characters and bytes, E0103
// numbers, E0104 dates, E0106 texts) and hands the parser a cleaned stream:
//  - invalid characters are dropped (already reported, no second error);
//  - an unterminated text becomes a TESTO token up to the end of its line;
//  - adjacent NUMERO/'.' tokens are merged back into one NUMERO, so that
//    "1.5" or "1.2024" (which the lexer splits) is reported once, as a
//    number, and not as an unexpected symbol.
#pragma once

#include <memory>
#include <vector>

#include "antlr4-runtime.h"
#include "compiler/syntax/sink.h"
#include "compiler/syntax/source_map.h"

namespace misura::syntax {

// All the tokens of `lexer`'s input, the last one EOF.
std::vector<std::unique_ptr<antlr4::Token>> lexAll(antlr4::Lexer& lexer);

// Reports what is wrong in `tokens` and returns the stream to parse;
// `dotType` is the token type of '.'.
std::vector<std::unique_ptr<antlr4::Token>> prescan(std::vector<std::unique_ptr<antlr4::Token>> tokens,
                                                    const SourceMap& map, size_t dotType, SyntaxSink& sink);

// Reports each byte that is not valid UTF-8 (E0102), once per run of them.
void reportInvalidBytes(const SourceMap& map, SyntaxSink& sink);

// Feeds a prepared token vector to a CommonTokenStream.
class VectorTokenSource : public antlr4::TokenSource {
 public:
  VectorTokenSource(std::vector<std::unique_ptr<antlr4::Token>> tokens, antlr4::CharStream* input);

  std::unique_ptr<antlr4::Token> nextToken() override;
  size_t getLine() const override;
  size_t getCharPositionInLine() override;
  antlr4::CharStream* getInputStream() override { return input_; }
  std::string getSourceName() override { return input_->getSourceName(); }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override;

 private:
  std::vector<std::unique_ptr<antlr4::Token>> tokens_;  // ends with EOF
  size_t next_ = 0;
  antlr4::CharStream* input_;
};

}  // namespace misura::syntax
