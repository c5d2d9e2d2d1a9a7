// "Forse intendevi ...": the closest known name to a misspelt one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace misura {

// The candidate nearest to `name` by edit distance (on code points), if it
// is close enough to be a plausible typo.
std::optional<std::string> closestName(std::string_view name, const std::vector<std::string>& candidates);

// "forse intendevi «x»?" or empty.
std::string didYouMean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace misura
