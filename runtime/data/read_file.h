// Internal to runtime/data: one declared data file, whatever its format,
// read into the rows the schema checks take (CsvSink). The format is
// decided by the content, not by the name: a zip archive is read as an
// Excel workbook (xlsx.h) even if named .csv; an old binary .xls is refused
// (E0530); a text file is a CSV, unless it is named .xlsx/.xlsm (E0520: most
// likely a CSV saved under the wrong name) or the regolamento names a sheet
// for it (E0528).
#pragma once

#include <filesystem>
#include <optional>

#include "compiler/ir/ir.h"
#include "runtime/data/csv.h"

namespace misura::data {

// Gives the file's header and rows to `sink` (csv.h: CsvSink): a CSV as it
// is tokenized, a sheet once read. False, with the problem reported, if the
// file cannot be read at all (then the sink got nothing).
// `threads`: CsvOptions::threads for a CSV file.
bool readDataFile(const ir::Dataset& dataset, const std::filesystem::path& dataDir, SourceManager& sources,
                  Diagnostics& diags, CsvSink& sink, unsigned threads = 1);
// The same, keeping every row (for showing a file, not for loading it).
std::optional<CsvTable> readDataFile(const ir::Dataset& dataset, const std::filesystem::path& dataDir,
                                     SourceManager& sources, Diagnostics& diags);

}  // namespace misura::data
