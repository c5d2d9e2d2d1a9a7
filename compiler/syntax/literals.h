// Reading literal tokens: texts between quotes (with their two escapes),
// Italian numbers and dates. Shared by the token pre-scan, which reports
// malformed literals, and by the AST builder, which converts them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace misura::syntax {

struct TextLiteral {
  std::string value;  // unescaped
  bool terminated = false;
  // Byte ranges (offset, length) of invalid escapes within the token text.
  std::vector<std::pair<size_t, size_t>> badEscapes;
};

// `token` starts with the opening quote; only \" and \\ are escapes.
TextLiteral readText(std::string_view token);

// A hint for a well-shaped date (d/m/yyyy) that parseItalianDate rejects,
// e.g. "febbraio 2024 ha 29 giorni"; empty for any other text.
std::string dateHint(std::string_view token);

// A decimal count written as a small integer (0..kMaxDecimals), or nullopt.
inline constexpr int kMaxDecimals = 10;
std::optional<int> readDecimals(std::string_view token);

// A year written with exactly four digits, or nullopt.
std::optional<int> readYear(std::string_view token);

}  // namespace misura::syntax
