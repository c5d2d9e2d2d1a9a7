#include "compiler/syntax/guarded_parser.h"

#include "compiler/syntax/parse.h"

namespace misura::syntax {

namespace {

// Expressions enclosing `ctx`, itself included; stops counting past the cap.
int exprDepth(antlr4::tree::ParseTree* ctx) {
  int depth = 0;
  for (antlr4::tree::ParseTree* p = ctx; p != nullptr && depth <= kMaxExprDepth; p = p->parent) {
    auto* rule = dynamic_cast<antlr4::RuleContext*>(p);
    if (rule != nullptr && rule->getRuleIndex() == gen::MisuraParser::RuleEspr) ++depth;
  }
  return depth;
}

}  // namespace

void GuardedParser::enterRecursionRule(antlr4::ParserRuleContext* localctx, size_t state, size_t ruleIndex,
                                       int precedence) {
  // Thrown before the base call, so the parser's own bookkeeping (the
  // precedence stack, the current context) stays balanced while unwinding.
  if (ruleIndex == RuleEspr && exprDepth(localctx) > kMaxExprDepth) {
    antlr4::Token* at = getCurrentToken();
    throw NestingTooDeep{at->getStartIndex(), at->getStopIndex()};
  }
  gen::MisuraParser::enterRecursionRule(localctx, state, ruleIndex, precedence);
}

}  // namespace misura::syntax
