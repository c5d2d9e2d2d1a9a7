// The CSV tokenizer: turns the decoded text of a data file (already registered
// in the SourceManager) into a header and rows of cells, each cell carrying
// the Span of its text as written, so later stages can point at it.
// CsvTable is also what the XLSX reader (xlsx.h) produces for a sheet. The
// loader does not keep a CsvTable: it takes the rows one by one through a
// CsvSink (schema.h: TableBuilder), so a large file is never held as cells.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/support/diagnostics.h"
#include "compiler/support/source.h"
#include "runtime/data/cell.h"

namespace misura::data {

struct CsvTable {
  FileId file = kNoFile;
  char separator = ';';  // ';' ',' or '\t' (or what CsvOptions imposed)
  std::vector<Cell> header;
  // Only data rows; blank lines are skipped. Every row has exactly
  // header.size() cells: rows with another count are reported and left out.
  std::vector<std::vector<Cell>> rows;

  // The whole row (first to last cell), for "riga senza colonna X" errors.
  Span rowSpan(size_t row) const;
  // Index of the header cell named `name` (byte-exact), if any.
  std::optional<size_t> column(std::string_view name) const;
};

struct CsvOptions {
  std::optional<char> separator;  // nullopt = detect; must not be '"', '\r' or '\n'
  // `intestazione riga N`: the header is physical line N of the file (lines
  // above it, e.g. a title, are skipped); past the end -> E0531.
  std::optional<uint32_t> headerLine;
  Span headerLineSpan;  // where the regolamento says it, for E0531
  // The sink version of readCsv may read a large file in up to `threads`
  // parts at once (each at least `partBytes` long), when the file has no
  // quote and the sink can fork (CsvSink::fork): same rows, same
  // diagnostics, in the same order, as reading it in one part.
  unsigned threads = 1;
  size_t partBytes = size_t{4} << 20;
};

// Shared by every reader: trims the header names (spaces, tabs, no-break
// spaces) and reports empty (E0506) and repeated (E0505) names. A column
// whose `unnamedOk` entry is true (a header cell covered by a merged cell of
// a sheet) may be empty without error.
void prepareHeader(std::vector<Cell>& header, Diagnostics& diags, const std::vector<bool>& unnamedOk = {});

// Tokenizes sources.text(file).
//
// Layout: an optional UTF-8 BOM, an optional Excel "sep=X" first line (it sets
// the separator unless CsvOptions does), blank lines, the header line, rows.
// Separator detection: from the header line (outside quotes), ';' if present,
// else '\t', else ','.
// Quoting is RFC-4180 style: "" is an escaped quote; quoted cells may contain
// the separator and line breaks (kept verbatim). Lines end in LF, CRLF or a
// lone CR. A blank line (only spaces and separators, no quotes, e.g. ";;;"
// left by Excel) is skipped wherever it is. Header names are trimmed of
// surrounding spaces, tabs and no-break spaces; data cells lose surrounding
// ASCII spaces outside quotes, text inside quotes is kept as is.
//
// Errors (all reported, reading goes on where it sensibly can):
//  E0502 empty file (no header): the only case that returns nullopt
//  E0503 quote opened and never closed (span: the opening quote); the rest of
//        that line is then read as if the quote were an ordinary character
//  E0504 row with more/fewer cells than the header (span: the row)
//  E0505 duplicate header name (span: the second; label at the first)
//  E0506 empty header name (span: the empty cell)
//  E0507 quote in the middle of an unquoted field, or text after a closing
//        quote (span: that quote); the quote is kept as an ordinary character
// Each code is reported at most 20 times per file; further occurrences are
// summed up in one note (severity Nota) with the same code.
// Throws InternalError only for an invalid CsvOptions::separator.
std::optional<CsvTable> readCsv(const SourceManager& sources, FileId file, const CsvOptions& opt, Diagnostics& diags);

// Receives a table row by row, so that no reader has to hold every cell of a
// large file at once (the loader turns each row into a typed Row at once).
class CsvSink {
 public:
  virtual ~CsvSink() = default;
  // First, once: the file, its separator and its header, already checked
  // (E0505/E0506 reported, names trimmed).
  virtual void header(FileId file, char separator, std::vector<Cell> header) = 0;
  // Then every data row, in file order: exactly as CsvTable::rows would hold
  // it (blank rows and rows with a wrong cell count are not given). The
  // views are valid only during the call.
  virtual void row(const std::vector<CellView>& cells) = 0;

  // Reading in parts (CsvOptions::threads): a sink, with this one's header,
  // for the rows of a later part of the file, given them on another thread
  // while this one gets the earlier rows; nullptr if this sink cannot. A
  // fork must not touch anything it shares with this sink.
  virtual std::unique_ptr<CsvSink> fork() { return nullptr; }
  // Whether this fork has reported nothing (a part that reported something
  // is read again, in order, so that the diagnostics are those of one part).
  virtual bool quiet() const { return true; }
  // Takes a quiet fork's rows as if they had been given here one by one,
  // after those given so far.
  virtual void join(CsvSink& fork) { (void)fork; }
};

// Keeps every row it is given, in `table`: readCsv's CsvTable.
class CsvTableSink : public CsvSink {
 public:
  explicit CsvTableSink(CsvTable& table) : table_(table) {}
  void header(FileId file, char separator, std::vector<Cell> header) override;
  void row(const std::vector<CellView>& cells) override;

 private:
  CsvTable& table_;
};

// readCsv, giving the rows to `sink` as it reads them instead of keeping
// them: the same rows, the same diagnostics in the same order. Returns false
// where readCsv returns nullopt (then the sink got nothing).
bool readCsv(const SourceManager& sources, FileId file, const CsvOptions& opt, Diagnostics& diags, CsvSink& sink);

// Gives an already read table (a sheet: xlsx.h) to `sink`, as readCsv would.
void feed(const CsvTable& table, CsvSink& sink);

}  // namespace misura::data
