// Checks of one `attendi` line of a `prova`: the expected value is a literal
// of the right unit (totale and componenti in punti, premio in euro to the
// cent, esito in percentuale, fascia a text), and the names it uses exist.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "compiler/ast/print.h"
#include "compiler/sema/prova_checks.h"
#include "compiler/support/suggest.h"

namespace misura::sema {

namespace {

using Kind = ast::Expectation::Kind;

const char* unitPhrase(ast::Unit u) {
  switch (u) {
    case ast::Unit::Nessuna: return "come numero senza unità";
    case ast::Unit::Percento: return "in percentuale";
    case ast::Unit::Punti: return "in punti";
    case ast::Unit::Euro: return "in euro";
    case ast::Unit::Giorni: return "in giorni";
  }
  return "";
}

}  // namespace

std::string subject(const ast::Expectation& e) {
  std::string name = e.name ? e.name->name : "?";
  switch (e.kind) {
    case Kind::Totale: return "il totale";
    case Kind::Fascia: return "la fascia";
    case Kind::Premio: return "il premio";
    case Kind::Componente: return fmt::format("la componente «{}»", name);
    case Kind::Esito: return fmt::format("l'esito di «{}»", name);
    case Kind::NonValutato: return "«non valutato»";
    case Kind::Errore: return fmt::format("l'errore {}", name);
    case Kind::Posizione: return fmt::format("la posizione nella graduatoria «{}»", name);
    case Kind::Vincitore: case Kind::NonVincitore: return fmt::format("l'esito della graduatoria «{}»", name);
    case Kind::Escluso: return fmt::format("l'esclusione dalla graduatoria «{}»", name);
  }
  return "il valore";
}

namespace {

std::string example(const ast::Expectation& e) {
  std::string name = e.name ? e.name->name : "?";
  switch (e.kind) {
    case Kind::Totale: return "per esempio: attendi totale = 92,00";
    case Kind::Fascia: return "per esempio: attendi fascia = \"Ottimo\"";
    case Kind::Premio: return "per esempio: attendi premio = 1.247,35 euro";
    case Kind::Componente: return fmt::format("per esempio: attendi componente {} = 55,5 punti", name);
    case Kind::Esito: return fmt::format("per esempio: attendi esito {} = 85%", name);
    case Kind::Posizione: return fmt::format("per esempio: attendi posizione {} = 3", name);
    case Kind::NonValutato: case Kind::Errore: case Kind::Vincitore: case Kind::NonVincitore: case Kind::Escluso: break;
  }
  return {};
}

void badValue(Diagnostics& diags, const ast::Expectation& e, Span span, const std::string& reason) {
  diags.error("E0340", span, fmt::format("valore atteso non valido per {}: {}", subject(e), reason), example(e));
}

// The number of a literal whose unit is one of `units` (the first is the
// one to suggest); reports E0340 otherwise.
std::optional<Rational> number(Diagnostics& diags, const ast::Expectation& e, std::vector<ast::Unit> units) {
  const auto* lit = std::get_if<ast::NumberLit>(&e.value->node);
  if (!lit) {
    badValue(diags, e, e.value->span,
             fmt::format("va scritto un numero {}, non un'espressione", unitPhrase(units.front())));
    return std::nullopt;
  }
  if (std::find(units.begin(), units.end(), lit->unit) == units.end()) {
    badValue(diags, e, e.value->span,
             fmt::format("va scritto {}, non {}", unitPhrase(units.front()), unitPhrase(lit->unit)));
    return std::nullopt;
  }
  return lit->value;
}

// A known name, or E02xx with "forse intendevi".
bool known(Diagnostics& diags, const char* code, const ast::Ident& id, const std::vector<std::string>& names,
           const char* message) {
  if (std::find(names.begin(), names.end(), id.name) != names.end()) return true;
  diags.error(code, id.span, fmt::format(fmt::runtime(message), id.name), didYouMean(id.name, names));
  return false;
}

bool wellFormedCode(const std::string& code) {
  return code.size() == 5 && code[0] == 'E' &&
         std::all_of(code.begin() + 1, code.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool checkPremio(Diagnostics& diags, const ast::Expectation& e, ExpectationInfo& info) {
  std::optional<Rational> v = number(diags, e, {ast::Unit::Euro});
  if (!v) return false;
  if (!isExactAt(*v, 2)) {
    badValue(diags, e, e.value->span,
             fmt::format("il premio si confronta al centesimo e «{}» ha più di due decimali", ast::print(*e.value)));
    return false;
  }
  info.number = *v;
  return true;
}

bool checkEsito(Diagnostics& diags, const ProvaNames& names, const ast::Expectation& e, ExpectationInfo& info) {
  std::vector<std::string> codes;
  for (const auto& [code, index] : names.objectives) codes.push_back(code);
  info.text = e.name->name;
  // An objective read from the data (`obiettivi da`) is looked for when the prova runs.
  bool ok = (names.objectivesFromData && !names.objectives.count(e.name->name)) ||
            known(diags, "E0241", *e.name, codes, "obiettivo «{}» non dichiarato");
  if (names.objectives.count(e.name->name)) info.objective = names.objectives.at(e.name->name);
  if (!e.value) {
    info.neutralized = true;
    return ok;
  }
  std::optional<Rational> v = number(diags, e, {ast::Unit::Percento});
  if (v && (*v < 0 || *v > 100)) {
    badValue(diags, e, e.value->span, "un esito è una percentuale da 0% a 100%");
    return false;
  }
  if (v) info.number = *v / 100;
  return ok && v;
}

bool checkFascia(Diagnostics& diags, const ProvaNames& names, const ast::Expectation& e, ExpectationInfo& info) {
  const auto* lit = std::get_if<ast::TextLit>(&e.value->node);
  if (!lit) {
    badValue(diags, e, e.value->span, "va scritto il nome della fascia tra virgolette");
    return false;
  }
  info.text = lit->value;
  ast::Ident label{lit->value, e.value->span};
  return known(diags, "E0242", label, names.bands, "nessun profilo ha la fascia «{}»");
}

// `posizione G = N`, `vincitore G`, `non vincitore G`: G is a graduatoria
// (with `posti` for the winners), N a whole number from 1.
bool checkRanking(Diagnostics& diags, const ProvaNames& names, const ast::Expectation& e, ExpectationInfo& info) {
  if (!known(diags, "E0911", *e.name, names.rankings, "graduatoria «{}» non dichiarata")) return false;
  info.ranking = static_cast<uint32_t>(
      std::find(names.rankings.begin(), names.rankings.end(), e.name->name) - names.rankings.begin());
  info.text = e.name->name;
  if (e.kind == Kind::Escluso) return true;
  if (e.kind != Kind::Posizione) {
    if (names.rankingHasPlaces[info.ranking]) return true;
    diags.error("E0910", e.name->span,
                fmt::format("la graduatoria «{}» non ha vincitori: non dice quanti posti", e.name->name),
                "aggiungi alla graduatoria una riga come: posti 2");
    return false;
  }
  std::optional<Rational> v = number(diags, e, {ast::Unit::Nessuna});
  if (v && (!v->isInteger() || *v < 1)) {
    badValue(diags, e, e.value->span, "una posizione è un numero intero da 1 in su");
    return false;
  }
  if (v) info.number = *v;
  return v.has_value();
}

}  // namespace

std::optional<ExpectationInfo> checkExpectation(Diagnostics& diags, const ProvaNames& names,
                                                const ast::Expectation& e) {
  ExpectationInfo info;
  info.decl = &e;
  bool ok = true;
  switch (e.kind) {
    case Kind::Totale: {
      std::optional<Rational> v = number(diags, e, {ast::Unit::Punti, ast::Unit::Nessuna});
      ok = v.has_value();
      if (v) info.number = *v;
      break;
    }
    case Kind::Componente: {
      ok = known(diags, "E0240", *e.name, names.components, "nessun profilo ha la componente «{}»");
      info.text = e.name->name;
      std::optional<Rational> v = number(diags, e, {ast::Unit::Punti, ast::Unit::Nessuna});
      ok = ok && v;
      if (v) info.number = *v;
      break;
    }
    case Kind::Premio: ok = checkPremio(diags, e, info); break;
    case Kind::Esito: ok = checkEsito(diags, names, e, info); break;
    case Kind::Fascia: ok = checkFascia(diags, names, e, info); break;
    case Kind::NonValutato: break;
    case Kind::Posizione: case Kind::Vincitore: case Kind::NonVincitore: case Kind::Escluso:
      ok = checkRanking(diags, names, e, info);
      break;
    case Kind::Errore:
      info.text = e.name->name;
      if (!wellFormedCode(info.text)) {
        diags.error("E0341", e.name->span, fmt::format("codice di errore non valido «{}»", info.text),
                    "un codice di errore è E seguita da quattro cifre, per esempio: attendi errore E0602");
        ok = false;
      }
      break;
  }
  if (!ok) return std::nullopt;
  return info;
}

}  // namespace misura::sema
