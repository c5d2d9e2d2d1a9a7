// readXlsx: the cells of the chosen sheet (xlsx_package.h gives its XML and
// what it refers to) laid out as a CsvTable on a grid file.
#include "runtime/data/xlsx.h"

#include <map>

#include <fmt/format.h>

#include "runtime/data/convert.h"
#include "runtime/data/xlsx_package.h"
#include "runtime/data/xml_sax.h"

namespace misura::data {

namespace {

using xlsx::CellRef;
using xlsx::FormatKind;

constexpr size_t kMaxCells = 5'000'000;     // stored cells of one sheet
constexpr size_t kMaxGridCells = 20'000'000;  // rows x columns laid out for the checks

// A cell as stored in the sheet XML.
struct RawCell {
  std::string type;   // t="..." ("" for a number)
  uint32_t style = 0; // s="N"
  std::string value;  // <v>
  std::string inlineText;  // <is>
  bool hasValue = false, hasInline = false;
};

using SheetRow = std::map<uint32_t, Cell>;  // column -> cell
using SheetRows = std::map<uint32_t, SheetRow>;  // row -> cells

struct Parsed {
  SheetRows rows;
  std::vector<xlsx::RangeRef> merges;
  size_t cells = 0;
  bool tooMany = false;
  bool badString = false;
};

bool nonEmpty(const Cell& c) { return c.kind != CellKind::Text || !isEmptyCell(c.text); }

uint32_t parseIndex(std::string_view s, bool& ok) {
  uint32_t n = 0;
  ok = !s.empty() && s.size() <= 9;
  for (char c : s) {
    if (c < '0' || c > '9') ok = false;
    else n = n * 10 + static_cast<uint32_t>(c - '0');
  }
  return ok ? n : 0;
}

// "2024-03-31" or "2024-03-31T00:00:00" (t="d", ISO 8601 dates).
std::optional<Date> isoDate(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  bool ok1, ok2, ok3;
  uint32_t y = parseIndex(s.substr(0, 4), ok1), m = parseIndex(s.substr(5, 2), ok2), d = parseIndex(s.substr(8, 2), ok3);
  if (!ok1 || !ok2 || !ok3) return std::nullopt;
  return Date::fromYmd(static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
}

// The typed cell of a raw one (its span is set later).
Cell typed(const RawCell& raw, const xlsx::Sheet& sheet, bool& badString) {
  Cell c;
  const std::string& t = raw.type;
  if (t == "s") {
    bool ok = false;
    uint32_t i = parseIndex(raw.value, ok);
    if (!raw.hasValue) return c;
    if (!ok || i >= sheet.sharedStrings.size()) {
      badString = true;
      return c;
    }
    c.text = sheet.sharedStrings[i];
    return c;
  }
  if (t == "inlineStr") {
    c.text = raw.hasInline ? raw.inlineText : raw.value;
    return c;
  }
  if (t == "str") {  // a formula's text result: the cached value
    c.text = raw.value;
    return c;
  }
  if (t == "b") {
    c.kind = CellKind::Boolean;
    c.boolean = raw.value == "1" || raw.value == "true";
    c.text = c.boolean ? "vero" : "falso";
    return c;
  }
  if (t == "e") {
    c.kind = CellKind::Error;
    c.text = raw.value;
    return c;
  }
  if (t == "d") {
    if (std::optional<Date> d = isoDate(raw.value)) {
      c.kind = CellKind::Date, c.date = *d, c.text = formatItalian(*d);
    } else {
      c.text = raw.value;
    }
    return c;
  }
  // A number ("n" or no type).
  if (!raw.hasValue || raw.value.empty()) return c;
  std::optional<Rational> q = xlsx::parseDecimal(raw.value);
  if (!q) {
    c.text = raw.value;  // not a number after all: the conversion will say what it is
    return c;
  }
  FormatKind format = raw.style < sheet.styles.size() ? sheet.styles[raw.style] : FormatKind::Number;
  switch (format) {
    case FormatKind::Date: {
      auto day = xlsx::serialToDate(*q, sheet.date1904);
      if (const Date* d = std::get_if<Date>(&day)) {
        c.kind = CellKind::Date, c.date = *d, c.text = formatItalian(*d);
        return c;
      }
      if (std::get<xlsx::SerialError>(day) == xlsx::SerialError::Fictitious) {
        c.text = "29/02/1900";  // the text conversion says this day does not exist
        return c;
      }
      break;  // not a day: left as the number it is
    }
    case FormatKind::Percent:
      c.kind = CellKind::Number, c.number = *q, c.percent = true;
      c.text = formatExact(*q * Rational(100), 30, false) + "%";
      return c;
    case FormatKind::Number: break;
  }
  c.kind = CellKind::Number, c.number = *q;
  c.text = formatExact(*q, 30, false);
  return c;
}

Parsed parseSheet(const xlsx::Sheet& sheet, std::optional<std::string>& error) {
  Parsed out;
  uint32_t row = 0, column = 0;
  RawCell raw;
  CellRef at;
  bool inCell = false, inValue = false, inInline = false, inText = false, inPhonetic = false;
  XmlHandler h;
  h.start = [&](std::string_view e, const std::vector<XmlAttribute>& a) {
    if (e == "row") {
      bool ok = false;
      uint32_t r = parseIndex(attribute(a, "r").value_or(""), ok);
      row = ok && r >= 1 ? r : row + 1;
      column = 0;
    } else if (e == "c") {
      inCell = true;
      raw = RawCell{};
      std::optional<CellRef> ref = xlsx::parseCellRef(attribute(a, "r").value_or(""));
      at = ref ? *ref : CellRef{std::max<uint32_t>(row, 1), column + 1};
      row = at.row, column = at.column;
      raw.type = std::string(attribute(a, "t").value_or(""));
      bool ok = false;
      raw.style = parseIndex(attribute(a, "s").value_or("0"), ok);
    } else if (inCell && e == "v") {
      inValue = true, raw.hasValue = true;
    } else if (inCell && e == "is") {
      inInline = true, raw.hasInline = true;
    } else if (inInline && e == "t") {
      inText = true;
    } else if (inInline && e == "rPh") {
      inPhonetic = true;
    } else if (e == "mergeCell") {
      if (auto range = xlsx::parseRangeRef(attribute(a, "ref").value_or(""))) out.merges.push_back(*range);
    }
  };
  h.end = [&](std::string_view e) {
    if (e == "v") inValue = false;
    else if (e == "is") inInline = false;
    else if (e == "t") inText = false;
    else if (e == "rPh") inPhonetic = false;
    else if (e == "c" && inCell) {
      inCell = false;
      if (++out.cells > kMaxCells) {
        out.tooMany = true;
        return;
      }
      Cell c = typed(raw, sheet, out.badString);
      if (nonEmpty(c)) out.rows[at.row][at.column] = std::move(c);
    }
  };
  h.text = [&](std::string_view s) {
    if (inValue) raw.value.append(s);
    else if (inText && !inPhonetic) raw.inlineText.append(s);
  };
  error = parseXml(sheet.xml, h);
  return out;
}

// A merged range's value goes to its first column in every row it covers.
void fillMerges(Parsed& p) {
  if (p.rows.empty()) return;
  uint32_t lastRow = p.rows.rbegin()->first;
  for (const xlsx::RangeRef& m : p.merges) {
    auto first = p.rows.find(m.first.row);
    if (first == p.rows.end()) continue;
    auto cell = first->second.find(m.first.column);
    if (cell == first->second.end()) continue;
    Cell value = cell->second;
    for (uint32_t r = m.first.row + 1; r <= m.last.row && r <= lastRow; ++r) p.rows[r][m.first.column] = value;
  }
}

// Header columns covered by a merged range that starts in a column to their left.
std::vector<bool> coveredColumns(const Parsed& p, uint32_t headerRow, uint32_t width) {
  std::vector<bool> covered(width, false);
  for (const xlsx::RangeRef& m : p.merges) {
    if (headerRow < m.first.row || headerRow > m.last.row) continue;
    for (uint32_t c = m.first.column + 1; c <= m.last.column && c <= width; ++c) covered[c - 1] = true;
  }
  return covered;
}

// Writes `text` into the grid line, tabs and line breaks turned into spaces.
void appendCellText(std::string& grid, const std::string& text) {
  for (char ch : text) grid += (ch == '\t' || ch == '\n' || ch == '\r') ? ' ' : ch;
}

}  // namespace

bool looksLikeZip(std::string_view bytes) {
  return bytes.starts_with(std::string_view("PK\x03\x04", 4)) || bytes.starts_with(std::string_view("PK\x05\x06", 4));
}

std::optional<CsvTable> readXlsx(std::string_view bytes, const std::string& path, const XlsxOptions& options,
                                 SourceManager& sources, Diagnostics& diags) {
  std::optional<xlsx::Sheet> sheet = xlsx::openSheet(bytes, path, options, diags);
  if (!sheet) return std::nullopt;
  const std::string where = fmt::format("il foglio «{}» di «{}»", sheet->name, path);
  std::optional<std::string> xmlError;
  Parsed parsed = parseSheet(*sheet, xmlError);
  if (xmlError || parsed.badString) {
    diags.error("E0523", options.fileSpan,
                fmt::format("la cartella di lavoro «{}» è danneggiata: {} non si legge ({})", path,
                            fmt::format("il foglio «{}»", sheet->name),
                            xmlError ? "XML non valido, " + *xmlError : "rimanda a un testo condiviso che non esiste"),
                "apri il file in Excel o LibreOffice, salvalo di nuovo come .xlsx e rilancia");
    return std::nullopt;
  }
  if (parsed.tooMany) {
    diags.error("E0534", options.fileSpan, fmt::format("{} ha più di {} celle", where, kMaxCells),
                "controlla di aver indicato il foglio giusto");
    return std::nullopt;
  }
  fillMerges(parsed);

  // The header row.
  uint32_t headerRow = 0;
  if (options.headerRow) {
    headerRow = *options.headerRow;
    if (!parsed.rows.count(headerRow)) {
      uint32_t last = parsed.rows.empty() ? 0 : parsed.rows.rbegin()->first;
      diags.error("E0531", options.headerRowSpan.valid() ? options.headerRowSpan : options.fileSpan,
                  headerRow > last ? fmt::format("{} ha {} righe: non c'è la riga di intestazione {}", where, last,
                                                 headerRow)
                                   : fmt::format("la riga {} del foglio «{}» di «{}» è vuota: non può essere "
                                                 "l'intestazione",
                                                 headerRow, sheet->name, path),
                  "scrivi in `intestazione riga` il numero della riga che contiene i nomi delle colonne, come lo "
                  "mostra Excel a sinistra");
      return std::nullopt;
    }
  } else {
    if (parsed.rows.empty()) {
      diags.error("E0502", options.fileSpan, fmt::format("{} è vuoto: manca la riga di intestazione", where),
                  "la prima riga del foglio deve contenere i nomi delle colonne, seguita da una riga per ogni dato");
      return std::nullopt;
    }
    headerRow = parsed.rows.begin()->first;
  }
  const SheetRow& headerCells = parsed.rows[headerRow];
  uint32_t width = headerCells.empty() ? 0 : headerCells.rbegin()->first;

  // The lines of the grid file: the header row, then every data row with a value.
  std::vector<uint32_t> lines{headerRow};
  for (auto it = parsed.rows.upper_bound(headerRow); it != parsed.rows.end(); ++it) {
    auto firstBeyond = it->second.upper_bound(width);
    if (firstBeyond != it->second.begin()) lines.push_back(it->first);  // a value within the header's columns
  }
  if (static_cast<uint64_t>(lines.size()) * width > kMaxGridCells) {
    diags.error("E0534", options.fileSpan,
                fmt::format("{} è troppo grande: {} righe per {} colonne", where, lines.size(), width),
                "controlla di aver indicato il foglio giusto");
    return std::nullopt;
  }
  std::string grid;
  struct Placed {
    uint32_t begin, end;
  };
  std::vector<std::vector<Placed>> placed(lines.size());
  for (size_t l = 0; l < lines.size(); ++l) {
    const SheetRow& row = parsed.rows[lines[l]];
    for (uint32_t c = 1; c <= width; ++c) {
      if (c > 1) grid += '\t';
      uint32_t begin = static_cast<uint32_t>(grid.size());
      if (auto it = row.find(c); it != row.end()) appendCellText(grid, it->second.text);
      placed[l].push_back(Placed{begin, static_cast<uint32_t>(grid.size())});
    }
    grid += '\n';
  }
  FileId file = sources.addGrid(fmt::format("{}[{}]", path, sheet->name), std::move(grid), lines);

  CsvTable table;
  table.file = file;
  for (size_t l = 0; l < lines.size(); ++l) {
    SheetRow& row = parsed.rows[lines[l]];
    std::vector<Cell> cells;
    for (uint32_t c = 1; c <= width; ++c) {
      Cell cell;
      if (auto it = row.find(c); it != row.end()) cell = std::move(it->second);
      cell.span = Span{file, placed[l][c - 1].begin, placed[l][c - 1].end};
      cells.push_back(std::move(cell));
    }
    if (l == 0) table.header = std::move(cells);
    else table.rows.push_back(std::move(cells));
  }
  prepareHeader(table.header, diags, coveredColumns(parsed, headerRow, width));
  return table;
}

}  // namespace misura::data
