// Diagnostics are data: a stable code, a severity, a primary span, an Italian
// message, optional labelled secondary spans, a hint and a legal citation.
// Every stage reports into a Diagnostics sink; only render.cpp turns them into
// text and only the CLI decides exit codes.
//
// Codes are stable and documented in docs/diagnostica.md:
//   E01xx syntax           E02xx names          E03xx types and units
//   E04xx weights, components, bands            E05xx data files
//   E06xx evaluation       E07xx command line   A.... warnings
#pragma once

#include <string>
#include <vector>

#include "compiler/support/source.h"

namespace misura {

enum class Severity { Errore, Avviso, Nota };

struct Label {
  Span span;
  std::string message;  // e.g. "peso dichiarato qui"
};

struct Diagnostic {
  std::string code;  // "E0401"
  Severity severity = Severity::Errore;
  Span span;  // may be invalid for errors without a location (rare)
  std::string message;
  std::vector<Label> labels;
  std::string hint;      // "suggerimento: ..."
  std::string citation;  // "art. 4-bis c. 2 DL 13/2023"
};

class Diagnostics {
 public:
  void report(Diagnostic d);
  // Shorthand for the common case.
  void error(std::string code, Span span, std::string message, std::string hint = {});
  void warning(std::string code, Span span, std::string message, std::string hint = {});

  bool hasErrors() const { return errors_ > 0; }
  size_t errorCount() const { return errors_; }
  const std::vector<Diagnostic>& all() const { return list_; }

 private:
  std::vector<Diagnostic> list_;
  size_t errors_ = 0;
};

// Compiler-style text: "file:line:col: errore[E0401]: message", the source
// line with a caret underline, labels, hint and citation. Sorted by file and
// position so output is deterministic; a diagnostic that reports the effect
// of other errors (E0609, a fund not paid out) comes after all the others,
// so the cause is read before its consequence.
std::string render(const SourceManager& sources, const std::vector<Diagnostic>& diags);

// Raised for broken compiler invariants (never for user mistakes): the CLI
// reports it as an internal error, distinct from diagnostics.
struct InternalError {
  std::string what;
};

}  // namespace misura
