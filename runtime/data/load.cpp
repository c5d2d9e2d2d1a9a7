// loadData: every declared dataset, file by file, staff list first (its
// matricole are the valid person keys of the other tables).
#include <algorithm>

#include "runtime/data/csv.h"
#include "runtime/data/data_limits.h"
#include "runtime/data/open_file.h"
#include "runtime/data/read_file.h"
#include "runtime/data/schema.h"
#include "runtime/data/table.h"

namespace misura::data {

namespace {

// Loads dataset `index` into data.tables[index]; false if the file could not be read at all.
// The staff list's second and later files (`personale da` blocks), appended
// to `staff`: one matricola space (E0546 for a matricola in two files).
// Returns the number of file rows read; false in `ok` if a file is unreadable.
size_t loadMoreStaffFiles(const ir::Module& module, const std::filesystem::path& dataDir, const KnownKeys& known,
                          Table& staff, SourceManager& sources, Diagnostics& diags, bool& ok) {
  size_t rows = 0;
  const std::vector<ir::Dataset>& more = module.datasets[ir::kStaff].moreFiles;
  for (uint32_t k = 0; k < more.size(); ++k) {
    // The same reader as the first file: CSV or a sheet of a workbook.
    std::optional<CsvTable> csv = readDataFile(more[k], dataDir, sources, diags);
    if (csv && tooManyRows(more[k], *csv, sources, diags)) csv.reset();
    if (!csv) {
      ok = false;
      continue;
    }
    rows += csv->rows.size();
    FileDiagnostics fd(diags);
    Table part = buildStaffFile(module, more[k], *csv, known, sources, fd);
    for (Row& row : part.rows) {
      row.part = k + 1;
      auto [it, inserted] = staff.index.emplace(row.key, static_cast<uint32_t>(staff.rows.size()));
      if (!inserted) {
        const Row& first = staff.rows[it->second];
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
    }
    fd.flush();
  }
  return rows;
}

// Loads dataset `index` into data.tables[index]; false if the file could not be read at all.
bool loadOne(const ir::Module& module, uint32_t index, const std::filesystem::path& dataDir, KnownKeys& known,
             LoadedData& data, SourceManager& sources, Diagnostics& diags) {
  const ir::Dataset& ds = module.datasets[index];
  std::optional<CsvTable> csv = readDataFile(ds, dataDir, sources, diags);
  if (!csv) return false;
  if (tooManyRows(ds, *csv, sources, diags)) return false;
  FileDiagnostics fd(diags);
  data.tables[index] = buildTable(module, index, *csv, known, sources, fd);
  size_t fileRows = csv->rows.size();
  if (index != ir::kStaff) checkRowConditions(module, index, data.tables[index], fd);
  bool ok = true;
  if (index == ir::kStaff) {
    fileRows += loadMoreStaffFiles(module, dataDir, known, data.tables[index], sources, diags, ok);
    deriveStaffFields(module, data.tables[index], fd);
    checkRowConditions(module, index, data.tables[index], fd);
    for (const Row& row : data.tables[index].rows) {
      known.addPerson(row.key.front());
      for (uint32_t f = 0; f < row.values.size(); ++f)
        if (const std::string* text = std::get_if<std::string>(&row.values[f])) known.addStaffValue(f, *text);
    }
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
                        KnownKeys& known, LoadedData& data, SourceManager& sources, Diagnostics& diags) {
  known.anyObjective = true;
  loadOne(module, index, dataDir, known, data, sources, diags);
  known.anyObjective = false;
  for (const ir::ObjectiveTemplate& t : module.objectiveTemplates)
    if (t.dataset == index)
      for (const Row& row : data.tables[index].rows) known.addObjective(row.key.at(t.codeColumn));
}

}  // namespace

std::optional<LoadedData> loadData(const ir::Module& module, const std::filesystem::path& dataDir,
                                   SourceManager& sources, Diagnostics& diags) {
  const size_t errorsBefore = diags.errorCount();
  LoadedData data;
  data.tables.resize(module.datasets.size());
  KnownKeys known = knownKeys(module);
  for (uint32_t i : loadOrder(module)) {
    if (declaresObjectives(module, i)) loadObjectiveTable(module, i, dataDir, known, data, sources, diags);
    else loadOne(module, i, dataDir, known, data, sources, diags);
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
  loadOne(staffOnly, ir::kStaff, file.parent_path(), known, data, sources, diags);
  if (diags.errorCount() > errorsBefore) return std::nullopt;
  return data;
}

}  // namespace misura::data
