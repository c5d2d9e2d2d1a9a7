// Schema-driven loading of the data files a regolamento declares: every
// ir::Dataset becomes a typed Table whose rows are ir::Values, each with the
// Span of the CSV cell it came from, indexed by its key.
#pragma once

#include <filesystem>
#include <cstdint>
#include <map>  // not used here any more, but consumers of table.h rely on it
#include <optional>
#include <string>
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/ir/record.h"
#include "compiler/support/diagnostics.h"
#include "compiler/support/source.h"
#include "runtime/data/cell_spans.h"

namespace misura::data {

// One data row of a loaded table.
struct Row {
  // The key, as written in the file (surrounding spaces removed): for the
  // staff list one value, the key field (matricola); for other tables one
  // value per ir::Dataset::key column, in that order.
  std::vector<std::string> key;
  std::vector<Span> keySpans;
  ir::Record values;  // one per ir::Dataset::fields; ir::Missing for an empty optional cell
  CellSpans spans;                // the cell of each field (invalid if the column is absent)
  Span span;                      // the whole row
  // Staff list in several files: 0 for the first `personale da`, k for
  // ir::Dataset::moreFiles[k - 1]. Its computed fields have span == this row's.
  uint32_t part = 0;
};

// Key -> position in Table::rows. The keys are not copied: an open-addressing
// hash table of row positions, each slot with its key's hash, compared with
// the key of the row it points at. Positions stay valid as rows are added.
class KeyIndex {
 public:
  // The position in `rows` of the row whose key is `key`, if it is indexed.
  std::optional<uint32_t> find(const std::vector<Row>& rows, const std::vector<std::string>& key) const;
  // Indexes rows[at] by its key, unless a row with the same key is indexed
  // already: returns the position of the row that holds the key (`at` if new).
  uint32_t insert(const std::vector<Row>& rows, uint32_t at);
  size_t size() const { return size_; }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint32_t row = kEmpty;
    uint32_t hash = 0;
  };
  void grow();
  std::vector<Slot> slots_;  // a power of two in size, at most half full
  size_t size_ = 0;
};

struct Table {
  FileId file = kNoFile;  // the decoded text, registered in the SourceManager
  Span header;            // the header row
  std::vector<Row> rows;  // in file order; rows with an invalid key are left out
  KeyIndex index;         // key -> position in rows (first row with that key)

  // The row with exactly this key (same order as Row::key), if any.
  const Row* find(const std::vector<std::string>& key) const;
};

struct LoadedData {
  std::vector<Table> tables;            // parallel to ir::Module::datasets ([ir::kStaff] is the staff list)
  std::vector<uint32_t> staffProfiles;  // per staff row: index into ir::Module::profiles
};

// Reads, decodes and converts every dataset of `module` from `dataDir`,
// registering each decoded file in `sources`. Every problem of every file is
// reported (at most ~100 per file, then one note): E0501-E0507 from decoding
// and tokenizing, and
//   E0508 file not found (at the dataset's file name in the regolamento)
//   E0509 declared column missing from the header
//   E0510 cell text not valid for the field's type
//   E0511 empty cell in a field that is not `opzionale` (or in a key column)
//   E0512 key repeated (label at the first occurrence)
//   E0513 key value that is not a known matricola / objective / behaviour code
//   E0514 staff `profilo` that is not a declared profile
//   E0540-E0542 a value outside what the field admits (`da 1 a 4`, `intero`, `non negativo`)
//   E0543 a row repeating another's `unico (...)` columns
//   E0544 a computed `profilo` that is not a declared profile
//   E0545 a computed staff field that cannot be computed for a row
//   E0546 a matricola in two staff files
//   E0547 a row where a `controlla` condition is false
//   W0540 a percentuale column written as fractions (all values between 0 and 1)
// Returns nullopt if any error was reported: then the data must not be used.
// `threads`: a large CSV file may be read in that many parts at once
// (CsvOptions::threads); the result and the diagnostics do not change.
std::optional<LoadedData> loadData(const ir::Module& module, const std::filesystem::path& dataDir,
                                   SourceManager& sources, Diagnostics& diags, unsigned threads = 1);

// Reads only the staff list, from `file` instead of the file the regolamento
// names (`misura verifica --personale FILE`); the other tables stay empty.
std::optional<LoadedData> loadStaffList(const ir::Module& module, const std::filesystem::path& file,
                                        SourceManager& sources, Diagnostics& diags);

}  // namespace misura::data
