// Readable Italian names of tokens for syntax error messages: «)»,
// «fine del file», «un nome», ... and the summary of an expected-token set,
// with the big sets collapsed («un'espressione», «un operatore», «un tipo»).
#pragma once

#include <cstddef>
#include <sys/types.h>  // ssize_t, as in the ANTLR runtime
#include <string>
#include <string_view>
#include <vector>

namespace antlr4 {
class Parser;
namespace dfa {
class Vocabulary;
}
namespace misc {
class IntervalSet;
}
}  // namespace antlr4

namespace misura::syntax {

class TokenNames {
 public:
  // Reads the vocabulary and the FIRST sets of `nome`, `tipo` and `espr`
  // from the parser's ATN, so it follows the grammar.
  explicit TokenNames(antlr4::Parser& parser);

  // Token type of a keyword or punctuation written without quotes ("."),
  // or 0 if the grammar has no such literal.
  size_t type(std::string_view literal) const;
  // "«)»", "«fine del file»", "«un nome»".
  std::string name(size_t type) const;
  // "«a», «b» o «c»"; at most kMaxListed items, then "o altro". Empty if
  // nothing sensible can be said.
  std::string expected(const antlr4::misc::IntervalSet& set) const;

  // True for the keywords that open a top-level declaration.
  bool startsDeclaration(size_t type) const;
  // True for literal tokens that are not words: ')', '->', '%', ...
  bool isPunctuation(size_t type) const;
  // True for keywords the lexer reserves (never names), like «a» or «se».
  bool isReservedWord(size_t type) const;

  static constexpr size_t kMaxListed = 6;

 private:
  // Replaces each big set in `items` (every name, every start of an
  // expression, every type, every operator) by one readable category.
  std::vector<std::string> collapse(std::vector<ssize_t>& items) const;

  std::vector<std::string> literals_;  // by token type, without quotes
  std::vector<std::string> symbols_;   // by token type
  std::vector<size_t> nameFirst_, typeFirst_, exprFirst_, declFirst_, operators_;
};

// Token type of a keyword or punctuation written without quotes ("."), or 0.
size_t literalTokenType(const antlr4::dfa::Vocabulary& vocabulary, std::string_view literal);

// The source text of an offending token as shown in a message: control and
// invisible characters as U+XXXX, long texts cut with "…".
std::string showSource(std::string_view text);

// The whole UTF-8 character at the start of `text`, for E0102.
std::string_view firstChar(std::string_view text);

// True for a combining accent (U+0300..U+036F): an accented letter written
// decomposed (NFD), as some editors on macOS do.
bool isCombiningMark(std::string_view utf8Char);

// "«§»" for a printable character, "U+0007 (invisibile o di controllo)"
// for one that cannot be shown, a note for a byte that is not UTF-8.
std::string describeChar(std::string_view utf8Char);

}  // namespace misura::syntax
