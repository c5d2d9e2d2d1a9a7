// Internal to runtime/data: the checks of a tokenized CSV file against its
// ir::Dataset (columns, cell types, keys) that turn it into a Table.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "compiler/ir/ir.h"
#include "runtime/data/csv.h"
#include "runtime/data/file_diagnostics.h"
#include "runtime/data/table.h"

namespace misura::data {

// The values that key columns may hold.
struct KnownKeys {
  bool personsKnown = false;  // false while the staff list is not loaded: persons are not checked
  std::set<std::string> persons, objectives, behaviours, phases;
  std::vector<std::string> personList, objectiveList, behaviourList, phaseList;  // for suggestions

  // While a table of `obiettivi da` is read: its codes declare objectives.
  bool anyObjective = false;

  void addPerson(const std::string& matricola);
  void addObjective(const std::string& code);
  // Per staff field, the text values the staff list has: the valid values of
  // a key column named like that field (KeyRole::Campo, `chiave (settore)`).
  std::map<uint32_t, std::set<std::string>> staffValues;
  std::map<uint32_t, std::vector<std::string>> staffValueList;  // for suggestions
  void addStaffValue(uint32_t field, const std::string& value);
};

// Objective, phase and behaviour codes of the module (persons come later, from the staff table).
KnownKeys knownKeys(const ir::Module& module);

// E0513 for a key cell whose value `text` is not among the known values of
// its role; returns whether it is known. Persona keys are accepted as long as
// known.personsKnown is false.
bool checkKeyValue(const ir::KeyColumn& column, const std::string& text, Span cell, const KnownKeys& known,
                   FileDiagnostics& fd);

// Builds the typed table of dataset `index` from its CSV: E0509 for missing
// columns, E0510/E0511 per cell, E0511/E0513 for keys, E0512 for repeated keys.
Table buildTable(const ir::Module& module, uint32_t index, const CsvTable& csv, const KnownKeys& known,
                 const SourceManager& sources, FileDiagnostics& fd);

// Builds the staff table of one `personale da` file `part` (the staff
// dataset itself or one of its moreFiles), as buildTable does.
Table buildStaffFile(const ir::Module& module, const ir::Dataset& part, const CsvTable& csv, const KnownKeys& known,
                     const SourceManager& sources, FileDiagnostics& fd);

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
