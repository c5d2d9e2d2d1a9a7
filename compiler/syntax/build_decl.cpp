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
  else if (auto* c = dynamic_cast<P::DichObiettiviDaDatiContext*>(ctx)) p.objectiveTemplates.push_back(objectiveTemplate(c));
  else if (auto* c = dynamic_cast<P::DichComportamentiContext*>(ctx)) p.catalogues.push_back(catalogue(c));
  else if (auto* c = dynamic_cast<P::DichFondoContext*>(ctx)) p.funds.push_back(fund(c));
  else if (auto* c = dynamic_cast<P::DichProvaContext*>(ctx)) p.prove.push_back(prova(c));
  else if (auto* c = dynamic_cast<P::DichRequisitoContext*>(ctx)) p.requirements.push_back(requirement(c));
  else if (auto* c = dynamic_cast<P::DichRuoloContext*>(ctx)) p.roles.push_back(role(c));
  else if (scoringDeclaration(p, ctx)) return;
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
    if (auto* c = dynamic_cast<P::ControlloStaffContext*>(item)) d.checks.push_back(rowCheck(c->controllo()));
    if (auto* f = dynamic_cast<P::CampoDerivatoContext*>(item)) {
      ast::Field derived;
      derived.name = ident(f->nome());
      derived.derived = static_cast<uint32_t>(d.derived.size());
      derived.typeSpan = span(f->espr());
      derived.span = span(f);
      d.derived.push_back(expr(f->espr()));
      d.fields.push_back(std::move(derived));
    }
    if (auto* s = dynamic_cast<P::ServizioContext*>(item))
      d.service.push_back(ast::ServicePeriod{s->dal ? std::optional{ident(s->dal)} : std::nullopt,
                                             s->al ? std::optional{ident(s->al)} : std::nullopt, span(s)});
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
  if (P::UnicitaContext* u = ctx->unicita()) {
    d.unique = idents(u->nome());
    d.uniqueSpan = span(u);
  }
  for (P::CampoContext* f : ctx->campo()) d.fields.push_back(field(f));
  for (P::ControlloContext* c : ctx->controllo()) d.checks.push_back(rowCheck(c));
  d.span = span(ctx);
  return d;
}

void Builder::fileOptions(ast::Dataset& d, const std::vector<P::OpzioneFileContext*>& options) {
  for (P::OpzioneFileContext* o : options) {
    std::optional<ast::Text>* slot = nullptr;
    const char* word = "";
    ast::Text value;
    if (auto* c = dynamic_cast<P::OpzCodificaContext*>(o)) {
      slot = &d.encoding, word = "codifica", value = text(c->TESTO());
    } else if (auto* c = dynamic_cast<P::OpzSeparatoreContext*>(o)) {
      slot = &d.separator, word = "separatore", value = text(c->TESTO());
    } else if (auto* c = dynamic_cast<P::OpzFoglioContext*>(o)) {
      slot = &d.sheet, word = "foglio", value = text(c->TESTO());
    } else if (auto* c = dynamic_cast<P::OpzDecimaliContext*>(o)) {
      slot = &d.decimal, word = "decimali", value = text(c->TESTO());
    } else if (auto* c = dynamic_cast<P::OpzNonRilevatoContext*>(o)) {
      for (antlr4::tree::TerminalNode* t : c->TESTO()) d.missingMarks.push_back(text(t));
    } else if (auto* c = dynamic_cast<P::OpzIntestazioneContext*>(o)) {
      slot = &d.headerRow, word = "intestazione";
      value = ast::Text{std::string(source(c->NUMERO())), span(c->NUMERO())};
    }
    if (slot == nullptr) continue;
    if (*slot) {
      repeated(span(o), (*slot)->span, fmt::format("opzione «{}» ripetuta", word));
      continue;
    }
    *slot = std::move(value);
  }
}

