#include "compiler/support/diagnostics.h"

#include <algorithm>

#include <fmt/format.h>

namespace misura {

void Diagnostics::report(Diagnostic d) {
  if (d.severity == Severity::Errore) ++errors_;
  list_.push_back(std::move(d));
}

void Diagnostics::error(std::string code, Span span, std::string message, std::string hint) {
  report(Diagnostic{std::move(code), Severity::Errore, span, std::move(message), {}, std::move(hint), {}});
}

void Diagnostics::warning(std::string code, Span span, std::string message, std::string hint) {
  report(Diagnostic{std::move(code), Severity::Avviso, span, std::move(message), {}, std::move(hint), {}});
}

namespace {

const char* severityWord(Severity s) {
  switch (s) {
    case Severity::Errore: return "errore";
    case Severity::Avviso: return "avviso";
    case Severity::Nota: return "nota";
  }
  return "errore";
}

// Width in code points of a byte range of one line, for the caret underline.
uint32_t columns(std::string_view s) {
  uint32_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// "   12 | text\n      |    ^^^^ label\n"
// Nothing for a cell of a sheet (SourceManager::addGrid): its location says it all.
void renderSnippet(std::string& out, const SourceManager& sm, Span span, const std::string& label) {
  if (sm.isGrid(span.file)) return;
  LineCol lc = sm.lineCol(span.file, span.begin);
  std::string_view line = sm.lineText(span.file, lc.line);
  uint32_t lineStart = sm.lineStart(span.file, lc.line);
  uint32_t endInLine = std::min<uint32_t>(span.end, lineStart + static_cast<uint32_t>(line.size()));
  uint32_t width = endInLine > span.begin ? columns(line.substr(span.begin - lineStart, endInLine - span.begin)) : 1;
  std::string gutter = fmt::format("{:>5}", lc.line);
  out += fmt::format("{} | {}\n", gutter, line);
  out += fmt::format("{} | {}{}", std::string(gutter.size(), ' '), std::string(lc.column - 1, ' '),
                     std::string(std::max<uint32_t>(width, 1), '^'));
  if (!label.empty()) out += " " + label;
  out += "\n";
}

// Diagnostics that report the effect of other errors ("the fund was not
// paid out because of these persons"): rendered after all the others, so
// that the cause is read before its effect.
bool isConsequence(const Diagnostic& d) { return d.code == "E0609"; }

std::string location(const SourceManager& sm, Span span) {
  if (!span.valid()) return "misura";
  return sm.location(span);
}

}  // namespace

std::string render(const SourceManager& sm, const std::vector<Diagnostic>& diags) {
  std::vector<const Diagnostic*> sorted;
  for (const auto& d : diags) sorted.push_back(&d);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic* a, const Diagnostic* b) {
    if (isConsequence(*a) != isConsequence(*b)) return isConsequence(*b);
    if (a->span.file != b->span.file) return a->span.file < b->span.file;
    return a->span.begin < b->span.begin;
  });
  std::string out;
  for (const Diagnostic* d : sorted) {
    out += fmt::format("{}: {}[{}]: {}\n", location(sm, d->span), severityWord(d->severity), d->code, d->message);
    if (d->span.valid()) renderSnippet(out, sm, d->span, "");
    for (const Label& l : d->labels) {
      if (!l.span.valid()) continue;
      out += fmt::format("  nota: {} ({})\n", l.message, location(sm, l.span));
      renderSnippet(out, sm, l.span, "");
    }
    if (!d->hint.empty()) out += fmt::format("  suggerimento: {}\n", d->hint);
    if (!d->citation.empty()) out += fmt::format("  riferimento: {}\n", d->citation);
  }
  return out;
}

}  // namespace misura
