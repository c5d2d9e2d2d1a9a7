// The limits on data files (compiler/support/limits.h), checked where the
// loader reads them. Internal to runtime/data.
//   E0590 a data file larger than limits().dataBytes   (at the file's declaration)
//   E0591 more data rows than limits().dataRows         (at the first row over)
//   E0592 a numeric cell with more than limits().digits digits (at the cell)
#pragma once

#include <cstdint>
#include <filesystem>

#include "compiler/ir/ir.h"
#include "runtime/data/csv.h"
#include "runtime/data/file_diagnostics.h"

namespace misura::data {

// E0590 and true when `size` bytes are over the limit.
bool fileTooBig(const ir::Dataset& dataset, const std::filesystem::path& path, uint64_t size, Diagnostics& diags);

// E0591 and true when a file has more data rows (`rows`) than the limit;
// `firstOver` is the first row past it.
bool tooManyRows(const ir::Dataset& dataset, size_t rows, Span firstOver, Diagnostics& diags);

// E0592 and true when `cell` of a numeric field has too many digits (then it is
// not converted: an amount of 20.000 digits is a broken export, not a number).
bool tooManyDigits(const CellView& cell, const ir::Field& field, FileDiagnostics& fd);

}  // namespace misura::data
