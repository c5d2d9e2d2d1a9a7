// The printer of legal requirements and roles (see print.h): a requirement's
// items in a fixed order (citazione, vigente, livello, si applica, richiede,
// avviso).
#include <fmt/format.h>

#include "compiler/ast/print.h"

namespace misura::ast {

namespace {

std::string validity(const Validity& v) { return "vigente " + v.period.describe(); }

std::string threshold(const std::optional<ShareThreshold>& t) {
  if (!t) return "";
  return fmt::format(" peso effettivo {} {}%", t->strict ? "oltre" : "almeno", printNumber(t->percent));
}

std::string demand(const Demand& d) {
  switch (d.kind) {
    case Demand::Kind::Obiettivo: return "richiede obiettivo con tema " + d.theme.name + threshold(d.threshold);
    case Demand::Kind::Elemento: return "richiede elemento con tema " + d.theme.name + threshold(d.threshold);
    case Demand::Kind::Componente:
      return std::string("richiede componente da ") +
             (d.source == ComponentSource::Comportamenti ? "comportamenti" : "obiettivi") + threshold(d.threshold);
    case Demand::Kind::Maggiorazione: return "richiede maggiorazione almeno " + printNumber(d.percent) + "%";
    case Demand::Kind::QuotaLimitata: return "richiede maggiorazione a quota limitata";
    case Demand::Kind::Dichiarazione: return "richiede dichiarazione " + d.theme.name;
    case Demand::Kind::Graduatoria:
      return "richiede graduatoria con tema " + d.theme.name +
             (d.aspect == Demand::RankingAspect::Posti       ? " e posti"
              : d.aspect == Demand::RankingAspect::Requisiti ? " e requisiti"
                                                             : "");
  }
  return "";
}

}  // namespace

std::string print(const Requirement& r) {
  std::string out = fmt::format("requisito {} {} {{\n", r.name.name, quote(r.title.value));
  auto line = [&](const std::string& s) { out += "  " + s + "\n"; };
  for (const Text& c : r.citations) line("citazione " + quote(c.value));
  for (const Validity& v : r.validities) line(validity(v));
  for (size_t i = 0; i < r.warningLevel.size(); ++i) line("livello avviso");
  for (const Addressees& a : r.addressees) line(a.everyone ? "si applica a tutti" : "si applica a ruolo " + a.role.name);
  for (const Demand& d : r.demands) line(demand(d));
  for (const IndicatorWarning& w : r.indicatorWarnings)
    line("avviso se indicatore diverso da " + w.indicator.name + " " + quote(w.message.value));
  for (const GateWarning& w : r.gateWarnings) line("avviso se senza soglia " + quote(w.message.value));
  return out + "}\n";
}

std::string print(const Statement& s) { return "dichiara " + s.name.name + " " + quote(s.text.value) + "\n"; }

std::string print(const Role& r) {
  std::string out = "ruolo " + r.name.name + (r.title ? " " + quote(r.title->value) : "") + " = ";
  switch (r.kind) {
    case Role::Kind::Nessuno: out += "nessuno"; break;
    case Role::Kind::Tutti: out += "tutti"; break;
    case Role::Kind::Profili:
      out += "profilo ";
      for (size_t i = 0; i < r.profiles.size(); ++i) out += (i ? ", " : "") + r.profiles[i].name;
      break;
    case Role::Kind::Matricole:
      for (size_t i = 0; i < r.persons.size(); ++i) out += (i ? ", " : "") + quote(r.persons[i].value);
      break;
    case Role::Kind::Dove: out += "personale dove " + (r.where ? print(*r.where) : std::string("vero")); break;
  }
  return out + "\n";
}

}  // namespace misura::ast
