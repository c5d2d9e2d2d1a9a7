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
  out.reserve(out.size() + evaluation.persons.size() * (48 + modules.size()));  // a typical row, without regrowth
  for (const eval::PersonResult& p : evaluation.persons) {
    const ir::Profile& profile = at(module.profiles, p.profile, "profilo");
    std::string totale, fascia, premio;
    if (p.status == eval::PersonStatus::Valutato) {
      totale = detail::totalText(profile, p.total);
      if (p.band) fascia = at(profile.bands, *p.band, "fascia").label;
      if (p.premio) premio = detail::euroText(*p.premio, /*thousands=*/false);
    }
    // Appended piece by piece: a million rows, no string per cell.
    detail::appendCsvCell(out, p.matricola);
    out += ';';
    detail::appendCsvCell(out, p.nominativo);
    out += ';';
    detail::appendCsvCell(out, profile.name);
    out += ';';
    out += detail::statusWord(p.status);
    out += ';';
    out += totale;
    out += ';';
    detail::appendCsvCell(out, fascia);
    out += ';';
    out += premio;
    out += modules;
    out += detail::rankingsCsvCells(module, evaluation, static_cast<uint32_t>(&p - evaluation.persons.data()));
    out += '\n';
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
