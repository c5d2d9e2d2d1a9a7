// One cell of a data table as a reader delivers it, before the schema is
// applied: the CSV reader (csv.h) gives text only; the XLSX reader (xlsx.h)
// also gives the type Excel stored (number, date, boolean, error), so that
// 0.1 stored as a number is read exactly and a date is a date whatever the
// locale. The schema-driven conversion (convert.h: convertCell) is shared.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "compiler/support/date.h"
#include "compiler/support/rational.h"
#include "compiler/support/source.h"

namespace misura::data {

enum class CellKind {
  Text,     // a CSV cell, or a text cell of a sheet (shared or inline string, formula text result)
  Number,   // a number cell: `number` is its exact value
  Date,     // a number cell with a date format: `date`
  Boolean,  // TRUE/FALSE: `boolean`
  Error,    // #N/A, #DIV/0!, ...: `text` is the error as Excel shows it
};

struct Cell {
  std::string text;  // CSV: unquoted and unescaped; sheet: the value as text (numbers in Italian notation)
  Span span;         // CSV: the cell as written, quotes included; sheet: the cell (SourceManager::addGrid)
  CellKind kind = CellKind::Text;
  // Number: the exact value. Optional so that the millions of CSV cells
  // carry no GMP value (constructing one costs an allocation).
  std::optional<Rational> number;
  bool percent = false;  // Number shown as a percentage (0.85 shown as 85%)
  Date date;             // Date
  bool boolean = false;  // Boolean
};

// A cell as the loader reads it, without a copy of its text: `text` views the
// decoded file (or, for a quoted CSV cell with "" inside, the tokenizer's
// buffer; for a sheet, the Cell's text). Valid only while its row is handed
// over (csv.h: CsvSink::row); the loader copies what it keeps.
struct CellView {
  std::string_view text;  // as Cell::text
  Span span;              // as Cell::span
  const Cell* typed = nullptr;  // a sheet's cell (kind, exact number, date...); nullptr: CSV text

  CellKind kind() const { return typed ? typed->kind : CellKind::Text; }
};

}  // namespace misura::data
