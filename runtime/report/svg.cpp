// The bar chart of svg.h.
#include "runtime/report/svg.h"

#include <algorithm>

#include <fmt/format.h>

#include "runtime/report/html.h"

namespace misura::report::svg {

namespace {

constexpr double kWidth = 640, kHeight = 220;
constexpr double kLeft = 40, kRight = 10, kTop = 34, kBottom = 42;  // room for titles and labels

std::string textAt(double x, double y, std::string_view anchor, std::string_view size, std::string_view text,
                   std::string_view weight = "normal") {
  return fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\" font-size=\"{}\" font-weight=\"{}\">{}</text>\n",
                     x, y, anchor, size, weight, html::escape(text));
}

}  // namespace

std::string barChart(std::string_view title, std::string_view axis, const std::vector<Bar>& bars) {
  double max = 0;
  for (const Bar& b : bars) max = std::max(max, b.value.toDouble());
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {:.0f} {:.0f}\" width=\"100%\" role=\"img\" "
      "font-family=\"DejaVu Sans, sans-serif\">\n<title>{}</title>\n",
      kWidth, kHeight, html::escape(title));
  out += textAt(kWidth / 2, 16, "middle", "13", title, "bold");
  double plotW = kWidth - kLeft - kRight, plotH = kHeight - kTop - kBottom;
  double baseY = kTop + plotH;
  out += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#333\" stroke-width=\"1\"/>\n",
                     kLeft, baseY, kLeft + plotW, baseY);
  out += fmt::format("<text x=\"12\" y=\"{:.1f}\" font-size=\"10\" transform=\"rotate(-90 12 {:.1f})\" "
                     "text-anchor=\"middle\" fill=\"#444\">{}</text>\n",
                     kTop + plotH / 2, kTop + plotH / 2, html::escape(axis));
  if (bars.empty()) return out + textAt(kWidth / 2, kTop + plotH / 2, "middle", "11", "nessun dato") + "</svg>\n";
  double slot = plotW / static_cast<double>(bars.size());
  double barW = std::min(slot * 0.7, 90.0);
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    double h = max > 0 ? b.value.toDouble() / max * (plotH - 14) : 0;
    double cx = kLeft + slot * (static_cast<double>(i) + 0.5);
    out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"#4a6fa5\"/>\n",
                       cx - barW / 2, baseY - h, barW, h);
    out += textAt(cx, baseY - h - 3, "middle", "10", b.valueText);
    out += textAt(cx, baseY + 14, "middle", bars.size() > 8 ? "9" : "10", b.label);
  }
  return out + "</svg>\n";
}

}  // namespace misura::report::svg
