// cmdMostra (see mostra.h).
#include "cli/mostra.h"

#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "runtime/data/read_file.h"

namespace misura::cli {

namespace {

// "dati/peg.xlsx[PEG]:12:C" -> ("dati/peg.xlsx[PEG]:12", "C").
std::pair<std::string, std::string> splitLocation(const std::string& location) {
  size_t colon = location.rfind(':');
  if (colon == std::string::npos) return {location, {}};
  return {location.substr(0, colon), location.substr(colon + 1)};
}

std::string shown(const data::Cell& c) {
  switch (c.kind) {
    case data::CellKind::Text: return "«" + c.text + "»";
    case data::CellKind::Date: return formatItalian(c.date) + " (data)";
    case data::CellKind::Error: return c.text + " (errore di Excel)";
    case data::CellKind::Number:
    case data::CellKind::Boolean: return c.text;
  }
  return c.text;
}

// One line per row: its place, then each non-empty cell with its column
// (the letter in a sheet, the header name in a CSV).
void printRow(const SourceManager& sources, const std::vector<data::Cell>& row, const std::vector<data::Cell>& header,
              bool sheet) {
  std::string place, cells;
  for (size_t i = 0; i < row.size(); ++i) {
    const data::Cell& c = row[i];
    if (place.empty() && c.span.valid()) place = splitLocation(sources.location(c.span)).first;
    if (c.text.empty()) continue;
    std::string column = sheet ? splitLocation(sources.location(c.span)).second
                               : (i < header.size() ? "«" + header[i].text + "»" : std::to_string(i + 1));
    if (!sheet && &row == &header) column.clear();  // a CSV header: the names alone
    cells += (cells.empty() ? "" : "  ") + (column.empty() ? "" : column + " ") + shown(c);
  }
  std::cout << place << ":  " << (cells.empty() ? "(vuota)" : cells) << "\n";
}

std::optional<data::CsvTable> read(const MostraOptions& opt, std::optional<uint32_t> headerRow, SourceManager& sources,
                                   Diagnostics& diags) {
  namespace fs = std::filesystem;
  ir::Dataset d;
  d.name = "file";
  d.file = fs::path(opt.file).filename().string();
  d.encoding = "utf-8";
  d.sheet = opt.sheet;
  d.headerRow = headerRow;
  return data::readDataFile(d, fs::path(opt.file).parent_path(), sources, diags);
}

// A sheet whose first row is a title (often on merged cells) has its real
// header further down: the row among the first ten with the most named
// columns, if wider than the first one.
std::optional<uint32_t> widerHeader(const MostraOptions& opt, size_t width) {
  std::optional<uint32_t> best;
  for (uint32_t r = 1; r <= 10; ++r) {
    SourceManager sources;
    Diagnostics diags;
    std::optional<data::CsvTable> t = read(opt, r, sources, diags);
    if (t && t->header.size() > width) width = t->header.size(), best = r;
  }
  return best;
}

}  // namespace

int cmdMostra(const MostraOptions& opt) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(opt.file, ec)) {
    printPlainError("E0508", "file non trovato " + inQuotes(opt.file),
                    "scrivi il percorso del file di dati, per esempio: misura mostra dati/personale.xlsx");
    return kDiagnostics;
  }
  SourceManager sources;
  Diagnostics diags;
  std::optional<data::CsvTable> table = read(opt, opt.headerRow, sources, diags);
  printDiagnostics(sources, diags);
  if (!table) {
    for (const Diagnostic& d : diags.all())
      if (d.code == "E0525" || d.code == "E0524") std::cerr << "con «misura mostra» il foglio si sceglie con --foglio NOME\n";
    return kDiagnostics;
  }
  bool sheet = !table->header.empty() && sources.location(table->header.front().span).find('[') != std::string::npos;
  if (sheet && !opt.headerRow)
    if (std::optional<uint32_t> row = widerHeader(opt, table->header.size())) {
      std::cout << fmt::format("la riga {} ha più colonne della prima: è l'intestazione? Nel regolamento: "
                               "intestazione riga {}\n",
                               *row, *row);
      MostraOptions again = opt;
      again.headerRow = row;
      return cmdMostra(again);
    }
  std::cout << "intestazione (i nomi delle colonne):\n";
  printRow(sources, table->header, table->header, sheet);
  std::cout << fmt::format("prime righe di dati ({} in tutto):\n", table->rows.size());
  for (size_t r = 0; r < table->rows.size() && r < opt.rows; ++r) printRow(sources, table->rows[r], table->header, sheet);
  if (table->rows.size() > opt.rows) std::cout << fmt::format("... e altre {}\n", table->rows.size() - opt.rows);
  return diags.hasErrors() ? kDiagnostics : kOk;
}

}  // namespace misura::cli
