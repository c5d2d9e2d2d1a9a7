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

struct LineCol {
  uint32_t line = 1;    // 1-based
  uint32_t column = 1;  // 1-based, in Unicode code points (what an editor shows)
};

class SourceManager {
 public:
  // Takes ownership of `text` (UTF-8). `path` is shown in diagnostics.
  FileId add(std::string path, std::string text);

  const std::string& path(FileId id) const { return files_.at(id).path; }
  const std::string& text(FileId id) const { return files_.at(id).text; }
  std::string_view slice(Span span) const;
  LineCol lineCol(FileId id, uint32_t offset) const;
  // The text of 1-based line `line`, without its line terminator.
  std::string_view lineText(FileId id, uint32_t line) const;
  // Byte offset of the first byte of 1-based line `line`.
  uint32_t lineStart(FileId id, uint32_t line) const { return files_.at(id).lineStarts.at(line - 1); }

 private:
  struct File {
    std::string path;
    std::string text;
    std::vector<uint32_t> lineStarts;  // byte offset of each line's first byte
  };
  std::vector<File> files_;
};

}  // namespace misura
