// Builder: worked cases (`prova`): data folder, person, expectations.
#include <fmt/format.h>

#include "compiler/syntax/builder.h"
#include "compiler/syntax/literals.h"

namespace misura::syntax {

ast::Prova Builder::prova(P::DichProvaContext* ctx) {
  ast::Prova p;
  p.title = text(ctx->TESTO());
  for (P::VoceProvaContext* item : ctx->voceProva()) provaItem(p, item);
  p.span = span(ctx);
  return p;
}

void Builder::provaItem(ast::Prova& p, P::VoceProvaContext* ctx) {
  if (auto* c = dynamic_cast<P::ProvaDatiContext*>(ctx)) p.data.push_back(text(c->TESTO()));
  else if (auto* c = dynamic_cast<P::ProvaPersonaContext*>(ctx)) p.persons.push_back(text(c->TESTO()));
  else if (auto* c = dynamic_cast<P::ProvaAnnoContext*>(ctx)) {
    if (std::optional<int> year = readYear(source(c->NUMERO()))) p.years.push_back(ast::YearDecl{*year, span(c)});
    else
      sink_.error(code::kBadNumber, span(c->NUMERO()), fmt::format("anno non valido «{}»", source(c->NUMERO())),
                  "scrivi l'anno con quattro cifre, per esempio 2023");
  }
  else if (auto* c = dynamic_cast<P::ProvaAttendiContext*>(ctx)) {
    ast::Expectation e = expectation(c->attesa());
    e.span = span(c);
    p.expectations.push_back(std::move(e));
  }
}

ast::Expectation Builder::expectation(P::AttesaContext* ctx) {
  using Kind = ast::Expectation::Kind;
  ast::Expectation e;
  if (auto* c = dynamic_cast<P::AttesoTotaleContext*>(ctx)) {
    e.kind = Kind::Totale;
    e.value = expr(c->espr());
  } else if (auto* c = dynamic_cast<P::AttesaFasciaContext*>(ctx)) {
    e.kind = Kind::Fascia;
    e.value = expr(c->espr());
  } else if (auto* c = dynamic_cast<P::AttesoPremioContext*>(ctx)) {
    e.kind = Kind::Premio;
    e.value = expr(c->espr());
  } else if (auto* c = dynamic_cast<P::AttesaComponenteContext*>(ctx)) {
    e.kind = Kind::Componente;
    e.name = ident(c->nome());
    e.value = expr(c->espr());
  } else if (auto* c = dynamic_cast<P::AttesoEsitoContext*>(ctx)) {
    e.kind = Kind::Esito;
    e.name = code(c->codice());
    if (auto* fixed = dynamic_cast<P::EsitoFissoContext*>(c->esitoMancante())) e.value = expr(fixed->espr());
  } else if (auto* c = dynamic_cast<P::AttesoNonValutatoContext*>(ctx)) {
    e.kind = Kind::NonValutato;
    if (c->TESTO()) e.reason = text(c->TESTO());
  } else if (auto* c = dynamic_cast<P::AttesoEsclusoContext*>(ctx)) {
    e.kind = Kind::Escluso;
    e.name = ident(c->nome());
    if (c->TESTO()) e.reason = text(c->TESTO());
  } else if (auto* c = dynamic_cast<P::AttesoErroreContext*>(ctx)) {
    e.kind = Kind::Errore;
    e.name = ident(c->nome());
  } else if (auto* c = dynamic_cast<P::AttesaPosizioneContext*>(ctx)) {
    e.kind = Kind::Posizione;
    e.name = ident(c->nome());
    e.value = expr(c->espr());
  } else if (auto* c = dynamic_cast<P::AttesoVincitoreContext*>(ctx)) {
    e.kind = Kind::Vincitore;
    e.name = ident(c->nome());
  } else if (auto* c = dynamic_cast<P::AttesoNonVincitoreContext*>(ctx)) {
    e.kind = Kind::NonVincitore;
    e.name = ident(c->nome());
  } else {
    throw InternalError{"attesa sconosciuta nell'albero sintattico"};
  }
  return e;
}

}  // namespace misura::syntax
