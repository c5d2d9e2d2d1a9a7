// The lines that differ between two texts (the regolamento of two runs):
// a longest-common-subsequence diff after trimming the common head and tail.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace misura::archive {

struct LineChange {
  bool removed = false;  // true: only in the first text; false: only in the second
  size_t line = 0;       // 1-based, in its own text
  std::string text;
};

// Removed and added lines in reading order; empty when the texts are equal;
// nullopt when the differing middle is too large to compare line by line
// (more than kMaxCells pairs of lines).
inline constexpr size_t kMaxCells = 4'000'000;
std::optional<std::vector<LineChange>> lineDiff(const std::string& a, const std::string& b);

}  // namespace misura::archive
