// The printer of `prova` blocks (see print.h): `dati`, `persona`, then the
// `attendi` lines in the order written.
#include <fmt/format.h>

#include "compiler/ast/print.h"

namespace misura::ast {

namespace {

std::string valueOf(const Expectation& e) { return e.value ? print(*e.value) : "0"; }

std::string nameOf(const Expectation& e) { return e.name ? e.name->name : "?"; }

std::string reasonOf(const Expectation& e) { return e.reason ? " " + quote(e.reason->value) : ""; }

// `= neutralizzato` is the keyword; a plain name spelt so needs parentheses.
std::string esito(const Expectation& e) {
  if (!e.value) return "neutralizzato";
  auto* ref = std::get_if<NameRef>(&e.value->node);
  bool clash = ref && !ref->member && ref->first.name == "neutralizzato";
  return clash ? "(" + print(*e.value) + ")" : print(*e.value);
}

std::string expectation(const Expectation& e) {
  switch (e.kind) {
    case Expectation::Kind::Totale: return "totale = " + valueOf(e);
    case Expectation::Kind::Fascia: return "fascia = " + valueOf(e);
    case Expectation::Kind::Premio: return "premio = " + valueOf(e);
    case Expectation::Kind::Componente: return "componente " + nameOf(e) + " = " + valueOf(e);
    case Expectation::Kind::Esito:
      return "esito " + (e.name ? printCode(*e.name) : "?") + " = " + esito(e);
    case Expectation::Kind::NonValutato: return "non valutato" + reasonOf(e);
    case Expectation::Kind::Errore: return "errore " + nameOf(e);
    case Expectation::Kind::Posizione: return "posizione " + nameOf(e) + " = " + valueOf(e);
    case Expectation::Kind::Vincitore: return "vincitore " + nameOf(e);
    case Expectation::Kind::NonVincitore: return "non vincitore " + nameOf(e);
    case Expectation::Kind::Escluso: return "escluso da " + nameOf(e) + reasonOf(e);
  }
  return "non valutato";
}

}  // namespace

std::string print(const Prova& prova) {
  std::string out = fmt::format("prova {} {{\n", quote(prova.title.value));
  for (const Text& d : prova.data) out += fmt::format("  dati {}\n", quote(d.value));
  for (const Text& p : prova.persons) out += fmt::format("  persona {}\n", quote(p.value));
  for (const YearDecl& y : prova.years) out += fmt::format("  anno {}\n", y.year);
  for (const Expectation& e : prova.expectations) out += fmt::format("  attendi {}\n", expectation(e));
  return out + "}\n";
}

}  // namespace misura::ast
