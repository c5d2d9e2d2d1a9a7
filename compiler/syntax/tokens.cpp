#include "compiler/syntax/tokens.h"

#include <fmt/format.h>

#include "MisuraLexer.h"
#include "compiler/support/date.h"
#include "compiler/support/limits.h"
#include "compiler/support/rational.h"
#include "compiler/syntax/literals.h"
#include "compiler/syntax/token_names.h"

namespace misura::syntax {

namespace {

using gen::MisuraLexer;
using TokenPtr = std::unique_ptr<antlr4::Token>;

bool adjacent(const antlr4::Token& a, const antlr4::Token& b) {
  return b.getStartIndex() == a.getStopIndex() + 1;
}

std::string strayHint(std::string_view text) {
  if (text == "”") return "i testi vanno tra virgolette diritte: \"...\"";
  if (isCombiningMark(text))
    return "è un accento staccato dalla sua lettera (testo in forma scomposta): riscrivi la lettera accentata";
  return {};
}

class Prescan {
 public:
  Prescan(const SourceMap& map, size_t dotType, SyntaxSink& sink) : map_(map), sink_(sink), dot_(dotType) {}

  std::vector<TokenPtr> run(std::vector<TokenPtr> in);

 private:
  size_t invalidChar(std::vector<TokenPtr>& in, size_t i);
  size_t textUpTo(std::vector<TokenPtr>& in, size_t i, size_t end, bool quoted);
  size_t strayRun(const std::vector<TokenPtr>& in, size_t i) const;
  size_t literalRun(std::vector<TokenPtr>& in, size_t i);
  size_t lineEnd(size_t from) const;
  size_t findOnLine(size_t from, char32_t c) const;
  void checkNumber(const antlr4::Token& t);
  void checkDate(const antlr4::Token& t);
  void checkText(const antlr4::Token& t);

