// xlsx(): the workbook for the payroll office (`valuta --formato xlsx
// --uscita FILE.xlsx`), written with libxlsxwriter. Its cells are those of
// csv() and fundsCsv(), typed: the same numbers, read back by Excel as numbers
// (totale with two decimals, money in euro), text as text (matricole keep
// their leading zeros). Sheets: «Risultati» (header frozen), «Fondi», «Note».
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <vector>

#include <xlsxwriter.h>

#include "runtime/data/csv.h"
#include "runtime/report/format.h"
#include "runtime/report/report.h"

namespace misura::report {

namespace {

// The header and rows of a CSV made by csv()/fundsCsv(), read back by the
// project's CSV reader (a name with ';' or '"' is quoted there).
std::vector<std::vector<std::string>> rows(const std::string& text) {
  SourceManager sources;
  Diagnostics diags;
  data::CsvOptions options;
  options.separator = ';';
  std::optional<data::CsvTable> table = data::readCsv(sources, sources.add("risultati.csv", text), options, diags);
  if (!table || diags.hasErrors()) throw InternalError{"il CSV dei risultati non si rilegge per la cartella di lavoro"};
  std::vector<std::vector<std::string>> out;
  auto texts = [](const std::vector<data::Cell>& cells) {
    std::vector<std::string> line;
    for (const data::Cell& c : cells) line.push_back(c.text);
    return line;
  };
  out.push_back(texts(table->header));
  for (const std::vector<data::Cell>& row : table->rows) out.push_back(texts(row));
  return out;
}

// "1234,56" -> 1234.56; nullopt for anything that is not a plain Italian decimal.
std::optional<double> number(const std::string& cell) {
  if (cell.empty() || cell.find_first_not_of("-0123456789,") != std::string::npos) return std::nullopt;
  std::string dotted = cell;
  for (char& c : dotted)
    if (c == ',') c = '.';
  try {
    size_t used = 0;
    double v = std::stod(dotted, &used);
    return used == dotted.size() ? std::optional(v) : std::nullopt;
  } catch (...) {
    return std::nullopt;
  }
}

struct Formats {
  lxw_format* header;
  lxw_format* points;  // 0,00
  lxw_format* euro;    // 1.234,56 €
};

bool isMoney(const std::string& column) {
  return column == "premio" || column == "stanziato" || column == "distribuito" || column == "economia" ||
         column.rfind("parte_", 0) == 0;
}

bool isNumber(const std::string& column) {
  return column == "totale" || column == "persone" || column.rfind("posizione_", 0) == 0 || isMoney(column);
}

// One sheet from CSV rows: the first row is the header; columns named like
// numbers are written as numbers where the cell is one.
void sheet(lxw_workbook* wb, const char* name, const std::vector<std::vector<std::string>>& table, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name);
  if (table.empty()) return;
  const std::vector<std::string>& header = table.front();
  for (size_t c = 0; c < header.size(); ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), header[c].c_str(), f.header);
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), c == 1 ? 28 : 14, nullptr);
  }
  worksheet_freeze_panes(ws, 1, 0);
  for (size_t r = 1; r < table.size(); ++r)
    for (size_t c = 0; c < table[r].size() && c < header.size(); ++c) {
      const std::string& cell = table[r][c];
      if (cell.empty()) continue;
      const auto row = static_cast<lxw_row_t>(r);
      const auto col = static_cast<lxw_col_t>(c);
      std::optional<double> v = isNumber(header[c]) ? number(cell) : std::nullopt;
      if (v) worksheet_write_number(ws, row, col, *v, isMoney(header[c]) ? f.euro : header[c] == "totale" ? f.points : nullptr);
      else worksheet_write_string(ws, row, col, cell.c_str(), nullptr);
    }
}

void notes(lxw_workbook* wb, const ir::Module& module, const eval::Evaluation& evaluation, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Note");
  std::vector<std::pair<std::string, std::string>> lines = {
      {"Ente", module.ente},
      {"Anno di valutazione", std::to_string(module.anno)},
      {"Regolamento", module.sourcePath},
      {"Moduli di legge", module.modules.empty() ? "nessuno" : detail::modulesCell(module)},
      {"Persone", std::to_string(evaluation.persons.size())},
  };
  if (evaluation.deroga) lines.emplace_back("Deroga", evaluation.deroga->reason);
  worksheet_set_column(ws, 0, 0, 24, nullptr);
  worksheet_set_column(ws, 1, 1, 80, nullptr);
  for (size_t i = 0; i < lines.size(); ++i) {
    worksheet_write_string(ws, static_cast<lxw_row_t>(i), 0, lines[i].first.c_str(), f.header);
    worksheet_write_string(ws, static_cast<lxw_row_t>(i), 1, lines[i].second.c_str(), nullptr);
  }
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

std::optional<std::string> xlsx(const ir::Module& module, const eval::Evaluation& evaluation, std::string& error) {
  // libxlsxwriter 1.1.4 writes to a file only: a private temporary one
  // (mkstemps: a fresh name, ours alone), read back and removed.
  namespace fs = std::filesystem;
  std::error_code ec;
  std::string name = (fs::temp_directory_path(ec) / "misura-XXXXXX.xlsx").string();
  int fd = ::mkstemps(name.data(), 5);
  if (fd < 0) {
    error = "impossibile creare un file temporaneo per la cartella di lavoro";
    return std::nullopt;
  }
  ::close(fd);
  fs::path tmp = name;
  lxw_workbook* wb = workbook_new(tmp.c_str());
  if (!wb) {
    fs::remove(tmp, ec);
    error = "impossibile creare la cartella di lavoro temporanea " + tmp.string();
    return std::nullopt;
  }
  Formats f{workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb)};
  format_set_bold(f.header);
  format_set_num_format(f.points, "0.00");
  format_set_num_format(f.euro, "#,##0.00 \"€\"");
  sheet(wb, "Risultati", rows(csv(module, evaluation)), f);
  sheet(wb, "Fondi", rows(fundsCsv(module, evaluation)), f);
  notes(wb, module, evaluation, f);
  lxw_error status = workbook_close(wb);
  if (status != LXW_NO_ERROR) {
    fs::remove(tmp, ec);
    error = std::string("scrittura della cartella di lavoro non riuscita: ") + lxw_strerror(status);
    return std::nullopt;
  }
  std::string bytes = slurp(tmp);
  fs::remove(tmp, ec);
  return bytes;
}

}  // namespace misura::report