ast::Field Builder::field(P::CampoContext* ctx) {
  ast::Field f;
  f.name = ident(ctx->nome());
  f.type = typeName(ctx->tipo());
  f.typeSpan = span(ctx->tipo());
  f.span = span(ctx);
  for (size_t i = 2; i < ctx->children.size(); ++i) {
    if (auto* prop = dynamic_cast<P::ProprietaCampoContext*>(ctx->children[i])) fieldProperty(f, prop);
    auto* attr = dynamic_cast<antlr4::tree::TerminalNode*>(ctx->children[i]);
    if (attr == nullptr) continue;
    if (source(attr) == "chiave") f.key = true;
    if (source(attr) == "opzionale") f.optional = true;
  }
  return f;
}

ast::RowCheck Builder::rowCheck(P::ControlloContext* ctx) {
  return ast::RowCheck{expr(ctx->espr()), text(ctx->TESTO()), span(ctx)};
}

ast::FieldBound Builder::bound(P::LimiteContext* ctx, antlr4::Token* exclusive) {
  ast::FieldBound b;
  b.value = number(ctx->NUMERO());
  if (ctx->getStart()->getText() == "-") b.value = -b.value;
  if (P::UnitaContext* u = ctx->unita()) {
    std::string_view w = source(u->start);
    b.unit = w == "%" ? ast::Unit::Percento
             : w == "euro" ? ast::Unit::Euro
             : (w == "giorni" || w == "giorno") ? ast::Unit::Giorni
                                                 : ast::Unit::Punti;
  }
  b.exclusive = exclusive != nullptr;
  b.span = exclusive ? Span::cover(span(ctx), span(exclusive)) : span(ctx);
  return b;
}

// `colonna "..."`, `intero`, `da X [escluso] a Y [escluso]`, `fino a Y`, `non
// negativo`, `per comportamento { ... }`: each at most once (E0107).
void Builder::fieldProperty(ast::Field& f, P::ProprietaCampoContext* ctx) {
  auto once = [&](bool present, Span first, const char* what) {
    if (present) repeated(span(ctx), first, fmt::format("«{}» ripetuto nel campo «{}»", what, f.name.name));
    return !present;
  };
  if (auto* c = dynamic_cast<P::ColonnaCampoContext*>(ctx)) {
    if (once(f.column.has_value(), f.column ? f.column->span : Span{}, "colonna")) f.column = text(c->TESTO());
  } else if (dynamic_cast<P::InteroCampoContext*>(ctx)) {
    if (once(f.integer.has_value(), f.integer.value_or(Span{}), "intero")) f.integer = span(ctx);
  } else if (auto* c = dynamic_cast<P::IntervalloCampoContext*>(ctx)) {
    if (!once(f.lower.has_value() || f.upper.has_value(), f.lower ? f.lower->span : f.upper ? f.upper->span : Span{},
              "da ... a ..."))
      return;
    f.lower = bound(c->inf, c->exInf);
    if (c->sup) f.upper = bound(c->sup, c->exSup);
  } else if (auto* c = dynamic_cast<P::FinoACampoContext*>(ctx)) {
    if (once(f.lower.has_value() || f.upper.has_value(), f.lower ? f.lower->span : f.upper ? f.upper->span : Span{},
             "fino a"))
      f.upper = bound(c->sup, c->exSup);
  } else if (dynamic_cast<P::NonNegativoCampoContext*>(ctx)) {
    if (once(f.nonNegative.has_value(), f.nonNegative.value_or(Span{}), "non negativo")) f.nonNegative = span(ctx);
  } else if (auto* c = dynamic_cast<P::PerCodiceContext*>(ctx)) {
    if (!once(f.perCode.has_value(), f.perCode ? f.perCode->span : Span{}, "per")) return;
    ast::CodeColumns cc;
    cc.role = ident(c->nome());
    for (P::ColonnaCodiceContext* col : c->colonnaCodice()) cc.columns.emplace_back(code(col->codice()), text(col->TESTO()));
    cc.span = span(ctx);
    f.perCode = std::move(cc);
  }
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
