// A diagnostics sink for the problems of one data file: forwards the first
// kMaxErrorsPerFile errors and sums the rest up in one note, so that a file
// with a wrong type in every row gives a readable report, not thousands of
// lines. Internal to runtime/data.
#pragma once

#include <string>

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
      diags_.report(std::move(d));
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
};

}  // namespace misura::data
