// The CSV of the results (payroll, examples' expected files).
#include <string>

#include "runtime/report/format.h"
#include "runtime/report/ranking.h"
#include "runtime/report/report.h"

namespace misura::report {

using detail::at;

namespace {

std::string cell(const std::string& text) { return detail::csvCell(text); }

}  // namespace

std::string csv(const ir::Module& module, const eval::Evaluation& evaluation) {
  // With `usa`, a last column records the modules applied (the same in every row).
  std::string modules = module.modules.empty() ? std::string() : ";" + cell(detail::modulesCell(module));
  // Under `valuta --deroga`, a last column records it (the same in every row).
  if (evaluation.deroga) modules += ";" + cell(evaluation.deroga->reason);
  std::string out = "matricola;nominativo;profilo;stato;totale;fascia;premio" +
                    std::string(module.modules.empty() ? "" : ";moduli") +
                    std::string(evaluation.deroga ? ";deroga" : "") + detail::rankingsCsvHeader(module) + "\n";
  for (const eval::PersonResult& p : evaluation.persons) {
    const ir::Profile& profile = at(module.profiles, p.profile, "profilo");
    std::string totale, fascia, premio;
    if (p.status == eval::PersonStatus::Valutato) {
      totale = detail::totalText(profile, p.total);
      if (p.band) fascia = at(profile.bands, *p.band, "fascia").label;
      if (p.premio) premio = detail::euroText(*p.premio, /*thousands=*/false);
    }
    out += cell(p.matricola) + ';' + cell(p.nominativo) + ';' + cell(profile.name) + ';' +
           detail::statusWord(p.status) + ';' + totale + ';' + cell(fascia) + ';' + premio + modules +
           detail::rankingsCsvCells(module, evaluation, static_cast<uint32_t>(&p - evaluation.persons.data())) + '\n';
  }
  return out;
}

std::string render(Format format, const ir::Module& module, const eval::Evaluation& evaluation,
                   const SourceManager& sources) {
  switch (format) {
    case Format::Testo: return table(module, evaluation);
    case Format::Csv: return csv(module, evaluation);
    case Format::Json: return json(module, evaluation, sources);
    case Format::Xlsx: throw InternalError{"il formato xlsx non è un testo: si scrive con report::xlsx"};
  }
  return table(module, evaluation);
}

}  // namespace misura::report
