// File names that depend on the evaluation year: `da "personale_{anno}.xlsx"`
// reads personale_2024.xlsx when the year is 2024 (`anno`, or --anno, or the
// `anno` of a prova). `{anno}` is the only placeholder; braces are reserved.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace misura {

// What is wrong with the braces of `name`: "" when every brace is part of
// `{anno}`, else a description ("«{anni}» non è un segnaposto", ...).
std::string yearPlaceholderProblem(std::string_view name);

// `name` with every `{anno}` replaced by `year`.
std::string withYear(std::string_view name, int year);

}  // namespace misura
