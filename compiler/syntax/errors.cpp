#include "compiler/syntax/errors.h"

#include <fmt/format.h>

#include "MisuraParser.h"

namespace misura::syntax {

void ItalianErrorStrategy::emit(antlr4::Token* token, std::string message, std::string hint) {
  sink_.error(code::kUnexpected, map_.span(token), std::move(message), std::move(hint));
  if (++reported_ >= SyntaxSink::kMaxErrors) throw TooManyErrors{};
}

std::string ItalianErrorStrategy::before(antlr4::Token* token) const {
  if (token == nullptr || token->getType() == antlr4::Token::EOF) return "prima della fine del file";
  return fmt::format("prima di «{}»", showSource(map_.text(token)));
}

// A block left open shows up as the end of the file, a '}' where a ')' was
// due, or a new declaration at the start of a line inside a block.
size_t ItalianErrorStrategy::missingCloser(antlr4::Token* token, const antlr4::misc::IntervalSet& expected) const {
  size_t paren = names_.type(")"), brace = names_.type("}");
  size_t closer = expected.contains(paren) ? paren : expected.contains(brace) ? brace : 0;
  if (closer == 0 || token == nullptr) return 0;
  size_t type = token->getType();
  if (type == antlr4::Token::EOF) return closer;
  if (type == brace && closer == paren) return closer;
  if (closer == brace && names_.startsDeclaration(type) && map_.startsLine(map_.span(token))) return closer;
  return 0;
}

void ItalianErrorStrategy::unexpected(antlr4::Token* token, const antlr4::misc::IntervalSet* expected) {
  if (expected != nullptr) {
    if (size_t closer = missingCloser(token, *expected))
      return emit(token, fmt::format("manca {} {}", names_.name(closer), before(token)));
  }
  std::string what = expected ? names_.expected(*expected) : std::string();
  bool eof = token == nullptr || token->getType() == antlr4::Token::EOF;
  std::string message = eof ? std::string("fine del file inattesa")
                            : fmt::format("simbolo inatteso «{}»", showSource(map_.text(token)));
  if (!what.empty()) message += ": si attendeva " + what;
  emit(token, std::move(message), eof || !expected ? std::string() : hintFor(token, *expected));
}

std::string ItalianErrorStrategy::hintFor(antlr4::Token* token, const antlr4::misc::IntervalSet& expected) const {
  size_t type = token->getType();
  if (expected.contains(size_t(gen::MisuraParser::ID)) && names_.isReservedWord(type))
    return fmt::format("«{}» è una parola riservata del linguaggio e non può fare da nome", map_.text(token));
  if (expected.contains(size_t(gen::MisuraParser::DATA)) && type == gen::MisuraParser::NUMERO)
    return "le date si scrivono gg/mm/aaaa, con l'anno di quattro cifre";
  return {};
}

void ItalianErrorStrategy::reportNoViableAlternative(antlr4::Parser* recognizer,
                                                     const antlr4::NoViableAltException& e) {
  // When the decision looked ahead several tokens, the expected set of the
  // decision point says nothing about the offending token: omit it.
  antlr4::Token* token = e.getOffendingToken();
  if (e.getStartToken() != token) return unexpected(token, nullptr);
  antlr4::misc::IntervalSet expected = e.getExpectedTokens();
  unexpected(token, &expected);
}

void ItalianErrorStrategy::reportInputMismatch(antlr4::Parser* recognizer,
                                               const antlr4::InputMismatchException& e) {
  antlr4::misc::IntervalSet expected = e.getExpectedTokens();
  unexpected(e.getOffendingToken(), &expected);
}

void ItalianErrorStrategy::reportFailedPredicate(antlr4::Parser* recognizer,
                                                 const antlr4::FailedPredicateException& e) {
  // Only the precedence predicates of `espr` exist, and prediction checks them.
  unexpected(e.getOffendingToken(), nullptr);
}

void ItalianErrorStrategy::reportUnwantedToken(antlr4::Parser* recognizer) {
  if (inErrorRecoveryMode(recognizer)) return;
  beginErrorCondition(recognizer);
  antlr4::misc::IntervalSet expected = getExpectedTokens(recognizer);
  unexpected(recognizer->getCurrentToken(), &expected);
}

void ItalianErrorStrategy::reportMissingToken(antlr4::Parser* recognizer) {
  if (inErrorRecoveryMode(recognizer)) return;
  beginErrorCondition(recognizer);
  antlr4::Token* token = recognizer->getCurrentToken();
  emit(token, fmt::format("manca {} {}", names_.expected(getExpectedTokens(recognizer)), before(token)));
}

bool ItalianErrorStrategy::nameInsteadOfWord(antlr4::Parser* recognizer) {
  if (recognizer->getCurrentToken()->getType() != gen::MisuraParser::ID) return false;
  for (ssize_t t : getExpectedTokens(recognizer).toList())
    if (t > 0 && names_.isPunctuation(static_cast<size_t>(t))) return false;
  return true;
}

bool ItalianErrorStrategy::substitutable(antlr4::Parser* recognizer) {
  if (!nameInsteadOfWord(recognizer)) return false;
  const antlr4::atn::ATN& atn = recognizer->getATN();
  antlr4::atn::ATNState* current = atn.states[recognizer->getState()];
  if (current->transitions.empty()) return false;
  antlr4::atn::ATNState* next = current->transitions[0]->target;
  return atn.nextTokens(next, recognizer->getContext()).contains(recognizer->getInputStream()->LA(2));
}

bool ItalianErrorStrategy::singleTokenInsertion(antlr4::Parser* recognizer) {
  if (nameInsteadOfWord(recognizer)) return false;
  return antlr4::DefaultErrorStrategy::singleTokenInsertion(recognizer);
}

antlr4::Token* ItalianErrorStrategy::recoverInline(antlr4::Parser* recognizer) {
  if (antlr4::Token* matched = singleTokenDeletion(recognizer)) {
    recognizer->consume();
    return matched;
  }
  if (singleTokenInsertion(recognizer)) return getMissingSymbol(recognizer);
  if (!substitutable(recognizer)) throw antlr4::InputMismatchException(recognizer);
  if (!inErrorRecoveryMode(recognizer)) {
    beginErrorCondition(recognizer);
    antlr4::misc::IntervalSet expected = getExpectedTokens(recognizer);
    unexpected(recognizer->getCurrentToken(), &expected);
  }
  antlr4::Token* substitute = getMissingSymbol(recognizer);
  recognizer->consume();
  return substitute;
}

void SinkErrorListener::syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offendingSymbol,
                                    size_t line, size_t charPositionInLine, const std::string& msg,
                                    std::exception_ptr e) {
  if (offendingSymbol != nullptr) {
    sink_.error(code::kUnexpected, map_.span(offendingSymbol),
                fmt::format("simbolo inatteso «{}»", showSource(map_.text(offendingSymbol))));
  } else if (auto* lexer = dynamic_cast<antlr4::Lexer*>(recognizer)) {
    size_t at = lexer->tokenStartCharIndex;
    Span span = map_.spanOfChars(at, at + 1);
    sink_.error(code::kBadChar, span, "carattere non valido " + describeChar(firstChar(map_.text(span))));
  } else {
    sink_.error(code::kUnexpected, map_.endOfFile(), "errore di sintassi");
  }
  if (++reported_ >= SyntaxSink::kMaxErrors) throw TooManyErrors{};
}

}  // namespace misura::syntax
