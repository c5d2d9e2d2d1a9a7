// loadData: every declared dataset, file by file, staff list first (its
// matricole are the valid person keys of the other tables).
#include <algorithm>

#include <fmt/format.h>

#include "runtime/data/csv.h"
#include "runtime/data/data_limits.h"
#include "runtime/data/open_file.h"
#include "runtime/data/read_file.h"
#include "runtime/data/schema.h"
#include "runtime/data/table.h"

namespace misura::data {

namespace {

// Reads one file of dataset `ds` and builds its table while reading it
// (TableBuilder); the builder's diagnostics are held until the file is read,
// so they follow the reader's as if the file had been read first. nullopt if
// the file cannot be used (unreadable, or too long: E0591); else `fileRows`
// is its number of data rows.
std::optional<Table> readTable(const ir::Dataset& ds, std::optional<uint32_t> staffKeyField,
                               const std::filesystem::path& dataDir, const KnownKeys& known, SourceManager& sources,
                               Diagnostics& diags, FileDiagnostics& fd, size_t& fileRows, unsigned threads) {
  TableBuilder builder(ds, staffKeyField, known, sources, fd);
  fd.hold();
  if (!readDataFile(ds, dataDir, sources, diags, builder, threads) ||
      tooManyRows(ds, builder.fileRows(), builder.firstRowOverLimit(), diags)) {
    fd.discard();
    return std::nullopt;
  }
  fd.release();
  fileRows = builder.fileRows();
  return builder.finish();
}

// The staff list's second and later files (`personale da` blocks), appended
// to `staff`: one matricola space (E0546 for a matricola in two files).
// Returns the number of file rows read; false in `ok` if a file is unreadable.
size_t loadMoreStaffFiles(const ir::Module& module, const std::filesystem::path& dataDir, const KnownKeys& known,
                          Table& staff, SourceManager& sources, Diagnostics& diags, bool& ok, unsigned threads) {
  size_t rows = 0;
  const std::vector<ir::Dataset>& more = module.datasets[ir::kStaff].moreFiles;
  for (uint32_t k = 0; k < more.size(); ++k) {
    // The same reader as the first file: CSV or a sheet of a workbook.
    FileDiagnostics fd(diags);
    size_t fileRows = 0;
    std::optional<Table> part = readTable(more[k], module.staffKeyField, dataDir, known, sources, diags, fd, fileRows,
                                           threads);
    if (!part) {
      ok = false;
      continue;
    }
    rows += fileRows;
    for (Row& row : part->rows) {
      row.part = k + 1;
      if (std::optional<uint32_t> held = staff.index.find(staff.rows, row.key)) {
        const Row& first = staff.rows[*held];
        LineCol at = sources.lineCol(first.span.file, first.span.begin);
        fd.report(Diagnostic{
            "E0546", Severity::Errore, Span::cover(row.keySpans.front(), row.keySpans.back()),
            fmt::format("la matricola «{}» è già nel file «{}», alla riga {}", row.key.front(),
                        staffPart(module, first).file, at.line),
            {Label{Span::cover(first.keySpans.front(), first.keySpans.back()), "prima riga con la stessa matricola"}},
            "i file del personale formano un solo elenco: ogni persona compare in un file solo, una volta",
            {}});
        continue;
      }
      staff.rows.push_back(std::move(row));
      staff.index.insert(staff.rows, static_cast<uint32_t>(staff.rows.size() - 1));
    }
    fd.flush();
  }
  return rows;
}

// The matricole of the staff list and the text values of each staff field
// (KnownKeys::addPerson, addStaffValue, in row order), in one pass over the
// rows, finding each field's set once, not once per value; only what the
// other tables' keys ask for (KnownKeys::personsAsked, staffFieldsAsked).
void learnStaff(const Table& staff, KnownKeys& known) {
  if (known.personsAsked) {
    known.persons.reserve(known.persons.size() + staff.rows.size());
    known.personList.reserve(known.personList.size() + staff.rows.size());
  }
  struct FieldValues {
    std::unordered_set<std::string>* set = nullptr;  // created at the field's first text, as addStaffValue does
    std::vector<std::string>* list = nullptr;
  };
  std::vector<FieldValues> fields;
  const std::vector<bool>& asked = known.staffFieldsAsked;
  for (const Row& row : staff.rows) {
    if (known.personsAsked) known.addPerson(row.key.front());
    if (fields.size() < row.values.size()) fields.resize(row.values.size());
    for (uint32_t f = 0; f < row.values.size() && f < asked.size(); ++f) {
      if (!asked[f]) continue;
      const ir::Value value = row.values[f];
      const std::string* text = std::get_if<std::string>(&value);
      if (!text) continue;
      FieldValues& v = fields[f];
      if (!v.set) {
        v = FieldValues{&known.staffValues[f], &known.staffValueList[f]};
        v.set->reserve(v.set->size() + staff.rows.size());  // no rehashing: a field may hold a value per row
      }
      if (v.set->insert(*text).second) v.list->push_back(*text);
    }
  }
}

// Loads dataset `index` into data.tables[index]; false if the file could not be read at all.
bool loadOne(const ir::Module& module, uint32_t index, const std::filesystem::path& dataDir, KnownKeys& known,
             LoadedData& data, SourceManager& sources, Diagnostics& diags, unsigned threads) {
  const ir::Dataset& ds = module.datasets[index];
  std::optional<uint32_t> staffKey;
  if (index == ir::kStaff) staffKey = module.staffKeyField;
  FileDiagnostics fd(diags);
  size_t fileRows = 0;
  std::optional<Table> table = readTable(ds, staffKey, dataDir, known, sources, diags, fd, fileRows, threads);
  if (!table) return false;
  data.tables[index] = std::move(*table);
  if (index != ir::kStaff) checkRowConditions(module, index, data.tables[index], fd);
  bool ok = true;
  if (index == ir::kStaff) {
    fileRows += loadMoreStaffFiles(module, dataDir, known, data.tables[index], sources, diags, ok, threads);
    deriveStaffFields(module, data.tables[index], fd);
    checkRowConditions(module, index, data.tables[index], fd);
    learnStaff(data.tables[index], known);
    data.staffProfiles = staffProfiles(module, data.tables[index], fd);
  }
  fd.flush();
  // A staff list that lost rows (a bad key column, a broken header) cannot
  // tell which matricole exist: checking the other files against it would
  // only repeat its own errors.
  if (index == ir::kStaff) known.personsKnown = ok && data.tables[index].rows.size() == fileRows;
  return true;
}

// Whether `dataset` is the table of some `obiettivi da`.
bool declaresObjectives(const ir::Module& module, uint32_t dataset) {
  return std::any_of(module.objectiveTemplates.begin(), module.objectiveTemplates.end(),
                     [&](const ir::ObjectiveTemplate& t) { return t.dataset == dataset; });
}

// The staff list, then the tables of `obiettivi da` (their codes are the
// objectives the other tables may name), then the others, in writing order;
// `valutati` has no file.
std::vector<uint32_t> loadOrder(const ir::Module& module) {
  std::vector<uint32_t> order{ir::kStaff};
  for (uint32_t d = 1; d < module.datasets.size(); ++d)
    if (declaresObjectives(module, d)) order.push_back(d);
  for (uint32_t d = 1; d < module.datasets.size(); ++d)
    if (!declaresObjectives(module, d) && !module.datasets[d].results) order.push_back(d);
  return order;
}

// Loads a table of `obiettivi da`: any code is valid there, and becomes known.
void loadObjectiveTable(const ir::Module& module, uint32_t index, const std::filesystem::path& dataDir,
                        KnownKeys& known, LoadedData& data, SourceManager& sources, Diagnostics& diags,
                        unsigned threads) {
  known.anyObjective = true;
  loadOne(module, index, dataDir, known, data, sources, diags, threads);
  known.anyObjective = false;
  for (const ir::ObjectiveTemplate& t : module.objectiveTemplates)
    if (t.dataset == index)
      for (const Row& row : data.tables[index].rows) known.addObjective(row.key.at(t.codeColumn));
}

}  // namespace

std::optional<LoadedData> loadData(const ir::Module& module, const std::filesystem::path& dataDir,
                                   SourceManager& sources, Diagnostics& diags, unsigned threads) {
  const size_t errorsBefore = diags.errorCount();
  LoadedData data;
  data.tables.resize(module.datasets.size());
  KnownKeys known = knownKeys(module);
  for (uint32_t i : loadOrder(module)) {
    if (declaresObjectives(module, i)) loadObjectiveTable(module, i, dataDir, known, data, sources, diags, threads);
    else loadOne(module, i, dataDir, known, data, sources, diags, threads);
  }
  if (diags.errorCount() > errorsBefore) return std::nullopt;
  return data;
}

std::optional<LoadedData> loadStaffList(const ir::Module& module, const std::filesystem::path& file,
                                        SourceManager& sources, Diagnostics& diags) {
  const size_t errorsBefore = diags.errorCount();
  ir::Module staffOnly = module;
  staffOnly.datasets.at(ir::kStaff).file = file.filename().string();
  LoadedData data;
  data.tables.resize(module.datasets.size());
  KnownKeys known = knownKeys(staffOnly);
  loadOne(staffOnly, ir::kStaff, file.parent_path(), known, data, sources, diags, 1);
  if (diags.errorCount() > errorsBefore) return std::nullopt;
  return data;
}

}  // namespace misura::data
