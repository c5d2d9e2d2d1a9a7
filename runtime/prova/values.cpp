// The score expectations of a prova (see values.h).
#include "runtime/prova/values.h"

#include <algorithm>

#include <fmt/format.h>

namespace misura::prova {

namespace {

// q with at least `decimals` decimals; more (up to 6, then "…") if needed.
std::string decimalText(const Rational& q, int decimals) {
  return isExactAt(q, decimals) ? formatItalian(q, decimals) : formatExact(q, 6);
}

std::string pointsText(const Rational& q) { return formatExact(q, 6); }

std::string percentText(const Rational& fraction) { return formatExact(fraction * 100, 6) + "%"; }

std::string euroText(const Rational& q) { return decimalText(q, 2) + " euro"; }

const eval::ObjectiveOutcome* findObjective(const eval::PersonResult& person, uint32_t objective) {
  for (const eval::ComponentOutcome& c : person.components)
    for (const eval::ObjectiveOutcome& o : c.objectives)
      if (o.objective == objective) return &o;
  for (const eval::ObjectiveOutcome& o : person.premioObjectives)  // `solo per il premio`
    if (o.objective == objective) return &o;
  return nullptr;
}

}  // namespace

std::string totalText(const ir::Profile& profile, const Rational& total) {
  return decimalText(total, profile.totalRounding ? profile.totalRounding->decimals : 2);
}

Check checkTotal(const ir::Profile& profile, const eval::PersonResult& person, const ir::Expectation& e) {
  if (person.total == e.number) return std::nullopt;
  return fmt::format("atteso totale {}, ottenuto {}", totalText(profile, e.number), totalText(profile, person.total));
}

Check checkBand(const ir::Profile& profile, const eval::PersonResult& person, const ir::Expectation& e) {
  std::string obtained = "nessuna fascia";
  if (person.band) {
    const std::string& label = profile.bands.at(*person.band).label;
    if (label == e.text) return std::nullopt;
    obtained = fmt::format("«{}»", label);
  } else if (profile.bands.empty()) {
    obtained = fmt::format("nessuna fascia (il profilo «{}» non ha fasce)", profile.name);
  }
  return fmt::format("attesa fascia «{}», ottenuta {}", e.text, obtained);
}

Check checkPremio(const ir::Profile& profile, const eval::PersonResult& person, const ir::Expectation& e) {
  if (!person.premio)
    return fmt::format("atteso premio {}, ma il profilo «{}» non calcola un premio", euroText(e.number), profile.name);
  if (*person.premio == e.number) return std::nullopt;
  return fmt::format("atteso premio {}, ottenuto {}", euroText(e.number), euroText(*person.premio));
}

Check checkComponent(const ir::Profile& profile, const eval::PersonResult& person, const ir::Expectation& e) {
  for (const eval::ComponentOutcome& c : person.components) {
    if (profile.components.at(c.component).name != e.text) continue;
    if (c.points && *c.points == e.number) return std::nullopt;
    return fmt::format("attesi {} punti nella componente «{}», ottenuti {}", pointsText(e.number), e.text,
                       c.points ? pointsText(*c.points) : std::string("nessun punto (errore)"));
  }
  return fmt::format("attesi {} punti nella componente «{}», ma il profilo «{}» non ha questa componente",
                     pointsText(e.number), e.text, profile.name);
}

Check checkEsito(const ir::Module& module, const eval::PersonResult& person, const ir::Expectation& e) {
  const std::string& code = e.text;
  std::string expected = e.neutralized ? "neutralizzato" : percentText(e.number);
  auto index = std::find_if(module.objectives.begin(), module.objectives.end(),
                            [&](const ir::Objective& o) { return o.code == code; });
  if (index == module.objectives.end())
    return fmt::format("atteso esito di {} {}, ma nei dati non c'è l'obiettivo {}", code, expected, code);
  const eval::ObjectiveOutcome* o = findObjective(person, static_cast<uint32_t>(index - module.objectives.begin()));
  if (!o)
    return fmt::format("atteso esito di {} {}, ma l'obiettivo non è assegnato a «{}»", code, expected,
                       person.matricola);
  bool neutralized = o->status == eval::ObjectiveOutcome::Status::Neutralizzato;
  if (neutralized && e.neutralized) return std::nullopt;
  if (!neutralized && !e.neutralized && o->esito && *o->esito == e.number) return std::nullopt;
  std::string obtained = neutralized ? "neutralizzato" : o->esito ? percentText(*o->esito) : "nessun esito (errore)";
  return fmt::format("atteso esito di {} {}, ottenuto {}", code, expected, obtained);
}

}  // namespace misura::prova
