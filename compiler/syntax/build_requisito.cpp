// Builder: legal requirements (`requisito`), roles (`ruolo`), themes
// (`tema ...`) and statements (`dichiara`). The period of validity
// (`vigente dal ... al ...`) is shared with module headers (build_module.cpp).
#include "compiler/syntax/builder.h"

namespace misura::syntax {

ast::Requirement Builder::requirement(P::DichRequisitoContext* ctx) {
  ast::Requirement r;
  r.name = ident(ctx->nome());
  r.title = text(ctx->TESTO());
  for (P::VoceRequisitoContext* item : ctx->voceRequisito()) requirementItem(r, item);
  r.span = span(ctx);
  return r;
}

void Builder::requirementItem(ast::Requirement& r, P::VoceRequisitoContext* ctx) {
  if (auto* c = dynamic_cast<P::CitazioneContext*>(ctx)) {
    r.citations.push_back(text(c->TESTO()));
  } else if (auto* c = dynamic_cast<P::VigenzaRequisitoContext*>(ctx)) {
    if (std::optional<ast::Validity> v = validity(c->vigenza())) r.validities.push_back(*v);
  } else if (auto* c = dynamic_cast<P::LivelloAvvisoContext*>(ctx)) {
    r.warningLevel.push_back(span(c));
  } else if (auto* c = dynamic_cast<P::SiApplicaContext*>(ctx)) {
    ast::Addressees a;
    if (auto* role = dynamic_cast<P::DestinatariRuoloContext*>(c->destinatari())) a.role = ident(role->nome());
    else a.everyone = true;
    a.span = span(c);
    r.addressees.push_back(std::move(a));
  } else if (auto* c = dynamic_cast<P::RichiedeContext*>(ctx)) {
    ast::Demand d = demand(c->richiesta());
    d.span = span(c);
    r.demands.push_back(std::move(d));
  } else if (auto* c = dynamic_cast<P::AvvisoIndicatoreContext*>(ctx)) {
    r.indicatorWarnings.push_back(ast::IndicatorWarning{ident(c->nome()), text(c->TESTO()), span(c)});
  } else if (auto* c = dynamic_cast<P::AvvisoSogliaContext*>(ctx)) {
    r.gateWarnings.push_back(ast::GateWarning{text(c->TESTO()), span(c)});
  }
}

ast::Demand Builder::demand(P::RichiestaContext* ctx) {
  using Kind = ast::Demand::Kind;
  ast::Demand d;
  if (auto* c = dynamic_cast<P::RichiestaObiettivoContext*>(ctx)) {
    d.kind = Kind::Obiettivo;
    d.theme = ident(c->nome());
    d.threshold = threshold(c->sogliaPeso());
  } else if (auto* c = dynamic_cast<P::RichiestaElementoContext*>(ctx)) {
    d.kind = Kind::Elemento;
    d.theme = ident(c->nome());
    d.threshold = threshold(c->sogliaPeso());
  } else if (auto* c = dynamic_cast<P::RichiestaComponenteContext*>(ctx)) {
    d.kind = Kind::Componente;
    d.source = c->fonte->getText() == "obiettivi" ? ast::ComponentSource::Obiettivi
                                                   : ast::ComponentSource::Comportamenti;
    d.threshold = threshold(c->sogliaPeso());
  } else if (auto* c = dynamic_cast<P::RichiestaMaggiorazioneContext*>(ctx)) {
    d.kind = Kind::Maggiorazione;
    d.percent = number(c->NUMERO());
  } else if (dynamic_cast<P::RichiestaQuotaLimitataContext*>(ctx)) {
    d.kind = Kind::QuotaLimitata;
  } else if (auto* c = dynamic_cast<P::RichiestaDichiarazioneContext*>(ctx)) {
    d.kind = Kind::Dichiarazione;
    d.theme = ident(c->nome());
  } else if (auto* c = dynamic_cast<P::RichiestaGraduatoriaContext*>(ctx)) {
    d.kind = Kind::Graduatoria;
    d.theme = ident(c->nome());
    using A = ast::Demand::RankingAspect;
    if (c->aspetto) d.aspect = c->aspetto->getText() == "posti" ? A::Posti : A::Requisiti;
  }
  return d;
}

std::optional<ast::ShareThreshold> Builder::threshold(P::SogliaPesoContext* ctx) {
  if (ctx == nullptr) return std::nullopt;
  return ast::ShareThreshold{ctx->confronto->getText() == "oltre", number(ctx->NUMERO()), span(ctx)};
}

ast::Role Builder::role(P::DichRuoloContext* ctx) {
  using Kind = ast::Role::Kind;
  ast::Role r;
  r.name = ident(ctx->nome());
  r.title = optionalText(ctx->TESTO());
  P::MembriRuoloContext* who = ctx->membriRuolo();
  if (dynamic_cast<P::RuoloTuttiContext*>(who)) {
    r.kind = Kind::Tutti;
  } else if (auto* c = dynamic_cast<P::RuoloProfiliContext*>(who)) {
    r.kind = Kind::Profili;
    r.profiles = idents(c->nome());
  } else if (auto* c = dynamic_cast<P::RuoloMatricoleContext*>(who)) {
    r.kind = Kind::Matricole;
    for (antlr4::tree::TerminalNode* t : c->TESTO()) r.persons.push_back(text(t));
  } else if (auto* c = dynamic_cast<P::RuoloDoveContext*>(who)) {
    r.kind = Kind::Dove;
    r.where = expr(c->espr());
  }
  r.span = span(ctx);
  return r;
}

std::vector<ast::Ident> Builder::themes(P::TemiContext* ctx) const {
  if (ctx == nullptr) return {};
  return idents(ctx->nome());
}

}  // namespace misura::syntax
