// Builder: what a file says of itself (ast::SourceFile) — its module header (`modulo a.b "titolo"
// vigente dal ...`) and its `usa` lines — and the `vigente` clause.
#include <fmt/format.h>

#include "compiler/syntax/builder.h"

namespace misura::syntax {

ast::SourceFile Builder::sourceFile(P::ProgrammaContext* ctx) {
  ast::SourceFile u;
  u.file = map_.file();
  if (P::IntestazioneModuloContext* h = ctx->intestazioneModulo()) u.header = moduleHeader(h);
  for (P::DichiarazioneContext* d : ctx->dichiarazione())
    if (auto* c = dynamic_cast<P::DichUsaContext*>(d)) u.uses.push_back(use(c));
  return u;
}

// The name a declaration introduces, if it has one sema could look up.
P::NomeContext* Builder::declaredName(P::DichiarazioneContext* ctx) {
  if (auto* c = dynamic_cast<P::DichIndicatoreContext*>(ctx)) return c->nome();
  if (auto* c = dynamic_cast<P::DichProfiloContext*>(ctx)) return c->nome();
  if (auto* c = dynamic_cast<P::DichObiettivoContext*>(ctx)) return c->codice()->nome();  // null if quoted
  if (auto* c = dynamic_cast<P::DichDatiContext*>(ctx)) return c->nome();
  if (auto* c = dynamic_cast<P::DichFondoContext*>(ctx)) return c->nome();
  if (auto* c = dynamic_cast<P::DichValoreContext*>(ctx)) return c->nome();
  if (auto* c = dynamic_cast<P::DichFunzioneContext*>(ctx)) return c->nome();
  if (auto* c = dynamic_cast<P::DichGraduatoriaContext*>(ctx)) return c->nome();
  return nullptr;
}

ast::ModuleHeader Builder::moduleHeader(P::IntestazioneModuloContext* ctx) {
  ast::ModuleHeader h;
  h.name = moduleName(ctx->nomeModulo());
  h.nameSpan = span(ctx->nomeModulo());
  h.title = text(ctx->TESTO());
  if (P::VigenzaContext* v = ctx->vigenza()) h.validity = validity(v);
  h.span = span(ctx);
  return h;
}

ast::Use Builder::use(P::DichUsaContext* ctx) {
  return ast::Use{moduleName(ctx->nomeModulo()), span(ctx->nomeModulo()), span(ctx)};
}

// "legge.dl_13_2023" whatever the spaces written around the dots.
std::string Builder::moduleName(P::NomeModuloContext* ctx) const {
  std::string out;
  for (P::NomeContext* n : ctx->nome()) out += (out.empty() ? "" : ".") + ident(n).name;
  return out;
}

// Reports E0806 for a period that ends before it starts.
std::optional<ast::Validity> Builder::validity(P::VigenzaContext* ctx) {
  std::vector<antlr4::tree::TerminalNode*> dates = ctx->DATA();
  ast::Validity v{Period{date(dates[0]), std::nullopt}, span(ctx)};
  if (dates.size() > 1) v.period.to = date(dates[1]);
  if (!v.period.wellFormed()) {
    sink_.error("E0806", v.span,
                fmt::format("periodo di vigenza vuoto: finisce il {} prima di cominciare il {}",
                            formatItalian(*v.period.to), formatItalian(v.period.from)),
                "scrivi prima la data di inizio: vigente dal INIZIO al FINE");
    return std::nullopt;
  }
  return v;
}

}  // namespace misura::syntax
