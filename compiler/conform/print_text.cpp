// The conformance report as text (`misura verifica --anno`): the effective
// weights of each profile, then each requirement, in force or not, with its
// citation and, per profile or person, what holds and what does not.
#include <fmt/format.h>

#include "compiler/conform/conform.h"

namespace misura::conform {

namespace {

const char* outcomeText(const Check& c) {
  switch (c.outcome) {
    case Outcome::Conforme: return "conforme";
    case Outcome::NonConforme: return c.warningOnly ? "NON conforme (avviso)" : "NON CONFORME";
    case Outcome::NonApplicabile: return "non applicabile";
  }
  return "";
}

std::string themes(const sema::Share& s) {
  if (!s.themes || s.themes->empty()) return "";
  std::string out = "  tema ";
  for (size_t i = 0; i < s.themes->size(); ++i) out += (i ? ", " : "") + (*s.themes)[i].name;
  return out;
}

void weights(const sema::Checked& c, const sema::ProfileShares& ps, std::string& out) {
  out += fmt::format("  profilo {}{}\n", c.profiles[ps.profile].decl->name.name,
                     ps.premioByObjective ? " (premio ripartito per obiettivo: tra parentesi la quota del premio)" : "");
  for (const sema::Share& s : ps.shares) {
    std::string name = s.kind == sema::Share::Kind::Componente ? "componente " + s.code
                       : s.kind == sema::Share::Kind::Obiettivo && s.component.empty()
                           ? "obiettivo " + s.code + " (solo premio)"  // `solo per il premio`: in no component
                       : s.kind == sema::Share::Kind::Obiettivo ? "  obiettivo " + s.code
                                                                 : "  comportamento " + s.code;
    std::string money = s.ofPremio ? " (" + percent(*s.ofPremio) + ")" : "";
    if (s.gated) money += " (soglia sul premio: " + percent(*s.gated) + ")";
    out += fmt::format("    {:<30} {:>8}{}{}\n", name, percent(s.ofScore), money, themes(s));
  }
  if (ps.dynamic) out += "    (altri obiettivi sono assegnati persona per persona: quote su 100 punti di peso; vedi --personale)\n";
}

void requirement(const RequirementReport& rr, int year, std::string& out) {
  const sema::RequirementInfo& r = *rr.info;
  out += fmt::format("\n  {} — {}{}\n", r.decl->name.name, r.decl->title.value, r.warningLevel ? " [avviso]" : "");
  out += fmt::format("    {}\n", r.citation);
  std::string period = "vigente " + r.period.describe();
  if (!rr.inForce) {
    out += fmt::format("    non vigente nel {} ({})\n", year, period);
    return;
  }
  out += fmt::format("    {}; si applica a: {}\n", period, rr.addressees);
  for (const Check& ch : rr.checks) {
    out += fmt::format("    {}: {}\n", ch.subject, outcomeText(ch));
    for (const std::string& d : ch.details) out += fmt::format("      {}\n", d);
  }
}

}  // namespace

std::string percent(const Rational& fraction) { return formatExact(fraction * 100, 2) + "%"; }

std::string printText(const sema::Checked& c, const Report& report) {
  size_t inForce = 0;
  for (const RequirementReport& rr : report.requirements) inForce += rr.inForce;
  std::string out = fmt::format("Conformità alla legge: {}, valutazione {}\n", report.ente, report.year);
  size_t notInForce = report.requirements.size() - inForce;
  out += fmt::format("Requisiti: {} {} nel {}, {} non {}; verifica per {}\n", inForce, inForce == 1 ? "vigente" : "vigenti",
                     report.year, notInForce, notInForce == 1 ? "vigente" : "vigenti",
                     report.perPerson ? "persona" : "profilo");
  if (!report.modules.empty()) {
    out += "Moduli usati:\n";
    for (const ir::ModuleVersion& v : report.modules) out += "  " + ir::describe(v, report.year) + "\n";
  }
  out += "\nPesi effettivi (quota del punteggio totale)\n";
  for (const sema::ProfileShares& ps : report.weights) weights(c, ps, out);
  out += "\nRequisiti\n";
  if (report.requirements.empty()) out += "  nessun requisito: aggiungi per esempio «usa legge.dl_13_2023»\n";
  for (const RequirementReport& rr : report.requirements) requirement(rr, report.year, out);
  out += fmt::format("\nEsito: {}, {}\n", report.errors == 1 ? std::string("1 errore") : fmt::format("{} errori", report.errors),
                     report.warnings == 1 ? std::string("1 avviso") : fmt::format("{} avvisi", report.warnings));
  return out;
}

}  // namespace misura::conform
