// The source manager owns the text of every file the compiler or the data
// loader reads (regolamenti, modules, CSV files after decoding). Everything
// else refers to text by Span: a file id and byte offsets. Line and column
// are computed only when a diagnostic is rendered.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace misura {

using FileId = uint32_t;
inline constexpr FileId kNoFile = UINT32_MAX;

struct Span {
  FileId file = kNoFile;
  uint32_t begin = 0;  // byte offset of the first byte
  uint32_t end = 0;    // byte offset one past the last byte

  bool valid() const { return file != kNoFile; }
  // The smallest span covering both; `a` must be valid.
  static Span cover(Span a, Span b);
};

// "A", "Z", "AA", "XFD": the spreadsheet name of 1-based column `column`.
std::string columnLetters(uint32_t column);

struct LineCol {
  uint32_t line = 1;    // 1-based
  uint32_t column = 1;  // 1-based, in Unicode code points (what an editor shows)
};

class SourceManager {
 public:
  // Takes ownership of `text` (UTF-8). `path` is shown in diagnostics.
  FileId add(std::string path, std::string text);
  // A sheet of a workbook (runtime/data/xlsx.h): `text` has one line per
  // stored row and, on each line, the row's cells from column A on,
  // separated by '\t' (cell texts hold no '\t' or '\n'). `rows[i]` is the
  // sheet's row number of line i+1. For such a file lineCol() gives the
  // sheet's row and the 1-based column (A = 1), location() writes the
  // column as letters and diagnostics show no text snippet.
  FileId addGrid(std::string path, std::string text, std::vector<uint32_t> rows);
  bool isGrid(FileId id) const { return !files_.at(id).gridRows.empty(); }

  const std::string& path(FileId id) const { return files_.at(id).path; }
  const std::string& text(FileId id) const { return files_.at(id).text; }
  std::string_view slice(Span span) const;
  LineCol lineCol(FileId id, uint32_t offset) const;
  // The text of 1-based line `line`, without its line terminator.
  std::string_view lineText(FileId id, uint32_t line) const;
  // Byte offset of the first byte of 1-based line `line`.
  uint32_t lineStart(FileId id, uint32_t line) const { return files_.at(id).lineStarts.at(line - 1); }
  // Where `span` starts, as every output writes it: "regolamento.misura:12:5",
  // "dati/personale.csv:3:7" or, for a sheet, "dati/personale.xlsx[Foglio1]:12:C".
  // Empty for an invalid span.
  std::string location(Span span) const;

 private:
  struct File {
    std::string path;
    std::string text;
    std::vector<uint32_t> lineStarts;  // byte offset of each line's first byte
    std::vector<uint32_t> gridRows;    // addGrid only: the sheet row of each line
  };
  uint32_t lineIndex(const File& f, uint32_t offset) const;  // 0-based
  std::vector<File> files_;
};

}  // namespace misura
