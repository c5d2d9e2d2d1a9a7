// Internal to runtime/data: the checks of a tokenized CSV file against its
// ir::Dataset (columns, cell types, keys) that turn it into a Table.
#pragma once

#include <map>
#include <optional>
#include <unordered_set>
#include <string>
#include <vector>

#include "compiler/ir/ir.h"
#include "runtime/data/csv.h"
#include "runtime/data/file_diagnostics.h"
#include "runtime/data/rules.h"
#include "runtime/data/table.h"

namespace misura::data {

// The values that key columns may hold.
struct KnownKeys {
  bool personsKnown = false;  // false while the staff list is not loaded: persons are not checked
  std::unordered_set<std::string> persons, objectives, behaviours, phases;
  std::vector<std::string> personList, objectiveList, behaviourList, phaseList;  // for suggestions

  // While a table of `obiettivi da` is read: its codes declare objectives.
  bool anyObjective = false;

  void addPerson(const std::string& matricola);
  void addObjective(const std::string& code);
  // Per staff field, the text values the staff list has: the valid values of
  // a key column named like that field (KeyRole::Campo, `chiave (settore)`).
  std::map<uint32_t, std::unordered_set<std::string>> staffValues;
  std::map<uint32_t, std::vector<std::string>> staffValueList;  // for suggestions
  void addStaffValue(uint32_t field, const std::string& value);

  // What the other tables' key columns will ask (knownKeys): the matricole
  // only if some table is keyed by person, the values of a staff field only
  // if some table is keyed by it. At a million persons each set is a copy
  // of a million strings, built for nothing when no table asks.
  bool personsAsked = false;
  std::vector<bool> staffFieldsAsked;  // per staff field
};

// Objective, phase and behaviour codes of the module (persons come later, from the staff table).
KnownKeys knownKeys(const ir::Module& module);

// E0513 for a key cell whose value `text` is not among the known values of
// its role; returns whether it is known. Persona keys are accepted as long as
// known.personsKnown is false.
bool checkKeyValue(const ir::KeyColumn& column, const std::string& text, Span cell, const KnownKeys& known,
                   FileDiagnostics& fd);

// Where each key column and field of a dataset is in a file's header.
struct TableColumns {
  std::vector<ir::KeyColumn> key;  // for the staff list: its key field, as a Persona column
  std::vector<std::optional<size_t>> keyAt, fieldAt;
  std::optional<size_t> staffKeyField;  // staff list only: the field that is also the key
  bool keyComplete = true;
  std::vector<std::optional<size_t>> wideAt;  // a wide sheet: per code, its column
};

// Builds the typed Table of one file of dataset `ds` while the file is read
// (a CsvSink: each row is converted as it comes, no cell is kept): E0509 for
// missing columns, E0510/E0511 per cell, E0511/E0513 for keys, E0512 for
// repeated keys; finish() adds W0540 and E0543. `staffKeyField`: for a file
// of the staff list (the first `personale da` or one of its moreFiles), the
// field that is the key. Rows past limits().dataRows are only counted: the
// caller refuses the file (E0591, data_limits.h).
class TableBuilder : public CsvSink {
 public:
  TableBuilder(const ir::Dataset& ds, std::optional<uint32_t> staffKeyField, const KnownKeys& known,
               const SourceManager& sources, FileDiagnostics& fd);
  ~TableBuilder() override;

  void header(FileId file, char separator, std::vector<Cell> header) override;
  void row(const std::vector<CellView>& cells) override;
  // Reading in parts: a fork converts its rows with diagnostics of its own and
  // indexes nothing; join() indexes them here (E0512 in row order). No fork
  // for a wide sheet, or for a file with more lines than limits().dataRows.
  std::unique_ptr<CsvSink> fork() override;
  bool quiet() const override;
  void join(CsvSink& fork) override;

  size_t fileRows() const { return fileRows_; }     // every data row given, also those past the limit
  Span firstRowOverLimit() const { return overLimit_; }  // the first row past limits().dataRows
  // The table, after the checks that need every row (W0540, E0543).
  Table finish();

 private:
  struct ForkOf {};
  // A fork of `parent` (fork()), after its header.
  TableBuilder(const TableBuilder& parent, ForkOf);
  void addRow(const std::vector<CellView>& cells, Span span);
  bool indexLast(const TableColumns& cols);

  // A fork's own diagnostics (fork()); declared before fd_, which refers to them.
  std::unique_ptr<Diagnostics> forkDiags_;
  std::unique_ptr<FileDiagnostics> forkFd_;
  bool forked_ = false;
  size_t lines_ = 0;  // of the file (header())
  const ir::Dataset& ds_;
  std::optional<uint32_t> staffKeyField_;
  const KnownKeys& known_;
  const SourceManager& sources_;
  FileDiagnostics& fd_;
  CsvTable head_;  // the header only (no rows)
  TableColumns cols_;
  TableColumns wideCols_;  // a wide sheet: cols_ with the code as last key column
  std::vector<ColumnStats> stats_;
  Table table_;
  size_t fileRows_ = 0;
  Span overLimit_;
};

// The `personale da` block a staff row was read from.
const ir::Dataset& staffPart(const ir::Module& module, const Row& row);

// Computes every computed staff field (`profilo = se ...`) of every row, in
// field order; E0545 for a row where it cannot be computed.
void deriveStaffFields(const ir::Module& module, Table& staff, FileDiagnostics& fd);

// E0547 for every row of table `index` (the staff list: each row with its
// file's checks) where a `controlla` condition is false or cannot be computed.
void checkRowConditions(const ir::Module& module, uint32_t index, const Table& table, FileDiagnostics& fd);

// The profile of every staff row (E0514 when the `profilo` cell names no
// declared profile; such rows get profile 0 and the load fails anyway).
std::vector<uint32_t> staffProfiles(const ir::Module& module, const Table& staff, FileDiagnostics& fd);

}  // namespace misura::data
