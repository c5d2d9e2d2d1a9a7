#include "compiler/support/source.h"

#include <algorithm>

namespace misura {

Span Span::cover(Span a, Span b) {
  if (!b.valid() || b.file != a.file) return a;
  return Span{a.file, std::min(a.begin, b.begin), std::max(a.end, b.end)};
}

FileId SourceManager::add(std::string path, std::string text) {
  File f{std::move(path), std::move(text), {0}, {}};
  for (uint32_t i = 0; i < f.text.size(); ++i)
    if (f.text[i] == '\n') f.lineStarts.push_back(i + 1);
  files_.push_back(std::move(f));
  return static_cast<FileId>(files_.size() - 1);
}

FileId SourceManager::addGrid(std::string path, std::string text, std::vector<uint32_t> rows) {
  FileId id = add(std::move(path), std::move(text));
  File& f = files_.back();
  rows.resize(f.lineStarts.size(), rows.empty() ? 1 : rows.back());
  f.gridRows = std::move(rows);
  return id;
}

std::string columnLetters(uint32_t column) {
  std::string out;
  for (; column > 0; column = (column - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (column - 1) % 26));
  return out;
}

std::string SourceManager::location(Span span) const {
  if (!span.valid()) return {};
  LineCol lc = lineCol(span.file, span.begin);
  if (isGrid(span.file)) return path(span.file) + ":" + std::to_string(lc.line) + ":" + columnLetters(lc.column);
  return path(span.file) + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

uint32_t SourceManager::lineIndex(const File& f, uint32_t offset) const {
  auto it = std::upper_bound(f.lineStarts.begin(), f.lineStarts.end(), offset);
  return static_cast<uint32_t>(it - f.lineStarts.begin()) - 1;
}

std::string_view SourceManager::slice(Span span) const {
  const std::string& t = text(span.file);
  uint32_t b = std::min<uint32_t>(span.begin, t.size());
  uint32_t e = std::min<uint32_t>(std::max(span.end, b), t.size());
  return std::string_view(t).substr(b, e - b);
}

static uint32_t countCodePoints(std::string_view s) {
  uint32_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;  // count every byte that is not a continuation byte
  return n;
}

LineCol SourceManager::lineCol(FileId id, uint32_t offset) const {
  const File& f = files_.at(id);
  uint32_t index = lineIndex(f, offset);
  uint32_t start = f.lineStarts[index];
  offset = std::min<uint32_t>(offset, f.text.size());
  std::string_view before = std::string_view(f.text).substr(start, offset - start);
  if (!f.gridRows.empty())
    return LineCol{f.gridRows[index], static_cast<uint32_t>(std::count(before.begin(), before.end(), '\t')) + 1};
  return LineCol{index + 1, countCodePoints(before) + 1};
}

std::string_view SourceManager::lineText(FileId id, uint32_t line) const {
  const File& f = files_.at(id);
  if (line == 0 || line > f.lineStarts.size()) return {};
  uint32_t start = f.lineStarts[line - 1];
  uint32_t end = line < f.lineStarts.size() ? f.lineStarts[line] : f.text.size();
  std::string_view s = std::string_view(f.text).substr(start, end - start);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace misura
