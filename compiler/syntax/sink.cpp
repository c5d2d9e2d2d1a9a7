#include "compiler/syntax/sink.h"

#include <algorithm>
#include <utility>

namespace misura::syntax {

void SyntaxSink::error(const char* code, Span span, std::string message, std::string hint) {
  report(Diagnostic{code, Severity::Errore, span, std::move(message), {}, std::move(hint), {}});
}

void SyntaxSink::report(Diagnostic d) {
  if (kept_.size() >= kMaxKept) {
    dropped_ = true;
    return;
  }
  kept_.push_back(std::move(d));
}

void SyntaxSink::finish() {
  // The pre-scan and the parser each report in source order, but one after
  // the other: sort before cutting, so the errors shown are the first ones.
  std::stable_sort(kept_.begin(), kept_.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.span.begin < b.span.begin; });
  bool cut = dropped_ || kept_.size() > kMaxErrors;
  if (kept_.size() > kMaxErrors) kept_.resize(kMaxErrors);
  for (Diagnostic& d : kept_) out_.report(std::move(d));
  kept_.clear();
  if (!cut) return;
  dropped_ = false;
  // No location: the renderer lists it after every located diagnostic.
  out_.report(Diagnostic{code::kUnexpected, Severity::Nota, Span{},
                         "troppi errori di sintassi: mostrati solo i primi " + std::to_string(kMaxErrors),
                         {}, "correggi questi errori e ricompila per vedere gli altri", {}});
}

}  // namespace misura::syntax
