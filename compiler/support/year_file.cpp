#include "compiler/support/year_file.h"

namespace misura {

namespace {

constexpr std::string_view kYear = "{anno}";

}  // namespace

std::string yearPlaceholderProblem(std::string_view name) {
  for (size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '}') return "la graffa «}» non chiude un «{anno}»";
    if (name[i] != '{') continue;
    if (name.substr(i, kYear.size()) == kYear) {
      i += kYear.size() - 1;
      continue;
    }
    const size_t close = name.find('}', i);
    if (close == std::string_view::npos) return "la graffa «{» non è chiusa";
    return "«" + std::string(name.substr(i, close - i + 1)) + "» non è un segnaposto: l'unico è «{anno}»";
  }
  return {};
}

std::string withYear(std::string_view name, int year) {
  std::string out;
  for (size_t i = 0; i < name.size();) {
    if (name.substr(i, kYear.size()) == kYear) {
      out += std::to_string(year);
      i += kYear.size();
    } else {
      out += name[i++];
    }
  }
  return out;
}

}  // namespace misura
