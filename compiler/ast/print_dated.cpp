// printDated (see print.h): the dated clauses as comment lines.
#include <fmt/format.h>

#include "compiler/ast/print.h"

namespace misura::ast {

std::string printDated(const Program& p) {
  std::string out;
  for (const DatedClause& d : p.dated) {
    if (!p.files.empty() && d.span.file != p.file) continue;  // a module's: in its file
    out += fmt::format("#   {}{}: {}  ({})\n", d.block.empty() ? "" : d.block + " → ", d.when, d.text,
                       d.applies ? "in vigore" : "non in vigore");
  }
  if (out.empty()) return out;
  int year = p.yearOverride ? *p.yearOverride : p.anno.empty() ? 0 : p.anno.front().year;
  return fmt::format("# clausole datate, anno di valutazione {}:\n", year) + out;
}

}  // namespace misura::ast
