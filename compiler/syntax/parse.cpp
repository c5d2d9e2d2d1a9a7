// The entry point of the stage: decode, lex, pre-scan, parse, build; and
// the boundary where every exception turns into a diagnostic.
#include "compiler/syntax/parse.h"

#include <fmt/format.h>

#include "MisuraLexer.h"
#include "compiler/syntax/builder.h"
#include "compiler/syntax/errors.h"
#include "compiler/syntax/guarded_parser.h"
#include "compiler/syntax/tokens.h"

namespace misura::syntax {

namespace {

// An input stream over text we decoded ourselves: ANTLR's own UTF-8
// decoding throws on invalid bytes, ours turns them into U+FFFD.
class DecodedInputStream : public antlr4::ANTLRInputStream {
 public:
  DecodedInputStream(const std::u32string& chars, const std::string& sourceName) {
    _data = chars;
    p = 0;
    name = sourceName;
  }
};

struct Target {
  ast::Program& program;
  const KeepDeclarations& keep;
};

void parseTokens(const SourceManager& sources, const SourceMap& map, SyntaxSink& sink, const Target& target) {
  reportInvalidBytes(map, sink);
  DecodedInputStream input(map.decoded().chars, sources.path(map.file()));
  gen::MisuraLexer lexer(&input);
  SinkErrorListener listener(map, sink);
  lexer.removeErrorListeners();
  lexer.addErrorListener(&listener);
  size_t dot = literalTokenType(lexer.getVocabulary(), ".");
  VectorTokenSource source(prescan(lexAll(lexer), map, dot, sink), &input);
  antlr4::CommonTokenStream stream(&source);

  GuardedParser parser(&stream);
  TokenNames names(parser);
  parser.removeErrorListeners();
  parser.addErrorListener(&listener);
  parser.setErrorHandler(std::make_shared<ItalianErrorStrategy>(map, sink, names));
  P::ProgrammaContext* tree = parser.programma();
  if (sink.any()) return;  // the tree has holes: do not build

  Builder(map, sink, target.program.nodeCount).program(target.program, tree, target.keep);
}

void internalError(SyntaxSink& sink, Span span, std::string_view what) {
  sink.error(code::kInternal, span, fmt::format("errore interno dell'analisi sintattica: {}", what),
             "segnala il problema a chi mantiene Misura, allegando il file");
}

// Runs parseTokens and reports whatever it throws.
void guarded(const SourceManager& sources, const SourceMap& map, SyntaxSink& sink, const Target& target) {
  Span start{map.file(), 0, 0};
  try {
    parseTokens(sources, map, sink, target);
  } catch (const NestingTooDeep& e) {
    sink.error(code::kTooDeep, map.spanOfChars(e.startChar, std::max(e.startChar, e.stopChar + 1)),
               fmt::format("espressione annidata troppo in profondità (oltre {} livelli)", kMaxExprDepth),
               "spezza l'espressione in parti più semplici, per esempio con un indicatore");
  } catch (const TooManyErrors&) {
    sink.markTruncated();  // finish() adds the closing note
  } catch (const InternalError& e) {
    internalError(sink, start, e.what);
  } catch (const std::exception& e) {
    internalError(sink, start, e.what());
  } catch (const char* e) {
    internalError(sink, start, e ? e : "eccezione senza messaggio");
  } catch (const std::string& e) {
    internalError(sink, start, e);
  } catch (...) {
    internalError(sink, start, "eccezione sconosciuta");
  }
}

}  // namespace

bool parseInto(const SourceManager& sources, FileId file, Diagnostics& diags, ast::Program& into,
               const KeepDeclarations& keep) {
  SyntaxSink sink(diags);
  try {
    const std::string& text = sources.text(file);
    DecodedText decoded = decodeUtf8(text);
    SourceMap map(file, text, decoded);
    guarded(sources, map, sink, Target{into, keep});
  } catch (...) {
    try {
      internalError(sink, Span{file, 0, 0}, "memoria esaurita o file non valido");
    } catch (...) {  // nothing more can be done; never let it escape
    }
  }
  bool failed = sink.any();
  sink.finish();
  return !failed;
}

std::optional<ast::Program> parse(const SourceManager& sources, FileId file, Diagnostics& diags) {
  ast::Program program;
  if (!parseInto(sources, file, diags, program)) return std::nullopt;
  return program;
}

}  // namespace misura::syntax
