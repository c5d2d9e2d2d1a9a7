// Reports: the results of an evaluation turned into what people read and
// what other systems import.
//
//  - table(): the terminal table for the segretario and the nucleo
//    (Matricola, Nominativo, Profilo, Totale, Fascia, Premio), aligned by
//    display width, with a footer (persons, sum of the premi).
//  - csv(): the file payroll imports and the examples' expected results:
//      matricola;nominativo;profilo;stato;totale;fascia;premio
//    ';' separated, UTF-8, Italian decimals, totale and premio with exactly
//    two decimals, no thousands separator, no '€'; empty cells where a value
//    does not apply (not evaluated, in error, no premio).
//  - json(): every number with its derivation, for the nucleo's files and
//    for other programs. Exact values are strings: a decimal form and, in
//    the "_esatto" twin, the exact fraction ("totale": "87,50",
//    "totale_esatto": "175/2"). Decimal forms that are not exact end in "…"
//    ("esito": "33,333333…%"). Values the regolamento or the data state
//    (weights, maxima, ratings) carry the fraction only when they are not a
//    finite decimal. Percentages: "esito": "85%", "esito_esatto": "17/20"
//    (a fraction of 1). Missing values are null; data locations are
//    "file:line:col" ("dato": "dati/rilevazioni.csv:3:12").
//
// All output is deterministic (staff-list order, no time stamps), so it can
// be compared byte by byte by the golden tests.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "compiler/ir/ir.h"
#include "compiler/support/source.h"
#include "runtime/eval/results.h"

namespace misura::report {

enum class Format { Testo, Csv, Json, Xlsx };

// The terminal table with its title and footer.
std::string table(const ir::Module& module, const eval::Evaluation& evaluation);

// The CSV described above, one line per person, '\n' line ends.
std::string csv(const ir::Module& module, const eval::Evaluation& evaluation);

// The JSON document described above (2-space indented, UTF-8, final '\n').
// `sources` resolves data locations ("dati/rilevazioni.csv:3:12").
std::string json(const ir::Module& module, const eval::Evaluation& evaluation, const SourceManager& sources);

// The summary of the funds for `valuta --riepilogo FILE.csv` (funds.cpp):
//   fondo;tipo;stanziato;distribuito;economia;persone
// one line per fund, then `totale` (the ente's), then a `deroga` line if
// the evaluation paid under a derogation. Same conventions as csv().
std::string fundsCsv(const ir::Module& module, const eval::Evaluation& evaluation);

// The workbook of `valuta --formato xlsx` (xlsx_out.cpp): sheets «Risultati»
// (the cells of csv(), numbers typed, header frozen), «Fondi» (fundsCsv()) and
// «Note» (ente, anno, regolamento, moduli, deroga). The file's bytes, or
// nullopt with `error` set.
std::optional<std::string> xlsx(const ir::Module& module, const eval::Evaluation& evaluation, std::string& error);

// One of the three text formats (not Xlsx: see xlsx()).
std::string render(Format format, const ir::Module& module, const eval::Evaluation& evaluation,
                   const SourceManager& sources);

// Display width of UTF-8 text in terminal columns: one per code point,
// zero for combining marks (U+0300..U+036F). Invalid bytes count one each.
std::size_t displayWidth(std::string_view utf8);

// Writes `content` to `path` so that `path` afterwards holds either its old
// content or the whole new content, never a part: the text goes to a
// temporary file in the same directory, is flushed to disk (fsync), then
// renamed over `path`, and the directory is synced. A new file gets the
// permissions of the file it replaces, or 0666 minus the umask. On failure
// returns false, leaves `path` untouched, removes the temporary file and
// puts an Italian explanation in `error`.
bool writeFileAtomically(const std::filesystem::path& path, std::string_view content, std::string& error);

}  // namespace misura::report
