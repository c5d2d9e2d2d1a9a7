// The generated parser, with a cap on the nesting of expressions: ANTLR
// parses `espr` by recursive descent, so 100000 '(' (or '-', 'non', 'se' in
// a row) would exhaust the stack. Entering an expression deeper than
// kMaxExprDepth throws NestingTooDeep, caught in parse() and reported as
// E0105 at the token where the limit was crossed.
#pragma once

#include "MisuraParser.h"

namespace misura::syntax {

// Carries code-point indexes, not the token: the token stream is gone by
// the time parse() catches it.
struct NestingTooDeep {
  size_t startChar, stopChar;
};

class GuardedParser : public gen::MisuraParser {
 public:
  using gen::MisuraParser::MisuraParser;
  using gen::MisuraParser::enterRecursionRule;

  void enterRecursionRule(antlr4::ParserRuleContext* localctx, size_t state, size_t ruleIndex,
                          int precedence) override;
};

}  // namespace misura::syntax
