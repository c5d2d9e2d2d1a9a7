// A diagnostics sink for the problems of one data file: forwards the first
// kMaxErrorsPerFile errors and sums the rest up in one note, so that a file
// with a wrong type in every row gives a readable report, not thousands of
// lines. Internal to runtime/data.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "compiler/support/diagnostics.h"

namespace misura::data {

class FileDiagnostics {
 public:
  static constexpr size_t kMaxErrorsPerFile = 100;

  explicit FileDiagnostics(Diagnostics& diags) : diags_(diags) {}

  void report(Diagnostic d) {
    if (shown_ < kMaxErrorsPerFile) {
      ++shown_;
      if (held_) held_->push_back(std::move(d));
      else diags_.report(std::move(d));
    } else if (omitted_++ == 0) {
      firstOmitted_ = d.span;
      firstOmittedCode_ = d.code;
    }
  }

  void error(std::string code, Span span, std::string message, std::string hint = {}) {
    report(Diagnostic{std::move(code), Severity::Errore, span, std::move(message), {}, std::move(hint), {}});
  }

  // True once an error was reported (shown or not) through this sink.
  bool failed() const { return shown_ + omitted_ > 0; }

  // From now until release(), keep what is reported instead of forwarding
  // it: a table is built while its file is read, but the reader's own
  // errors (and E0591 for a file too long) come first.
  void hold() { held_.emplace(); }
  // Forwards what was held, in order, and stops holding.
  void release() {
    if (!held_) return;
    std::vector<Diagnostic> held = std::move(*held_);
    held_.reset();
    for (Diagnostic& d : held) diags_.report(std::move(d));
  }
  // Forgets what was held (the file is not used after all), as if nothing had been reported.
  void discard() {
    held_.reset();
    shown_ = omitted_ = 0;
  }

  // Reports the note about the errors not shown, if any. Call once, at the end.
  void flush() {
    if (omitted_ == 0) return;
    std::string message =
        omitted_ == 1 ? std::string("c'è un altro errore in questo file, non mostrato")
                      : fmt::format("ci sono altri {} errori in questo file, non mostrati", omitted_);
    diags_.report(Diagnostic{firstOmittedCode_, Severity::Nota, firstOmitted_, std::move(message), {},
                             "correggi gli errori mostrati e rilancia la valutazione per vedere i successivi", {}});
    omitted_ = 0;
  }

 private:
  Diagnostics& diags_;
  size_t shown_ = 0;
  size_t omitted_ = 0;
  Span firstOmitted_;
  std::string firstOmittedCode_;
  std::optional<std::vector<Diagnostic>> held_;
};

}  // namespace misura::data
