// Internal to runtime/data: what a regolamento declares about the values of
// a table, checked while loading it (compiler/sema/check_field_rules.cpp
// checks the declarations): the admitted values of a field (E0540-E0542),
// rows repeated in a register with `unico` (E0543), and a percentuale column
// that looks written as fractions (W0540).
#pragma once

#include <string_view>
#include <vector>

#include "compiler/ir/ir.h"
#include "runtime/data/file_diagnostics.h"
#include "runtime/data/table.h"

namespace misura::data {

// What the cells of one column looked like, for W0540.
struct ColumnStats {
  size_t values = 0;
  bool percentSign = false;  // some cell was written with '%'
  bool allUpToOne = true;    // every value, as written, is between 0 and 1
  bool anyPositive = false;

  void note(std::string_view text, const ir::Value& value);
  // Adds what `other` saw (a later part of the same file).
  void merge(const ColumnStats& other) {
    values += other.values;
    percentSign = percentSign || other.percentSign;
    allUpToOne = allUpToOne && other.allUpToOne;
    anyPositive = anyPositive || other.anyPositive;
  }
};

// E0540 (outside the declared range), E0541 (not whole), E0542 (negative)
// for the converted cell `value` of `field`; true if it is admitted.
bool checkFieldRules(const ir::Field& field, const ir::Value& value, Span cell, FileDiagnostics& fd);

// W0540: a percentuale column whose values, written without '%', are all
// between 0 and 1 (0,9 is 0,9%: the office probably meant 90%).
void warnPercentages(const ir::Dataset& ds, const std::vector<ColumnStats>& stats, const Table& table,
                     FileDiagnostics& fd);

// E0543 for every row of `table` whose `unico (...)` columns repeat an
// earlier row's, with both rows.
void checkUnique(const ir::Dataset& ds, const Table& table, const SourceManager& sources, FileDiagnostics& fd);

}  // namespace misura::data
