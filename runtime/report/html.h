// HTML for the printable documents (scheda, graduatoria): the one escaping
// function of Misura and a small writer that calls it for every text and
// attribute, so no other code escapes anything. Markup passed to raw() must
// come from this writer or from the SVG charts (svg.h), which escape through
// the same function.
#pragma once

#include <string>
#include <string_view>

namespace misura::report::html {

// Text made safe for an HTML element or a quoted attribute value:
// & < > " ' become entities; every other byte (UTF-8 included) passes unchanged.
std::string escape(std::string_view text);

// Accumulates an HTML fragment.
class Writer {
 public:
  // <tag class="cls"> (no class attribute when cls is empty).
  Writer& open(std::string_view tag, std::string_view cls = {});
  Writer& close(std::string_view tag);
  // <tag class="cls">text</tag>, the text escaped.
  Writer& el(std::string_view tag, std::string_view text, std::string_view cls = {});
  Writer& text(std::string_view text);
  // Markup made by a Writer or by svg.h: not escaped again.
  Writer& raw(std::string_view markup);
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// A whole A4 document: <!DOCTYPE html>, UTF-8, the title, the common style
// (page size, margins, "Pagina N di M" at the foot of every printed page)
// and `body` (markup). `footer` is printed at the bottom left of every page.
std::string page(std::string_view title, std::string_view footer, std::string_view body);

}  // namespace misura::report::html
