#include "compiler/support/limits.h"

#include <charconv>
#include <cstdlib>

namespace misura {

Limits parseLimits(std::string_view spec, Limits base) {
  while (!spec.empty()) {
    size_t comma = spec.find(',');
    std::string_view item = spec.substr(0, comma);
    spec = comma == std::string_view::npos ? std::string_view{} : spec.substr(comma + 1);
    size_t eq = item.find('=');
    if (eq == std::string_view::npos) continue;
    std::string_view name = item.substr(0, eq), value = item.substr(eq + 1);
    uint64_t n = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc{} || end != value.data() + value.size()) continue;
    if (name == "byte_regolamento") base.sourceBytes = n;
    else if (name == "byte_dati") base.dataBytes = n;
    else if (name == "righe") base.dataRows = n;
    else if (name == "cifre") base.digits = n;
  }
  return base;
}

const Limits& limits() {
  static const Limits current = [] {
    const char* spec = std::getenv("MISURA_LIMITI");
    return spec ? parseLimits(spec) : Limits{};
  }();
  return current;
}

size_t countDigits(std::string_view text) {
  size_t n = 0;
  for (char c : text)
    if (c >= '0' && c <= '9') ++n;
  return n;
}

std::string formatCount(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

}  // namespace misura
