#include "runtime/archive/line_diff.h"

#include <cstdint>

namespace misura::archive {

namespace {

std::vector<std::string> linesOf(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

}  // namespace

std::optional<std::vector<LineChange>> lineDiff(const std::string& a, const std::string& b) {
  std::vector<std::string> x = linesOf(a), y = linesOf(b);
  size_t head = 0;
  while (head < x.size() && head < y.size() && x[head] == y[head]) ++head;
  size_t tail = 0;
  while (tail < x.size() - head && tail < y.size() - head && x[x.size() - 1 - tail] == y[y.size() - 1 - tail]) ++tail;
  size_t n = x.size() - head - tail, m = y.size() - head - tail;
  if ((n + 1) * (m + 1) > kMaxCells) return std::nullopt;
  // lcs[i][j]: the longest common subsequence of x[head+i..] and y[head+j..].
  std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
  auto at = [&](size_t i, size_t j) -> uint32_t& { return lcs[i * (m + 1) + j]; };
  for (size_t i = n; i-- > 0;)
    for (size_t j = m; j-- > 0;)
      at(i, j) = x[head + i] == y[head + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
  std::vector<LineChange> out;
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[head + i] == y[head + j]) {
      ++i, ++j;
    } else if (j == m || (i < n && at(i + 1, j) >= at(i, j + 1))) {
      out.push_back({true, head + i + 1, x[head + i]});
      ++i;
    } else {
      out.push_back({false, head + j + 1, y[head + j]});
      ++j;
    }
  }
  return out;
}

}  // namespace misura::archive
