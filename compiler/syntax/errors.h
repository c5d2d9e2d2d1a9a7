// ANTLR error reporting replaced by ours: an error strategy that keeps
// ANTLR's recovery (DefaultErrorStrategy: several errors per run) but phrases
// every message in Italian with readable token names, and a listener that
// catches whatever still reaches the recognizers' listener lists.
#pragma once

#include "antlr4-runtime.h"
#include "compiler/syntax/sink.h"
#include "compiler/syntax/source_map.h"
#include "compiler/syntax/token_names.h"

namespace misura::syntax {

class ItalianErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  ItalianErrorStrategy(const SourceMap& map, SyntaxSink& sink, const TokenNames& names)
      : map_(map), sink_(sink), names_(names) {}

 protected:
  void reportNoViableAlternative(antlr4::Parser* recognizer, const antlr4::NoViableAltException& e) override;
  void reportInputMismatch(antlr4::Parser* recognizer, const antlr4::InputMismatchException& e) override;
  void reportFailedPredicate(antlr4::Parser* recognizer, const antlr4::FailedPredicateException& e) override;
  void reportUnwantedToken(antlr4::Parser* recognizer) override;
  void reportMissingToken(antlr4::Parser* recognizer) override;
  // ANTLR's guess that a token is missing before the current one is right
  // for punctuation (a forgotten ')' or '}'); when a name stands where only
  // words can go (`campo intero`, an unknown type), the name is wrong, not
  // a word missing before it: report it as unexpected instead.
  bool singleTokenInsertion(antlr4::Parser* recognizer) override;
  // After ANTLR's deletion and insertion attempts, one more repair: a name
  // where another word or a literal was due is taken as a substitute for it
  // (reported once) when what follows fits, so that parsing goes on after
  // it without a cascade of errors.
  antlr4::Token* recoverInline(antlr4::Parser* recognizer) override;

 private:
  // True if the current token is a name and no punctuation was expected.
  bool nameInsteadOfWord(antlr4::Parser* recognizer);
  // True if, read as the expected token, the current one would let the
  // parse go on with the token after it.
  bool substitutable(antlr4::Parser* recognizer);
  // "simbolo inatteso «X»: si attendeva …"; `expected` may be null.
  void unexpected(antlr4::Token* token, const antlr4::misc::IntervalSet* expected);
  // A suggestion for common slips: a reserved word as a name, a bad date.
  std::string hintFor(antlr4::Token* token, const antlr4::misc::IntervalSet& expected) const;
  // ')' or '}' if the error is best explained by that closer missing, else 0.
  size_t missingCloser(antlr4::Token* token, const antlr4::misc::IntervalSet& expected) const;
  // "prima di «X»" or "prima della fine del file".
  std::string before(antlr4::Token* token) const;
  void emit(antlr4::Token* token, std::string message, std::string hint = {});

  const SourceMap& map_;
  SyntaxSink& sink_;
  const TokenNames& names_;
  size_t reported_ = 0;
};

// Installed on the lexer and the parser in place of ConsoleErrorListener.
// The lexer never fails (CARATTERE_ERRATO takes any character) and the
// strategy above reports parser errors itself, so this is a safety net.
class SinkErrorListener : public antlr4::BaseErrorListener {
 public:
  SinkErrorListener(const SourceMap& map, SyntaxSink& sink) : map_(map), sink_(sink) {}

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offendingSymbol, size_t line,
                   size_t charPositionInLine, const std::string& msg, std::exception_ptr e) override;

 private:
  const SourceMap& map_;
  SyntaxSink& sink_;
  size_t reported_ = 0;
};

}  // namespace misura::syntax
