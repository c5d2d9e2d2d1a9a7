// The XLSX reader: one sheet of an Excel workbook (as written by Excel,
// LibreOffice, openpyxl) read the way the CSV reader reads a file, into the
// same CsvTable (header + rows of cells) that the schema checks turn into a
// Table. Cells keep the type Excel stored (cell.h): numbers exactly from the
// decimal text of <v>, dates from serial numbers and the cell's format,
// percentages from the format, booleans, error cells, text from shared or
// inline strings and cached formula results.
//
// The sheet is registered in the SourceManager as a grid file
// (SourceManager::addGrid) named "path[Foglio]": every diagnostic on a cell
// reads "dati/personale.xlsx[Foglio1]:12:C".
//
// Narrow on purpose (bytes in, rows or diagnostics out): a fuzz target can
// call readXlsx with any bytes, a fresh SourceManager and Diagnostics.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "compiler/support/diagnostics.h"
#include "compiler/support/source.h"
#include "runtime/data/csv.h"

namespace misura::data {

struct XlsxOptions {
  std::optional<std::string> sheet;   // `foglio "Schede"`; nullopt: the only visible sheet
  Span sheetSpan;                     // where the regolamento names it
  std::optional<uint32_t> headerRow;  // `intestazione riga N`; nullopt: the first non-empty row
  Span headerRowSpan;
  Span fileSpan;  // the file name in the regolamento: errors about the whole workbook point here
};

// True when `bytes` start like a zip archive (an .xlsx is one): "PK\3\4" or,
// for an empty archive, "PK\5\6".
bool looksLikeZip(std::string_view bytes);

// Reads one sheet of the workbook in `bytes` (`path` names the file in
// messages). Layout: the header is the first row with a value (or row
// `headerRow`); its width is up to its last named column; the rows after it
// are data rows, rows without any value in those columns are skipped (an
// empty trailing row, a blank row). Cells may be missing (sparse rows):
// a missing cell is empty. A merged range gives its value to the first
// column of every row it covers; the other columns it covers in the header
// row may stay without a name.
//
// Errors (nullopt is returned for all but the per-cell ones, which come
// later from the conversion):
//  E0521 not a readable zip archive (corrupt, truncated)
//  E0522 a zip archive without an Excel workbook (e.g. an .ods or .docx)
//  E0523 a part of the workbook damaged (XML not well formed, a missing sheet part, a bad shared string index)
//  E0524 `foglio` names no sheet of the workbook (did you mean, and the list)
//  E0525 no `foglio` and several visible sheets (the list)
//  E0526 no `foglio` and no visible sheet
//  E0531 `intestazione riga N` past the last row of the sheet, or an empty row
//  E0534 the workbook or the sheet is too large
//  E0502 the sheet is empty; E0505/E0506 as for a CSV header
std::optional<CsvTable> readXlsx(std::string_view bytes, const std::string& path, const XlsxOptions& options,
                                 SourceManager& sources, Diagnostics& diags);

}  // namespace misura::data
