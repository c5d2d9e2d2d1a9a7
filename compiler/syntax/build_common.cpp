// Builder: names, literal tokens, types and rounding clauses.
#include <algorithm>

#include <fmt/format.h>

#include "compiler/syntax/builder.h"
#include "compiler/syntax/literals.h"

namespace misura::syntax {

void Builder::program(ast::Program& into, P::ProgrammaContext* ctx, const KeepDeclarations& keep) {
  ast::SourceFile u = sourceFile(ctx);
  u.applied = !keep || keep(u);
  if (into.files.empty()) into.file = map_.file();
  into_ = &into;
  const size_t datedBefore = into.dated.size();  // this file's dated clauses come after
  evaluationYear(into, ctx);
  if (u.applied)
    for (P::DichiarazioneContext* d : declarations(ctx)) declaration(into, d);
  for (P::DichiarazioneContext* d : ctx->dichiarazione()) {
    if (u.applied) continue;
    while (auto* dated = dynamic_cast<P::DichDatataContext*>(d)) d = dated->dichiarazione();
    if (P::NomeContext* name = declaredName(d)) u.namesNotApplied.push_back(ident(name).name);
  }
  into.files.push_back(std::move(u));
  into.nodeCount = nextId_;
  // Dated clauses in writing order (declarations are filtered before their items).
  std::stable_sort(into.dated.begin() + static_cast<std::ptrdiff_t>(datedBefore), into.dated.end(),
                   [](const ast::DatedClause& a, const ast::DatedClause& b) { return a.span.begin < b.span.begin; });
}

ast::Ident Builder::ident(P::NomeContext* ctx) const {
  return ast::Ident{std::string(source(ctx->start)), span(ctx)};
}

ast::Ident Builder::code(P::CodiceContext* ctx) const {
  if (P::NomeContext* n = ctx->nome()) return ident(n);
  ast::Text t = text(ctx->TESTO());
  return ast::Ident{std::move(t.value), t.span, true};
}

std::vector<ast::Ident> Builder::idents(const std::vector<P::NomeContext*>& ctxs) const {
  std::vector<ast::Ident> out;
  for (P::NomeContext* n : ctxs) out.push_back(ident(n));
  return out;
}

ast::Text Builder::text(antlr4::tree::TerminalNode* node) const {
  return ast::Text{readText(source(node)).value, span(node)};
}

std::optional<ast::Text> Builder::optionalText(antlr4::tree::TerminalNode* node) const {
  if (node == nullptr) return std::nullopt;
  return text(node);
}

// The pre-scan has validated every literal; the reports here only guard
// against a token the pre-scan did not see.
Rational Builder::number(antlr4::tree::TerminalNode* node) {
  auto parsed = parseItalianNumber(source(node));
  if (auto* value = std::get_if<Rational>(&parsed)) return *value;
  sink_.error(code::kBadNumber, span(node), fmt::format("numero non valido «{}»", source(node)));
  return Rational();
}

Date Builder::date(antlr4::tree::TerminalNode* node) {
  if (auto value = parseItalianDate(source(node))) return *value;
  sink_.error(code::kBadDate, span(node), fmt::format("data inesistente «{}»", source(node)));
  return Date();
}

ast::TypeName Builder::typeName(P::TipoContext* ctx) const {
  using T = ast::TypeName;
  static const std::pair<std::string_view, T> kTypes[] = {
      {"testo", T::Testo}, {"numero", T::Numero}, {"percentuale", T::Percentuale}, {"punti", T::Punti},
      {"euro", T::Euro},   {"data", T::Data},     {"giorni", T::Giorni},           {"booleano", T::Booleano}};
  std::string_view word = source(ctx->start);
  for (auto [name, type] : kTypes)
    if (name == word) return type;
  throw InternalError{fmt::format("tipo sconosciuto «{}»", word)};
}

ast::Rounding Builder::rounding(P::ArrotondamentoContext* ctx) {
  ast::Rounding r;
  r.span = span(ctx);
  if (antlr4::tree::TerminalNode* n = ctx->NUMERO()) {
    r.decimals = readDecimals(source(n));
    if (!r.decimals)
      sink_.error(code::kBadNumber, span(n), fmt::format("numero di decimali non valido «{}»", source(n)),
                  fmt::format("indica un numero intero di decimali, da 0 a {}", kMaxDecimals));
  }
  r.mode = roundingMode(ctx->modoArrotondamento());
  return r;
}

void Builder::repeated(Span again, Span first, std::string message) {
  sink_.report(Diagnostic{code::kRepeatedItem, Severity::Errore, again, std::move(message),
                          {Label{first, "prima indicazione qui"}}, "tieni una sola indicazione", {}});
}

}  // namespace misura::syntax
