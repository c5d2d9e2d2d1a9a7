// From the rows of a data file to a typed Table, row by row as the file is
// read: header against the schema, every cell converted to its field's type,
// keys checked and indexed.
#include <fmt/format.h>

#include "compiler/support/limits.h"

#include "runtime/data/convert.h"
#include "runtime/data/data_limits.h"
#include "runtime/data/rules.h"
#include "runtime/data/schema.h"
#include "runtime/data/suggest.h"

namespace misura::data {

namespace {

using Columns = TableColumns;

// The header of field `f` in the file.
const std::string& columnOf(const ir::Field& f) { return f.column.empty() ? f.name : f.column; }

// Whether the file has a column for field `f` (not computed, not absent from this file, not a wide one).
bool readFromColumn(const ir::Dataset& ds, size_t f) {
  return !ds.fields[f].derived && !ds.fields[f].absent && !(ds.wide && ds.wide->field == f);
}

Span headerSpan(const CsvTable& csv) {
  if (csv.header.empty()) return Span{csv.file, 0, 0};
  return Span::cover(csv.header.front().span, csv.header.back().span);
}

bool onlyCaseDiffers(const std::string& a, const std::string& b) { return a != b && equalIgnoringCase(a, b); }

// `field`: the column of a field (not a key column or a code column of a wide
// sheet): then the hint says how the regolamento can read it as it is named.
void reportMissingColumn(const std::string& name, Span declared, const CsvTable& csv, FileDiagnostics& fd,
                         const std::string& field = {}) {
  std::vector<std::string> present;
  for (const Cell& c : csv.header) present.push_back(c.text);
  std::string hint;
  if (std::optional<std::string> guess = closest(name, present)) {
    std::string asIs = field.empty() ? std::string()
                                     : fmt::format("; oppure, per leggere il file così com'è, scrivi nel regolamento "
                                                   "«{} ... colonna \"{}\"»",
                                                   field, *guess);
    hint = onlyCaseDiffers(name, *guess)
               ? fmt::format("rinomina la colonna «{}» in «{}»: nei nomi delle colonne maiuscole e minuscole "
                             "contano{}",
                             *guess, name, asIs)
               : fmt::format("forse intendevi «{}»? Rinomina la colonna in «{}», il nome usato nel regolamento{}",
                             *guess, name, asIs);
  } else {
    hint = "le colonne presenti sono: ";
    for (size_t i = 0; i < present.size(); ++i) hint += (i ? ", " : "") + present[i];
  }
  Diagnostic d{"E0509", Severity::Errore, headerSpan(csv),
               fmt::format("manca la colonna «{}» richiesta dal regolamento", name), {}, hint, {}};
  if (declared.valid()) d.labels.push_back(Label{declared, "colonna richiesta dal regolamento"});
  fd.report(std::move(d));
}

Columns locateColumns(const ir::Dataset& ds, std::optional<uint32_t> staffKeyField, const CsvTable& csv,
                      FileDiagnostics& fd) {
  Columns cols;
  cols.key = ds.key;
  if (ds.wide) cols.key.pop_back();  // the codes are in the header, not in a column
  if (staffKeyField) {
    const ir::Field& keyField = ds.fields.at(*staffKeyField);
    cols.key = {ir::KeyColumn{columnOf(keyField), ir::KeyRole::Persona, keyField.span}};
    cols.staffKeyField = *staffKeyField;
  }
  for (const ir::KeyColumn& k : cols.key) {
    cols.keyAt.push_back(csv.column(k.column));
    if (cols.keyAt.back()) continue;
    cols.keyComplete = false;
    if (!staffKeyField) reportMissingColumn(k.column, k.span, csv, fd);  // staff: reported as a field
  }
  for (size_t f = 0; f < ds.fields.size(); ++f) {
    cols.fieldAt.push_back(std::nullopt);
    if (!readFromColumn(ds, f)) continue;
    cols.fieldAt.back() = csv.column(columnOf(ds.fields[f]));
    if (!cols.fieldAt.back())
      reportMissingColumn(columnOf(ds.fields[f]), ds.fields[f].span, csv, fd, ds.fields[f].name);
  }
  if (ds.wide)
    for (size_t c = 0; c < ds.wide->columns.size(); ++c) {
      cols.wideAt.push_back(csv.column(ds.wide->columns[c].second));
      if (!cols.wideAt.back()) reportMissingColumn(ds.wide->columns[c].second, ds.wide->spans.at(c), csv, fd);
    }
  return cols;
}

// Reads the key cells of `cells` into `row`; false if one is empty or unknown.
bool readKey(const std::vector<CellView>& cells, const Columns& cols, const KnownKeys& known, Row& row,
             FileDiagnostics& fd) {
  bool ok = cols.keyComplete;
  for (size_t k = 0; k < cols.key.size(); ++k) {
    if (!cols.keyAt[k]) continue;
    const CellView& cell = cells[*cols.keyAt[k]];
    std::string text(cell.text);
    if (isEmptyCell(text)) {
      fd.error("E0511", cell.span, fmt::format("manca il valore della colonna «{}»", cols.key[k].column),
               fmt::format("«{}» identifica la riga: ogni riga deve averla", cols.key[k].column));
      ok = false;
      continue;
    }
    if (cell.kind() == CellKind::Error) {  // #N/A in a key column: the row cannot be identified
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

// A text cell that the regolamento declares a placeholder for a missing
// value (`non rilevato "n.v."`), compared without surrounding spaces.
bool isMissingMark(const CellView& cell, const std::vector<std::string>& marks) {
  if (cell.kind() != CellKind::Text || marks.empty()) return false;
  std::string_view t = cell.text;
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
  for (const std::string& m : marks)
    if (t == m) return true;
  return false;
}

std::string emptyHint(const ir::Field& f) {
  return fmt::format(
      "il campo «{}» ({}) non è opzionale: inserisci il valore, oppure, se una cella vuota significa «non "
      "rilevato», dichiara il campo `opzionale` nel regolamento",
      f.name, ir::typeName(f.type));
}

// Converts one cell of `field` into row.values[f], reporting a bad cell.
// `digitLimit`: limits().digits.
void readCell(const CellView& cell, const ir::Field& field, size_t f, const ir::Dataset& ds, const Columns& cols,
              Row& row, std::vector<ColumnStats>& stats, FileDiagnostics& fd, size_t digitLimit) {
  row.spans.set(f, cell.span);
  // Most cells of a large file are plain numbers: convert them at once. Such
  // a text is not empty, has no more digits than the limit and (when the
  // regolamento declares no `non rilevato` marks) is no mark.
  if (!cell.typed && ds.missingMarks.empty() && cell.text.size() <= digitLimit)
    if (std::optional<Rational> plain = convertPlainNumber(cell.text, field.type, ds.decimal)) {
      const ir::Value value = *std::move(plain);
      if (field.type == ir::Type::Percentuale) stats[f].note(cell.text, value);
      if (!field.rules.any() || checkFieldRules(field, value, cell.span, fd)) row.values.set(f, value);
      return;
    }
  if (isEmptyCell(cell.text) || isMissingMark(cell, ds.missingMarks)) {
    if (field.optional || cols.staffKeyField == f) return;  // the staff key is checked by readKey
    fd.error("E0511", cell.span, fmt::format("manca il valore di «{}»", field.name), emptyHint(field));
    return;
  }
  if (cols.staffKeyField == f && cell.kind() == CellKind::Error) return;  // reported by readKey
  if (tooManyDigits(cell, field, fd)) return;
  auto converted = convertCell(cell, field.type, columnOf(field), ds.decimal);
  if (const ConversionError* err = std::get_if<ConversionError>(&converted)) {
    fd.error(err->code, cell.span, err->message, err->hint);
    return;
  }
  ir::Value value = std::get<ir::Value>(std::move(converted));
  if (field.type == ir::Type::Percentuale) stats[f].note(cell.text, value);  // only W0540 reads them
  if (checkFieldRules(field, value, cell.span, fd)) row.values.set(f, value);
}

// Converts the field cells of `cells` into `row`, reporting every bad cell.
void readFields(const std::vector<CellView>& cells, const ir::Dataset& ds, const Columns& cols, Row& row,
                std::vector<ColumnStats>& stats, FileDiagnostics& fd) {
  row.values = ir::Record(ds.fields.size());  // all Missing
  row.spans.reset(ds.fields.size(), row.span);
  const size_t digitLimit = limits().digits;
  for (size_t f = 0; f < ds.fields.size(); ++f)
    if (cols.fieldAt[f]) readCell(cells[*cols.fieldAt[f]], ds.fields[f], f, ds, cols, row, stats, fd, digitLimit);
}

std::string describeKey(const Columns& cols, const Row& row) {
  std::string out;
  for (size_t k = 0; k < row.key.size() && k < cols.key.size(); ++k)
    out += fmt::format("{}{} «{}»", k ? ", " : "", cols.key[k].column, row.key[k]);
  return out;
}

// Indexes the last row of table.rows; E0512 (and false) if its key is taken.
bool indexLastRow(Table& table, const Columns& cols, const SourceManager& sources, FileDiagnostics& fd) {
  const uint32_t at = static_cast<uint32_t>(table.rows.size() - 1);
  const uint32_t held = table.index.insert(table.rows, at);
  if (held == at) return true;
  const Row& row = table.rows[at];
  const Row& first = table.rows[held];
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
  return false;
}

Span rowSpanOf(const std::vector<CellView>& cells, FileId file) {
  if (cells.empty()) return Span{file, 0, 0};
  return Span::cover(cells.front().span, cells.back().span);
}

}  // namespace

TableBuilder::TableBuilder(const ir::Dataset& ds, std::optional<uint32_t> staffKeyField, const KnownKeys& known,
                           const SourceManager& sources, FileDiagnostics& fd)
    : ds_(ds), staffKeyField_(staffKeyField), known_(known), sources_(sources), fd_(fd) {}

TableBuilder::~TableBuilder() = default;

void TableBuilder::header(FileId file, char separator, std::vector<Cell> header) {
  head_.file = file;
  head_.separator = separator;
  head_.header = std::move(header);
  table_.file = file;
  table_.header = headerSpan(head_);
  cols_ = locateColumns(ds_, staffKeyField_, head_, fd_);
  wideCols_ = cols_;
  wideCols_.key = ds_.key;
  stats_.assign(ds_.fields.size(), ColumnStats{});
  // Each line of the file is at most one row: reserve once, not while growing.
  lines_ = sources_.lineCol(file, static_cast<uint32_t>(sources_.text(file).size())).line;
  table_.rows.reserve(std::min<size_t>(lines_, limits().dataRows) * (ds_.wide ? ds_.wide->columns.size() : 1));
}

void TableBuilder::row(const std::vector<CellView>& cells) {
  ++fileRows_;
  if (fileRows_ > limits().dataRows) {  // the file is refused: count, convert nothing
    if (fileRows_ == limits().dataRows + 1) overLimit_ = rowSpanOf(cells, head_.file);
    return;
  }
  addRow(cells, rowSpanOf(cells, head_.file));
}

void TableBuilder::addRow(const std::vector<CellView>& cells, Span span) {
  Row row;
  row.span = span;
  bool keyOk = readKey(cells, cols_, known_, row, fd_);
  readFields(cells, ds_, cols_, row, stats_, fd_);
  if (!keyOk) return;
  if (!ds_.wide) {
    table_.rows.push_back(std::move(row));
    // A record table has no key to index; a fork's rows are indexed by join().
    if (!cols_.key.empty() && !forked_) indexLastRow(table_, cols_, sources_, fd_);
    return;
  }
  // A wide sheet: one row per code, the code as the last key column.
  for (size_t c = 0; c < ds_.wide->columns.size(); ++c) {
    Row one = row;
    one.key.push_back(ds_.wide->columns[c].first);
    one.keySpans.push_back(cols_.wideAt[c] ? cells[*cols_.wideAt[c]].span : row.span);
    if (cols_.wideAt[c])
      readCell(cells[*cols_.wideAt[c]], ds_.fields[ds_.wide->field], ds_.wide->field, ds_, cols_, one, stats_, fd_,
               limits().digits);
    table_.rows.push_back(std::move(one));
    if (!indexLastRow(table_, wideCols_, sources_, fd_)) break;  // the whole file row repeats a person: reported once
  }
}

std::unique_ptr<CsvSink> TableBuilder::fork() {
  if (ds_.wide || forked_ || lines_ > limits().dataRows) return nullptr;
  return std::unique_ptr<CsvSink>(new TableBuilder(*this, ForkOf{}));
}

TableBuilder::TableBuilder(const TableBuilder& parent, ForkOf)
    : forkDiags_(std::make_unique<Diagnostics>()),
      forkFd_(std::make_unique<FileDiagnostics>(*forkDiags_)),
      forked_(true),
      lines_(parent.lines_),
      ds_(parent.ds_),
      staffKeyField_(parent.staffKeyField_),
      known_(parent.known_),
      sources_(parent.sources_),
      fd_(*forkFd_),
      head_(parent.head_),
      cols_(parent.cols_),
      wideCols_(parent.wideCols_),
      stats_(parent.stats_.size()) {
  table_.file = parent.table_.file;
  table_.header = parent.table_.header;
}

bool TableBuilder::quiet() const { return !forkDiags_ || forkDiags_->all().empty(); }

void TableBuilder::join(CsvSink& fork) {
  TableBuilder& part = static_cast<TableBuilder&>(fork);  // only this class's forks come back
  fileRows_ += part.fileRows_;
  for (size_t f = 0; f < stats_.size() && f < part.stats_.size(); ++f) stats_[f].merge(part.stats_[f]);
  for (Row& row : part.table_.rows) {
    table_.rows.push_back(std::move(row));
    if (!cols_.key.empty()) indexLastRow(table_, cols_, sources_, fd_);
  }
  part.table_.rows.clear();
}

Table TableBuilder::finish() {
  warnPercentages(ds_, stats_, table_, fd_);
  checkUnique(ds_, table_, sources_, fd_);
  return std::move(table_);
}

}  // namespace misura::data
