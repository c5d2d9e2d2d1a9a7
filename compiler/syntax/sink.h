// Where the syntax stage reports: a thin layer over Diagnostics that keeps
// the errors of a file, and hands on only the first kMaxErrors of them in
// source order, so that a file of garbage cannot flood the user (a final
// note says the list was cut short).
#pragma once

#include <string>
#include <vector>

#include "compiler/support/diagnostics.h"

namespace misura::syntax {

// Stable codes of the stage (documented in docs/diagnostica.md).
namespace code {
inline constexpr const char* kInternal = "E0100";      // the parser itself failed
inline constexpr const char* kUnexpected = "E0101";    // simbolo inatteso / manca
inline constexpr const char* kBadChar = "E0102";       // carattere non valido
inline constexpr const char* kBadNumber = "E0103";     // numero non valido
inline constexpr const char* kBadDate = "E0104";       // data inesistente
inline constexpr const char* kTooDeep = "E0105";       // espressione troppo annidata
inline constexpr const char* kBadText = "E0106";       // testo malformato
inline constexpr const char* kRepeatedItem = "E0107";  // voce unica ripetuta
inline constexpr const char* kTooManyDigits = "E0111";  // numero troppo lungo (compiler/support/limits.h)
}  // namespace code

// Thrown by the parser's error reporting to abandon parsing after
// kMaxErrors syntax errors (later ones could not be shown anyway); caught
// in parse().
struct TooManyErrors {};

class SyntaxSink {
 public:
  static constexpr size_t kMaxErrors = 50;

  explicit SyntaxSink(Diagnostics& out) : out_(out) {}

  void error(const char* code, Span span, std::string message, std::string hint = {});
  void report(Diagnostic d);

  bool any() const { return !kept_.empty() || dropped_; }
  // Some errors were not even looked for (parsing was abandoned).
  void markTruncated() { dropped_ = true; }

  // Passes the first kMaxErrors errors, in source order, to the
  // Diagnostics, plus a closing note if there were more. Call once.
  void finish();

 private:
  static constexpr size_t kMaxKept = 10000;  // bounds memory on absurd inputs

  Diagnostics& out_;
  std::vector<Diagnostic> kept_;
  bool dropped_ = false;
};

}  // namespace misura::syntax
