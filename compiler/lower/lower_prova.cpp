// Lowering of `prova` blocks (see lower_prova.h).
#include "compiler/lower/lower_prova.h"

namespace misura::lowering {

namespace {

ir::Expectation::Kind kindOf(ast::Expectation::Kind k) {
  using A = ast::Expectation::Kind;
  using I = ir::Expectation::Kind;
  switch (k) {
    case A::Totale: return I::Totale;
    case A::Fascia: return I::Fascia;
    case A::Premio: return I::Premio;
    case A::Componente: return I::Componente;
    case A::Esito: return I::Esito;
    case A::NonValutato: return I::NonValutato;
    case A::Errore: return I::Errore;
    case A::Posizione: return I::Posizione;
    case A::Vincitore: return I::Vincitore;
    case A::NonVincitore: return I::NonVincitore;
    case A::Escluso: return I::Escluso;
  }
  return I::Totale;
}

ir::Expectation lowerExpectation(const sema::ExpectationInfo& info) {
  ir::Expectation out;
  out.kind = kindOf(info.decl->kind);
  out.number = info.number;
  out.neutralized = info.neutralized;
  out.text = info.text;
  out.objective = info.objective;
  out.ranking = info.ranking;
  if (info.decl->reason) out.reason = info.decl->reason->value;
  out.span = info.decl->span;
  return out;
}

}  // namespace

std::vector<ir::Prova> lowerProve(const sema::Checked& checked) {
  std::vector<ir::Prova> out;
  for (const sema::ProvaInfo& info : checked.prove) {
    const ast::Prova& p = *info.decl;
    if (p.data.empty() || p.persons.empty()) throw InternalError{"prova senza cartella o persona dopo i controlli"};
    ir::Prova prova;
    prova.title = p.title.value;
    prova.dataDir = info.dataDir;
    prova.person = info.person;
    prova.year = info.year;
    prova.span = p.span;
    prova.dataSpan = p.data[0].span;
    prova.personSpan = p.persons[0].span;
    for (const sema::ExpectationInfo& e : info.expectations) prova.expectations.push_back(lowerExpectation(e));
    out.push_back(std::move(prova));
  }
  return out;
}

}  // namespace misura::lowering
