// The IR dump of `prova` records: exact values as fractions, as in the
// rest of the dump.
#include "compiler/ir/print_prova.h"

#include <fmt/format.h>

namespace misura::ir {

namespace {

std::string reasonOf(const Expectation& e) { return e.reason ? fmt::format(" \"{}\"", *e.reason) : ""; }

std::string expectation(const Module& m, const Expectation& e) {
  switch (e.kind) {
    case Expectation::Kind::Totale: return "totale " + e.number.toFraction();
    case Expectation::Kind::Fascia: return fmt::format("fascia \"{}\"", e.text);
    case Expectation::Kind::Premio: return "premio " + e.number.toFraction();
    case Expectation::Kind::Componente: return fmt::format("componente {} {}", e.text, e.number.toFraction());
    case Expectation::Kind::Esito:
      return fmt::format("esito {} {}", e.text,
                         e.neutralized ? std::string("neutralizzato") : e.number.toFraction());
    case Expectation::Kind::NonValutato: return "non valutato" + reasonOf(e);
    case Expectation::Kind::Errore: return "errore " + e.text;
    case Expectation::Kind::Posizione: return fmt::format("posizione {} {}", e.text, e.number.toFraction());
    case Expectation::Kind::Vincitore: return "vincitore " + e.text;
    case Expectation::Kind::NonVincitore: return "non vincitore " + e.text;
    case Expectation::Kind::Escluso: return "escluso da " + e.text + reasonOf(e);
  }
  return "?";
}

}  // namespace

void printProve(std::string& out, const Module& m) {
  for (const Prova& p : m.prove) {
    out += fmt::format("prova \"{}\" dati \"{}\" persona \"{}\"{}\n", p.title, p.dataDir, p.person,
                       p.year ? fmt::format(" anno {}", *p.year) : std::string());
    for (const Expectation& e : p.expectations) out += "  attendi " + expectation(m, e) + "\n";
  }
}

}  // namespace misura::ir
