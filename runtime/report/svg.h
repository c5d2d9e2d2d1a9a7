// Charts of the graduatoria as inline SVG (no script, no external file), so
// the HTML and the PDF printed from it carry them. Labels are escaped with
// html::escape. Bar heights are drawn from the exact values converted to
// double: a picture, not a number anybody is paid by; the exact value is
// written above each bar.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/support/rational.h"

namespace misura::report::svg {

struct Bar {
  std::string label;      // under the bar: "Ottimo", "80–90"
  Rational value;         // its height, >= 0
  std::string valueText;  // above the bar: "3", "4.161,64 €"
};

// A vertical bar chart with its title and a caption for the value axis
// ("persone", "euro"), width 640 by 220 user units, scaled to the page width.
std::string barChart(std::string_view title, std::string_view axis, const std::vector<Bar>& bars);

}  // namespace misura::report::svg
