// Builder: ente, anno (`usa` is in build_module.cpp), the staff list and data sets, indicators.
#include <fmt/format.h>

#include "compiler/syntax/builder.h"
#include "compiler/syntax/literals.h"

namespace misura::syntax {

void Builder::declaration(ast::Program& p, P::DichiarazioneContext* ctx) {
  if (auto* c = dynamic_cast<P::DichEnteContext*>(ctx)) p.ente.push_back(text(c->TESTO()));
  else if (dynamic_cast<P::DichUsaContext*>(ctx)) return;  // in the ast::SourceFile (build_module.cpp)
  else if (auto* c = dynamic_cast<P::DichAnnoContext*>(ctx)) year(p, c);
  else if (auto* c = dynamic_cast<P::DichPersonaleContext*>(ctx)) p.datasets.push_back(staffList(c));
  else if (auto* c = dynamic_cast<P::DichDatiContext*>(ctx)) p.datasets.push_back(dataset(c));
  else if (auto* c = dynamic_cast<P::DichIndicatoreContext*>(ctx)) p.indicators.push_back(indicator(c));
  else if (auto* c = dynamic_cast<P::DichProfiloContext*>(ctx)) p.profiles.push_back(profile(c));
  else if (auto* c = dynamic_cast<P::DichObiettivoContext*>(ctx)) p.objectives.push_back(objective(c));
  else if (auto* c = dynamic_cast<P::DichComportamentiContext*>(ctx)) p.catalogues.push_back(catalogue(c));
  else if (auto* c = dynamic_cast<P::DichFondoContext*>(ctx)) p.funds.push_back(fund(c));
  else if (auto* c = dynamic_cast<P::DichProvaContext*>(ctx)) p.prove.push_back(prova(c));
  else if (auto* c = dynamic_cast<P::DichRequisitoContext*>(ctx)) p.requirements.push_back(requirement(c));
  else if (auto* c = dynamic_cast<P::DichRuoloContext*>(ctx)) p.roles.push_back(role(c));
  else if (auto* c = dynamic_cast<P::DichDichiaraContext*>(ctx))
    p.statements.push_back(ast::Statement{ident(c->nome()), text(c->TESTO()), span(c)});
  else if (auto* c = dynamic_cast<P::DichGraduatoriaContext*>(ctx)) p.rankings.push_back(ranking(c));
  else throw InternalError{"dichiarazione sconosciuta nell'albero sintattico"};
}

void Builder::year(ast::Program& p, P::DichAnnoContext* ctx) {
  std::optional<int> year = readYear(source(ctx->NUMERO()));
  if (!year) {
    sink_.error(code::kBadNumber, span(ctx->NUMERO()),
                fmt::format("anno non valido «{}»", source(ctx->NUMERO())),
                "scrivi l'anno con quattro cifre, per esempio 2024");
    return;
  }
  p.anno.push_back(ast::YearDecl{*year, span(ctx)});
}

ast::Dataset Builder::staffList(P::DichPersonaleContext* ctx) {
  ast::Dataset d;
  d.name = ast::Ident{"personale", span(ctx->start)};
  d.isStaff = true;
  d.file = text(ctx->TESTO());
  fileOptions(d, ctx->opzioneFile());
  for (P::VoceStaffContext* item : ctx->voceStaff()) {
    if (auto* f = dynamic_cast<P::CampoStaffContext*>(item)) d.fields.push_back(field(f->campo()));
    if (auto* s = dynamic_cast<P::ServizioContext*>(item))
      d.service.push_back(ast::ServicePeriod{ident(s->dal), ident(s->al), span(s)});
  }
  d.span = span(ctx);
  return d;
}

ast::Dataset Builder::dataset(P::DichDatiContext* ctx) {
  ast::Dataset d;
  d.name = ident(ctx->nome());
  d.file = text(ctx->TESTO());
  fileOptions(d, ctx->opzioneFile());
  if (P::ChiaveContext* key = ctx->chiave()) d.key = idents(key->nome());
  for (P::CampoContext* f : ctx->campo()) d.fields.push_back(field(f));
  d.span = span(ctx);
  return d;
}

void Builder::fileOptions(ast::Dataset& d, const std::vector<P::OpzioneFileContext*>& options) {
  for (P::OpzioneFileContext* o : options) {
    bool encoding = dynamic_cast<P::OpzCodificaContext*>(o) != nullptr;
    std::optional<ast::Text>& slot = encoding ? d.encoding : d.separator;
    auto* value = encoding ? static_cast<P::OpzCodificaContext*>(o)->TESTO()
                           : static_cast<P::OpzSeparatoreContext*>(o)->TESTO();
    if (slot) {
      repeated(span(o), slot->span, fmt::format("opzione «{}» ripetuta", encoding ? "codifica" : "separatore"));
      continue;
    }
    slot = text(value);
  }
}

ast::Field Builder::field(P::CampoContext* ctx) const {
  ast::Field f;
  f.name = ident(ctx->nome());
  f.type = typeName(ctx->tipo());
  f.typeSpan = span(ctx->tipo());
  for (size_t i = 2; i < ctx->children.size(); ++i) {
    auto* attr = dynamic_cast<antlr4::tree::TerminalNode*>(ctx->children[i]);
    if (attr == nullptr) continue;
    if (source(attr) == "chiave") f.key = true;
    if (source(attr) == "opzionale") f.optional = true;
  }
  return f;
}

ast::Indicator Builder::indicator(P::DichIndicatoreContext* ctx) {
  ast::Indicator ind;
  ind.name = ident(ctx->nome());
  std::vector<P::ParametroContext*> params = ctx->parametro();  // the last one follows 'su'
  for (size_t i = 0; i + 1 < params.size(); ++i) ind.params.push_back(param(params[i]));
  ind.measured = param(params.back());
  ind.body = expr(ctx->espr());
  ind.span = span(ctx);
  return ind;
}

ast::Param Builder::param(P::ParametroContext* ctx) const {
  return ast::Param{ident(ctx->nome()), typeName(ctx->tipo()), span(ctx->tipo())};
}

}  // namespace misura::syntax
