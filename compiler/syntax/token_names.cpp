#include "compiler/syntax/token_names.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "MisuraParser.h"
#include "compiler/syntax/source_map.h"

namespace misura::syntax {

namespace {

using gen::MisuraParser;
constexpr ssize_t kEof = -1;

std::vector<size_t> firstSet(const antlr4::Parser& parser, size_t rule) {
  const antlr4::atn::ATN& atn = parser.getATN();
  std::vector<size_t> out;
  for (ssize_t t : atn.nextTokens(atn.ruleToStartState[rule]).toList())
    if (t > 0) out.push_back(static_cast<size_t>(t));
  return out;
}

bool containsAll(const std::vector<ssize_t>& items, const std::vector<size_t>& set) {
  return std::all_of(set.begin(), set.end(), [&](size_t t) {
    return std::find(items.begin(), items.end(), static_cast<ssize_t>(t)) != items.end();
  });
}

void removeAll(std::vector<ssize_t>& items, const std::vector<size_t>& set, ssize_t keep = 0) {
  std::erase_if(items, [&](ssize_t t) {
    return t != keep && std::find(set.begin(), set.end(), static_cast<size_t>(t)) != set.end();
  });
}

std::string guillemets(std::string_view s) { return fmt::format("«{}»", s); }

std::string joinItalian(const std::vector<std::string>& items, bool more) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += (i + 1 == items.size() && !more) ? " o " : ", ";
    out += items[i];
  }
  if (more) out += " o altro";
  return out;
}

}  // namespace

TokenNames::TokenNames(antlr4::Parser& parser) {
  const antlr4::dfa::Vocabulary& v = parser.getVocabulary();
  size_t max = v.getMaxTokenType();
  for (size_t t = 0; t <= max; ++t) {
    std::string lit = v.getLiteralName(t);
    if (lit.size() >= 2 && lit.front() == '\'' && lit.back() == '\'') lit = lit.substr(1, lit.size() - 2);
    literals_.push_back(lit);
    symbols_.push_back(v.getSymbolicName(t));
  }
  nameFirst_ = firstSet(parser, MisuraParser::RuleNome);
  typeFirst_ = firstSet(parser, MisuraParser::RuleTipo);
  exprFirst_ = firstSet(parser, MisuraParser::RuleEspr);
  declFirst_ = firstSet(parser, MisuraParser::RuleDichiarazione);
  for (const char* op : {"*", "/", "+", "-", "<", "<=", ">", ">=", "=", "<>", "e", "o"})
    if (size_t t = type(op)) operators_.push_back(t);
}

size_t literalTokenType(const antlr4::dfa::Vocabulary& vocabulary, std::string_view literal) {
  std::string quotedLiteral = fmt::format("'{}'", literal);
  for (size_t t = 1; t <= vocabulary.getMaxTokenType(); ++t)
    if (vocabulary.getLiteralName(t) == quotedLiteral) return t;
  return 0;
}

bool TokenNames::startsDeclaration(size_t t) const {
  return std::find(declFirst_.begin(), declFirst_.end(), t) != declFirst_.end();
}

bool TokenNames::isPunctuation(size_t t) const {
  return t < literals_.size() && !literals_[t].empty() && !std::isalpha(static_cast<unsigned char>(literals_[t][0]));
}

bool TokenNames::isReservedWord(size_t t) const {
  if (t >= literals_.size() || literals_[t].empty() || !std::isalpha(static_cast<unsigned char>(literals_[t][0])))
    return false;
  return std::find(nameFirst_.begin(), nameFirst_.end(), t) == nameFirst_.end();
}

size_t TokenNames::type(std::string_view literal) const {
  for (size_t t = 1; t < literals_.size(); ++t)
    if (literals_[t] == literal) return t;
  return 0;
}

std::string TokenNames::name(size_t t) const {
  if (t == antlr4::Token::EOF) return guillemets("fine del file");
  switch (t) {
    case MisuraParser::ID: return guillemets("un nome");
    case MisuraParser::NUMERO: return guillemets("un numero");
    case MisuraParser::TESTO: return guillemets("un testo tra virgolette");
    case MisuraParser::DATA: return guillemets("una data");
    case MisuraParser::SEP: return guillemets(",");
    default: break;
  }
  if (t < literals_.size() && !literals_[t].empty()) return guillemets(literals_[t]);
  return guillemets(t < symbols_.size() ? symbols_[t] : "?");
}

std::vector<std::string> TokenNames::collapse(std::vector<ssize_t>& items) const {
  std::vector<std::string> categories;
  bool hasId = std::find(items.begin(), items.end(), MisuraParser::ID) != items.end();
  if (hasId) removeAll(items, nameFirst_, MisuraParser::ID);  // soft keywords are names here
  std::vector<size_t> exprStart = exprFirst_;  // what is left of it once names are collapsed
  std::erase_if(exprStart, [&](size_t t) {
    return t != MisuraParser::ID && std::find(nameFirst_.begin(), nameFirst_.end(), t) != nameFirst_.end();
  });
  if (hasId && containsAll(items, exprStart)) {
    removeAll(items, exprStart);
    categories.push_back(guillemets("un'espressione"));
  }
  if (!hasId && containsAll(items, typeFirst_)) {
    removeAll(items, typeFirst_);
    categories.push_back(guillemets("un tipo"));
  }
  if (containsAll(items, operators_)) {
    removeAll(items, operators_);
    categories.push_back(guillemets("un operatore"));
  }
  return categories;
}

std::string TokenNames::expected(const antlr4::misc::IntervalSet& set) const {
  std::vector<ssize_t> items = set.toList();
  std::erase_if(items, [](ssize_t t) { return t == 0 || t == MisuraParser::CARATTERE_ERRATO; });
  std::vector<std::string> categories = collapse(items);
  auto isCloser = [&](ssize_t t) { return t == ssize_t(type(")")) || t == ssize_t(type("}")); };

  // Closing brackets first (the most common fix), then the categories, the
  // other tokens in grammar order, the end of the file last.
  std::vector<std::string> names;
  for (ssize_t t : items)
    if (isCloser(t)) names.push_back(name(static_cast<size_t>(t)));
  names.insert(names.end(), categories.begin(), categories.end());
  // The prefixes of a dated clause (`dal 2024:`) may start almost any item:
  // rarely the fix, so after the others.
  auto isPrefix = [&](ssize_t t) { return t == ssize_t(type("dal")) || t == ssize_t(type("fino")) || t == ssize_t(type("nel")); };
  for (ssize_t t : items)
    if (!isCloser(t) && !isPrefix(t) && t != kEof) names.push_back(name(static_cast<size_t>(t)));
  for (ssize_t t : items)
    if (isPrefix(t)) names.push_back(name(static_cast<size_t>(t)));
  if (std::find(items.begin(), items.end(), kEof) != items.end()) names.push_back(name(antlr4::Token::EOF));

  bool more = names.size() > kMaxListed;
  if (more) names.resize(kMaxListed);
  return joinItalian(names, more);
}

}  // namespace misura::syntax
