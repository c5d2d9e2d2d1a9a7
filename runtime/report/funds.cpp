// What every output says of the funds (stanziato, distribuito, economia, the
// ente's total) and of a derogation (`valuta --deroga`), see format.h and
// report.h (fundsCsv).
#include <string>

#include "runtime/report/format.h"
#include "runtime/report/report.h"

namespace misura::report {

namespace {

std::string cell(const std::string& text) { return detail::csvCell(text); }

const char* schemeWord(const ir::Fund& f) {
  if (f.budget) return "stanziamento";
  if (f.unit()) return "quota unitaria";
  return "ripartito in proporzione";
}

}  // namespace

namespace detail {

std::string fundSchemeText(const ir::Fund& f, const eval::FundOutcome& o) {
  std::string out;
  if (f.budget) out = "stanziamento";
  if (o.unitQuota) out = "quota unitaria " + euroText(*o.unitQuota, true) + " €";
  else if (f.unit()) out = "quota unitaria";  // computed, but not known (an error was reported)
  if (f.cap) out += (out.empty() ? "" : ", ") + std::string("massimo ") + euroText(*f.cap, true) + " € per persona";
  return out.empty() ? out : " (" + out + ")";
}

std::string fundsTotalText(const eval::Evaluation& evaluation) {
  if (evaluation.funds.empty()) return {};
  Rational stanziato, distribuito;
  for (const eval::FundOutcome& f : evaluation.funds) {
    stanziato += f.amount;
    distribuito += f.distributed;
  }
  return "Fondi dell'ente: stanziato " + euroText(stanziato, true) + " €, distribuito " +
         euroText(distribuito, true) + " €, economia " + euroText(stanziato - distribuito, true) + " €\n";
}

std::string partText(const ir::Profile& profile, const eval::PartOutcome& part) {
  const std::string& name = profile.parts.at(part.part).name;
  return part.amount ? name + " " + euroText(*part.amount, true) + " €" : name + " non calcolata";
}

std::string partsText(const ir::Module& module, const eval::Evaluation& evaluation) {
  std::string out;
  for (const eval::PersonResult& p : evaluation.persons) {
    if (p.parts.empty() || p.status != eval::PersonStatus::Valutato) continue;
    const ir::Profile& profile = module.profiles.at(p.profile);
    std::string line = "  " + p.matricola + ": ";
    for (size_t k = 0; k < p.parts.size(); ++k) line += (k ? " + " : "") + partText(profile, p.parts[k]);
    if (p.premio) line += " = " + euroText(*p.premio, true) + " €";
    out += line + "\n";
  }
  return out.empty() ? out : "Parti del premio:\n" + out;
}

std::vector<FundRow> fundRows(const ir::Module& module, const eval::Evaluation& evaluation) {
  std::vector<FundRow> rows;
  for (const eval::FundOutcome& f : evaluation.funds) {
    const ir::Fund& decl = module.funds.at(f.fund);
    rows.push_back({decl.name, schemeWord(decl), f.amount, f.distributed, f.unspent, f.members, f.blocked});
  }
  return rows;
}

std::string derogaText(const eval::Evaluation& evaluation) {
  if (!evaluation.deroga) return {};
  std::string out = "\nDEROGA: premi calcolati nonostante i requisiti di legge non rispettati, con il motivo «" +
                    evaluation.deroga->reason + "»:\n";
  for (const std::string& v : evaluation.deroga->violations) out += "  - " + v + "\n";
  return out;
}

}  // namespace detail

std::string fundsCsv(const ir::Module& module, const eval::Evaluation& evaluation) {
  std::string out = "fondo;tipo;stanziato;distribuito;economia;persone\n";
  Rational stanziato, distribuito;
  for (const detail::FundRow& f : detail::fundRows(module, evaluation)) {
    stanziato += f.stanziato;
    distribuito += f.distribuito;
    out += cell(f.name) + ';' + f.scheme + ';' + detail::euroText(f.stanziato, false) + ';' +
           (f.blocked ? std::string() : detail::euroText(f.distribuito, false)) + ';' +
           (f.blocked ? std::string() : detail::euroText(f.economia, false)) + ';' + std::to_string(f.persons) + '\n';
  }
  out += "totale;;" + detail::euroText(stanziato, false) + ';' + detail::euroText(distribuito, false) + ';' +
         detail::euroText(stanziato - distribuito, false) + ";\n";
  if (evaluation.deroga) out += "deroga;" + cell(evaluation.deroga->reason) + ";;;;\n";
  return out;
}

}  // namespace misura::report
