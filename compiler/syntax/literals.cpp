#include "compiler/syntax/literals.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "compiler/support/date.h"
#include "compiler/syntax/source_map.h"

namespace misura::syntax {

namespace {

bool allDigits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

std::optional<int> toInt(std::string_view s) {
  int value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

const char* monthName(int month) {
  static const char* kNames[] = {"gennaio", "febbraio", "marzo",     "aprile",  "maggio",   "giugno",
                                 "luglio",  "agosto",   "settembre", "ottobre", "novembre", "dicembre"};
  return kNames[month - 1];
}

}  // namespace

TextLiteral readText(std::string_view token) {
  TextLiteral out;
  size_t i = 1;  // after the opening quote
  while (i < token.size()) {
    char c = token[i];
    if (c == '"') {
      out.terminated = true;
      break;
    }
    if (c != '\\') {
      out.value += c;
      ++i;
      continue;
    }
    if (i + 1 >= token.size()) break;  // a lone '\' ending an unterminated text
    char32_t cp = 0;
    size_t len = std::max<size_t>(decodeChar(token, i + 1, cp), 1);
    if (cp != U'"' && cp != U'\\') {
      out.badEscapes.emplace_back(i, 1 + len);
      out.value += token.substr(i, 1 + len);
    } else {
      out.value += static_cast<char>(cp);
    }
    i += 1 + len;
  }
  return out;
}

std::string dateHint(std::string_view token) {
  char sep = token.find('/') != std::string_view::npos ? '/' : '.';
  size_t a = token.find(sep), b = token.rfind(sep);
  if (a == std::string_view::npos || a == b) return {};
  auto day = toInt(token.substr(0, a));
  auto month = toInt(token.substr(a + 1, b - a - 1));
  auto year = toInt(token.substr(b + 1));
  if (!day || !month || !year || token.size() - b - 1 != 4) return {};
  if (*month < 1 || *month > 12) return "il mese va da 01 a 12";
  return fmt::format("{} {} ha {} giorni", monthName(*month), *year, daysInMonth(*year, *month));
}

std::optional<int> readDecimals(std::string_view token) {
  if (!allDigits(token) || token.size() > 2) return std::nullopt;
  auto value = toInt(token);
  if (!value || *value > kMaxDecimals) return std::nullopt;
  return value;
}

std::optional<int> readYear(std::string_view token) {
  if (token.size() != 4 || !allDigits(token)) return std::nullopt;
  return toInt(token);
}

}  // namespace misura::syntax
