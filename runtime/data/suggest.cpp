#include "runtime/data/suggest.h"

#include <algorithm>

#include "compiler/support/suggest.h"

namespace misura::data {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

bool equalIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return lower(x) == lower(y);
         });
}

std::optional<std::string> closest(std::string_view typed, const std::vector<std::string>& candidates) {
  for (const std::string& c : candidates)
    if (c != typed && equalIgnoringCase(c, typed)) return c;
  std::vector<std::string> others;
  for (const std::string& c : candidates)
    if (c != typed) others.push_back(c);
  return closestName(typed, others);
}

std::string didYouMean(std::string_view typed, const std::vector<std::string>& candidates) {
  std::optional<std::string> c = closest(typed, candidates);
  return c ? "forse intendevi «" + *c + "»?" : std::string();
}

}  // namespace misura::data
