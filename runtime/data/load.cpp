// loadData: every declared dataset, file by file, staff list first (its
// matricole are the valid person keys of the other tables).
#include "runtime/data/csv.h"
#include "runtime/data/open_file.h"
#include "runtime/data/schema.h"
#include "runtime/data/table.h"

namespace misura::data {

namespace {

// Loads dataset `index` into data.tables[index]; false if the file could not be read at all.
bool loadOne(const ir::Module& module, uint32_t index, const std::filesystem::path& dataDir, KnownKeys& known,
             LoadedData& data, SourceManager& sources, Diagnostics& diags) {
  const ir::Dataset& ds = module.datasets[index];
  std::optional<FileId> file = openDataFile(ds, dataDir, sources, diags);
  if (!file) return false;
  std::optional<CsvTable> csv = readCsv(sources, *file, CsvOptions{ds.separator}, diags);
  if (!csv) return false;
  FileDiagnostics fd(diags);
  data.tables[index] = buildTable(module, index, *csv, known, sources, fd);
  if (index == ir::kStaff) {
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
  if (index == ir::kStaff) known.personsKnown = data.tables[index].rows.size() == csv->rows.size();
  return true;
}

}  // namespace

std::optional<LoadedData> loadData(const ir::Module& module, const std::filesystem::path& dataDir,
                                   SourceManager& sources, Diagnostics& diags) {
  const size_t errorsBefore = diags.errorCount();
  LoadedData data;
  data.tables.resize(module.datasets.size());
  KnownKeys known = knownKeys(module);
  for (uint32_t i = 0; i < module.datasets.size(); ++i) loadOne(module, i, dataDir, known, data, sources, diags);
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
