// From a tokenized CSV file to a typed Table: header against the schema,
// every cell converted to its field's type, keys checked and indexed.
#include <fmt/format.h>

#include "runtime/data/convert.h"
#include "runtime/data/schema.h"
#include "runtime/data/suggest.h"

namespace misura::data {

namespace {

// Where each key column and field of the dataset is in the CSV header.
struct Columns {
  std::vector<ir::KeyColumn> key;  // for the staff list: its key field, as a Persona column
  std::vector<std::optional<size_t>> keyAt, fieldAt;
  std::optional<size_t> staffKeyField;  // staff list only: the field that is also the key
  bool keyComplete = true;
};

Span headerSpan(const CsvTable& csv) {
  if (csv.header.empty()) return Span{csv.file, 0, 0};
  return Span::cover(csv.header.front().span, csv.header.back().span);
}

bool onlyCaseDiffers(const std::string& a, const std::string& b) { return a != b && equalIgnoringCase(a, b); }

void reportMissingColumn(const std::string& name, Span declared, const CsvTable& csv, FileDiagnostics& fd) {
  std::vector<std::string> present;
  for (const Cell& c : csv.header) present.push_back(c.text);
  std::string hint;
  if (std::optional<std::string> guess = closest(name, present)) {
    hint = onlyCaseDiffers(name, *guess)
               ? fmt::format("rinomina la colonna «{}» in «{}»: nei nomi delle colonne maiuscole e minuscole contano",
                             *guess, name)
               : fmt::format("forse intendevi «{}»? Rinomina la colonna in «{}», il nome usato nel regolamento",
                             *guess, name);
  } else {
    hint = "le colonne presenti sono: ";
    for (size_t i = 0; i < present.size(); ++i) hint += (i ? ", " : "") + present[i];
  }
  Diagnostic d{"E0509", Severity::Errore, headerSpan(csv),
               fmt::format("manca la colonna «{}» richiesta dal regolamento", name), {}, hint, {}};
  if (declared.valid()) d.labels.push_back(Label{declared, "colonna richiesta dal regolamento"});
  fd.report(std::move(d));
}

Columns locateColumns(const ir::Module& module, uint32_t index, const CsvTable& csv, FileDiagnostics& fd) {
  const ir::Dataset& ds = module.datasets[index];
  Columns cols;
  cols.key = ds.key;
  if (index == ir::kStaff) {
    const ir::Field& keyField = ds.fields.at(module.staffKeyField);
    cols.key = {ir::KeyColumn{keyField.name, ir::KeyRole::Persona, keyField.span}};
    cols.staffKeyField = module.staffKeyField;
  }
  for (const ir::KeyColumn& k : cols.key) {
    cols.keyAt.push_back(csv.column(k.column));
    if (cols.keyAt.back()) continue;
    cols.keyComplete = false;
    if (index != ir::kStaff) reportMissingColumn(k.column, k.span, csv, fd);  // staff: reported as a field
  }
  for (const ir::Field& f : ds.fields) {
    cols.fieldAt.push_back(csv.column(f.name));
    if (!cols.fieldAt.back()) reportMissingColumn(f.name, f.span, csv, fd);
  }
  return cols;
}

// Reads the key cells of `cells` into `row`; false if one is empty or unknown.
bool readKey(const std::vector<Cell>& cells, const Columns& cols, const KnownKeys& known, Row& row,
             FileDiagnostics& fd) {
  bool ok = cols.keyComplete;
  for (size_t k = 0; k < cols.key.size(); ++k) {
    if (!cols.keyAt[k]) continue;
    const Cell& cell = cells[*cols.keyAt[k]];
    std::string text = cell.text;
    if (isEmptyCell(text)) {
      fd.error("E0511", cell.span, fmt::format("manca il valore della colonna «{}»", cols.key[k].column),
               fmt::format("«{}» identifica la riga: ogni riga deve averla", cols.key[k].column));
      ok = false;
      continue;
    }
    if (cell.kind == CellKind::Error) {  // #N/A in a key column: the row cannot be identified
      fd.error("E0527", cell.span, fmt::format("la cella contiene l'errore di Excel «{}», non un valore", text),
               fmt::format("«{}» identifica la riga: correggi la formula in Excel o scrivi il valore a mano",
                           cols.key[k].column));
      ok = false;
      continue;
    }
    ok = checkKeyValue(cols.key[k], text, cell.span, known, fd) && ok;
    row.key.push_back(std::move(text));
    row.keySpans.push_back(cell.span);
  }
  return ok;
}

std::string emptyHint(const ir::Field& f) {
  return fmt::format(
      "il campo «{}» ({}) non è opzionale: inserisci il valore, oppure, se una cella vuota significa «non "
      "rilevato», dichiara il campo `opzionale` nel regolamento",
      f.name, ir::typeName(f.type));
}

// Converts the field cells of `cells` into `row`, reporting every bad cell.
void readFields(const std::vector<Cell>& cells, const ir::Dataset& ds, const Columns& cols, Row& row,
                FileDiagnostics& fd) {
  for (size_t f = 0; f < ds.fields.size(); ++f) {
    const ir::Field& field = ds.fields[f];
    row.values.push_back(ir::Missing{});
    row.spans.push_back(Span{});
    if (!cols.fieldAt[f]) continue;
    const Cell& cell = cells[*cols.fieldAt[f]];
    row.spans.back() = cell.span;
    if (isEmptyCell(cell.text)) {
      if (field.optional || cols.staffKeyField == f) continue;  // the staff key is checked by readKey
      fd.error("E0511", cell.span, fmt::format("manca il valore di «{}»", field.name), emptyHint(field));
      continue;
    }
    if (cols.staffKeyField == f && cell.kind == CellKind::Error) continue;  // reported by readKey
    auto converted = convertCell(cell, field.type, field.name, ds.decimal);
    if (const ConversionError* err = std::get_if<ConversionError>(&converted)) {
      fd.error(err->code, cell.span, err->message, err->hint);
      continue;
    }
    row.values.back() = std::get<ir::Value>(std::move(converted));
  }
}

std::string describeKey(const Columns& cols, const Row& row) {
  std::string out;
  for (size_t k = 0; k < row.key.size() && k < cols.key.size(); ++k)
    out += fmt::format("{}{} «{}»", k ? ", " : "", cols.key[k].column, row.key[k]);
  return out;
}

// Indexes `row` (about to be appended to table.rows); E0512 if its key is taken.
void indexRow(Table& table, const Columns& cols, const Row& row, const SourceManager& sources, FileDiagnostics& fd) {
  auto [it, inserted] = table.index.emplace(row.key, static_cast<uint32_t>(table.rows.size()));
  if (inserted) return;
  const Row& first = table.rows[it->second];
  uint32_t firstLine = sources.lineCol(table.file, first.span.begin).line;
  Span here = Span::cover(row.keySpans.front(), row.keySpans.back());
  Span there = Span::cover(first.keySpans.front(), first.keySpans.back());
  std::string hint = cols.key.size() == 1
                         ? fmt::format("ogni valore di «{}» deve comparire una sola volta", cols.key[0].column)
                         : "ogni combinazione dei valori delle colonne chiave deve comparire una sola volta";
  hint += ": tieni una riga sola e cancella le altre";
  fd.report(Diagnostic{"E0512", Severity::Errore, here,
                       fmt::format("riga ripetuta: {} compare già alla riga {}", describeKey(cols, row), firstLine),
                       {Label{there, "prima riga con la stessa chiave"}}, hint, {}});
}

}  // namespace

const Row* Table::find(const std::vector<std::string>& key) const {
  auto it = index.find(key);
  return it == index.end() ? nullptr : &rows[it->second];
}

Table buildTable(const ir::Module& module, uint32_t index, const CsvTable& csv, const KnownKeys& known,
                 const SourceManager& sources, FileDiagnostics& fd) {
  const ir::Dataset& ds = module.datasets[index];
  Table table;
  table.file = csv.file;
  table.header = headerSpan(csv);
  Columns cols = locateColumns(module, index, csv, fd);
  for (size_t r = 0; r < csv.rows.size(); ++r) {
    Row row;
    row.span = csv.rowSpan(r);
    bool keyOk = readKey(csv.rows[r], cols, known, row, fd);
    readFields(csv.rows[r], ds, cols, row, fd);
    if (!keyOk) continue;
    if (!cols.key.empty()) indexRow(table, cols, row, sources, fd);  // a record table has no key to index
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace misura::data
