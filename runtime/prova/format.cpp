// The text of `misura prova`: one line per prova, the failures under it,
// and a summary.
#include <fmt/format.h>

#include "runtime/prova/prova.h"

namespace misura::prova {

namespace {

// "regolamento.misura:214:3: ", or "" for an invalid span.
std::string where(const SourceManager& sources, Span span) {
  if (!span.valid()) return {};
  return sources.location(span) + ": ";
}

std::string count(size_t n, const char* one, const char* many) { return fmt::format("{} {}", n, n == 1 ? one : many); }

}  // namespace

std::string formatOutcome(const ir::Module& module, const Outcome& outcome, const SourceManager& sources) {
  std::string out = fmt::format("prova «{}» ... {}\n", module.prove.at(outcome.prova).title,
                                outcome.passed() ? "superata" : "NON superata");
  for (const Failure& f : outcome.failures) out += fmt::format("  {}{}\n", where(sources, f.span), f.message);
  return out;
}

std::string formatSummary(const std::vector<Outcome>& outcomes) {
  size_t passed = 0;
  for (const Outcome& o : outcomes) passed += o.passed() ? 1 : 0;
  size_t failed = outcomes.size() - passed;
  std::string out = count(outcomes.size(), "prova", "prove") + ": ";
  if (passed > 0) out += count(passed, "superata", "superate");
  if (passed > 0 && failed > 0) out += ", ";
  if (failed > 0) out += count(failed, "non superata", "non superate");
  return out + "\n";
}

}  // namespace misura::prova