  const SourceMap& map_;
  SyntaxSink& sink_;
  size_t dot_;
  std::vector<TokenPtr> out_;
};

std::vector<TokenPtr> Prescan::run(std::vector<TokenPtr> in) {
  for (size_t i = 0; i < in.size();) {
    switch (in[i]->getType()) {
      case MisuraLexer::CARATTERE_ERRATO: i = invalidChar(in, i); continue;
      case MisuraLexer::NUMERO:
      case MisuraLexer::DATA: i = literalRun(in, i); continue;
      case MisuraLexer::TESTO: checkText(*in[i]); break;
      default: break;
    }
    out_.push_back(std::move(in[i++]));
  }
  return std::move(out_);
}

size_t Prescan::lineEnd(size_t from) const {
  const std::u32string& chars = map_.decoded().chars;
  while (from < chars.size() && chars[from] != U'\n' && chars[from] != U'\r') ++from;
  return from;
}

// Index of the first `c` after `from` on the same line, or npos.
size_t Prescan::findOnLine(size_t from, char32_t c) const {
  const std::u32string& chars = map_.decoded().chars;
  for (size_t i = from + 1, end = lineEnd(from); i < end; ++i)
    if (chars[i] == c) return i;
  return std::u32string::npos;
}

size_t Prescan::invalidChar(std::vector<TokenPtr>& in, size_t i) {
  const antlr4::Token& t = *in[i];
  Span span = map_.span(&t);
  std::string_view text = map_.text(span);
  size_t start = t.getStartIndex();
  if (text == "\"") {
    sink_.error(code::kBadText, map_.spanOfChars(start, lineEnd(start)),
                "testo non terminato: manca «\"» di chiusura",
                "un testo tra virgolette va chiuso sulla stessa riga");
    return textUpTo(in, i, lineEnd(start), true);
  }
  if (map_.isInvalidByte(span.begin)) return i + 1;  // reported by reportInvalidBytes
  bool curly = text == "“" && findOnLine(start, U'”') != std::u32string::npos;
  if (curly) {  // a text in typographic quotes is read as a text, to avoid more errors
    sink_.error(code::kBadChar, span, "carattere non valido " + describeChar(text),
                "i testi vanno tra virgolette diritte: \"...\"");
    return textUpTo(in, i, findOnLine(start, U'”') + 1, false);
  }
  size_t j = strayRun(in, i);
  if (j - i > 1) {
    Span run = Span::cover(span, map_.span(in[j - 1].get()));
    sink_.error(code::kBadChar, run, fmt::format("caratteri non validi «{}»", showSource(map_.text(run))));
  } else {
    sink_.error(code::kBadChar, span, "carattere non valido " + describeChar(text), strayHint(text));
  }
  return j;
}

// The end of the run of adjacent invalid characters starting at in[i].
size_t Prescan::strayRun(const std::vector<TokenPtr>& in, size_t i) const {
  size_t j = i + 1;
  while (j < in.size() && in[j]->getType() == MisuraLexer::CARATTERE_ERRATO && adjacent(*in[j - 1], *in[j])) {
    Span span = map_.span(in[j].get());
    std::string_view text = map_.text(span);
    if (text == "\"" || text == "“" || map_.isInvalidByte(span.begin)) break;
    ++j;
  }
  return j;
}

// Replaces the tokens from in[i] up to the character `end` (excluded) by one
// TESTO, so that a malformed text costs one error and not one per word.
size_t Prescan::textUpTo(std::vector<TokenPtr>& in, size_t i, size_t end, bool quoted) {
  auto text = std::make_unique<antlr4::CommonToken>(in[i].get());
  text->setType(MisuraLexer::TESTO);
  text->setStopIndex(end - 1);
  text->setText(std::string(map_.text(map_.spanOfChars(in[i]->getStartIndex(), end))));
  if (quoted) checkText(*text);
  out_.push_back(std::move(text));
  size_t j = i + 1;
  while (j < in.size() && in[j]->getType() != antlr4::Token::EOF && in[j]->getStartIndex() < end) ++j;
  return j;
}

// A number or date with digits or dots glued after it ("1.5", "1.2024",
// "31/12/20245") is one mistyped literal: merge it back into one token.
size_t Prescan::literalRun(std::vector<TokenPtr>& in, size_t i) {
  size_t j = i + 1;
  while (j < in.size() && adjacent(*in[j - 1], *in[j]) &&
         (in[j]->getType() == MisuraLexer::NUMERO || in[j]->getType() == dot_))
    ++j;
  if (j - i > 1) {
    auto merged = std::make_unique<antlr4::CommonToken>(in[i].get());
    merged->setStopIndex(in[j - 1]->getStopIndex());
    merged->setText(std::string(map_.text(merged.get())));
    in[i] = std::move(merged);
  }
  if (in[i]->getType() == MisuraLexer::DATA) checkDate(*in[i]);
  else checkNumber(*in[i]);
  out_.push_back(std::move(in[i]));
  return j;
}

void Prescan::checkNumber(const antlr4::Token& t) {
  std::string_view text = map_.text(&t);
  if (size_t digits = countDigits(text); digits > limits().digits) {
    sink_.error(code::kTooManyDigits, map_.span(&t),
                fmt::format("numero troppo lungo: {} cifre, al massimo {}", formatCount(digits),
                            formatCount(limits().digits)),
                "nessuna regola ha bisogno di un numero così lungo: controlla di non aver incollato altro testo");
    return;
  }
  auto parsed = parseItalianNumber(text);
  if (auto* error = std::get_if<NumberParseError>(&parsed))
    sink_.error(code::kBadNumber, map_.span(&t), fmt::format("numero non valido «{}»", showSource(text)),
                describe(*error, text));
}

void Prescan::checkDate(const antlr4::Token& t) {
  std::string_view text = map_.text(&t);
  if (parseItalianDate(text)) return;
  std::string hint = dateHint(text);  // empty unless the shape is right
  if (hint.empty())
    sink_.error(code::kBadDate, map_.span(&t), fmt::format("data non valida «{}»", showSource(text)),
                "le date si scrivono gg/mm/aaaa, con l'anno di quattro cifre");
  else
    sink_.error(code::kBadDate, map_.span(&t), fmt::format("data inesistente «{}»", text), hint);
}

void Prescan::checkText(const antlr4::Token& t) {
  Span span = map_.span(&t);
  std::string_view text = map_.text(span);
  for (auto [offset, length] : readText(text).badEscapes) {
    Span at{span.file, span.begin + uint32_t(offset), span.begin + uint32_t(offset + length)};
    sink_.error(code::kBadText, at,
                fmt::format("sequenza di escape non valida «{}»", showSource(text.substr(offset, length))),
                "nei testi sono ammessi solo \\\" (virgolette) e \\\\ (barra rovesciata)");
  }
}

}  // namespace

std::vector<TokenPtr> lexAll(antlr4::Lexer& lexer) {
  std::vector<TokenPtr> tokens;
  for (;;) {
    TokenPtr t = lexer.nextToken();
    bool eof = t->getType() == antlr4::Token::EOF;
    tokens.push_back(std::move(t));
    if (eof) return tokens;
  }
}

std::vector<TokenPtr> prescan(std::vector<TokenPtr> tokens, const SourceMap& map, size_t dotType,
                              SyntaxSink& sink) {
  return Prescan(map, dotType, sink).run(std::move(tokens));
}

void reportInvalidBytes(const SourceMap& map, SyntaxSink& sink) {
  const std::vector<uint32_t>& bad = map.decoded().invalidBytes;
  for (size_t i = 0; i < bad.size(); ++i) {
    if (i > 0 && bad[i] == bad[i - 1] + 1) continue;  // one report per run of bad bytes
    Span span{map.file(), bad[i], bad[i] + 1};
    sink.error(code::kBadChar, span, "carattere non valido " + describeChar(map.text(span)),
               "salva il file con la codifica UTF-8");
  }
}

VectorTokenSource::VectorTokenSource(std::vector<TokenPtr> tokens, antlr4::CharStream* input)
    : tokens_(std::move(tokens)), input_(input) {}

std::unique_ptr<antlr4::Token> VectorTokenSource::nextToken() {
  if (next_ + 1 < tokens_.size()) return std::move(tokens_[next_++]);
  return std::make_unique<antlr4::CommonToken>(tokens_.back().get());  // EOF, as often as asked
}

size_t VectorTokenSource::getLine() const {
  return tokens_[std::min(next_, tokens_.size() - 1)]->getLine();
}

size_t VectorTokenSource::getCharPositionInLine() {
  return tokens_[std::min(next_, tokens_.size() - 1)]->getCharPositionInLine();
}

antlr4::TokenFactory<antlr4::CommonToken>* VectorTokenSource::getTokenFactory() {
  return antlr4::CommonTokenFactory::DEFAULT.get();
}

}  // namespace misura::syntax
