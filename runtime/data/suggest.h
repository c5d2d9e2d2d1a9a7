// "Did you mean" for names and codes typed by hand in data files (column
// names, matricole, objective and behaviour codes, profile names): like
// compiler/support/suggest.h, but a candidate that differs only in ASCII
// letter case always wins, since spreadsheets often change case
// ("MATRICOLA", "a07").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace misura::data {

// True when a and b are equal ignoring ASCII letter case.
bool equalIgnoringCase(std::string_view a, std::string_view b);

// A plausible intended value for `typed` among `candidates` (never `typed` itself).
std::optional<std::string> closest(std::string_view typed, const std::vector<std::string>& candidates);

// "forse intendevi «x»?" or empty.
std::string didYouMean(std::string_view typed, const std::vector<std::string>& candidates);

}  // namespace misura::data
