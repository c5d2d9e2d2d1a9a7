// Evaluation of a compiled regolamento over a directory of data files.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>

#include "compiler/ir/ir.h"
#include "compiler/support/diagnostics.h"
#include "runtime/eval/results.h"

namespace misura::eval {

// In-process seconds of the phases of evaluate() (steady clock), filled when
// Options::timings is set: `misura valuta --tempi` prints them.
struct Timings {
  double read = 0;   // loading and checking the data files
  double score = 0;  // persons, weights, arguments, scores and rankings
  double split = 0;  // the funds' split and the premio parts
  // The per-person number chunks (components, premi, quotas) and how many of
  // them run on the integer evaluator (runtime/fixed/fixed.h).
  uint32_t numberChunks = 0, integerChunks = 0;
  uint64_t integerRuns = 0;  // the values the integer evaluator gave, over all persons
  uint32_t nativeChunks = 0;  // of the integer chunks, those the JIT compiled to machine code
  double jit = 0;             // seconds spent loading the JIT and compiling
};

// Which evaluator runs the number chunks, from the environment variable
// MISURA_MOTORE (for tests and measures; results never depend on it):
//   unset or ""  : the integer machine where a chunk compiles, else the
//                  interpreter (the JIT is not chosen by itself: on W1 it
//                  saved less than it cost, see docs/architettura.md);
//   "interprete" : the general interpreter only (exact Rationals);
//   "interi"     : the same as unset;
//   "jit"        : the integer chunks compiled to machine code (runtime/jit).
enum class Engine { Auto, Interprete, Interi, Jit };
// MISURA_MOTORE read; nullopt for a value not in the list (the CLI refuses it).
std::optional<Engine> engineFromEnvironment();

struct Options {
  std::filesystem::path dataDir;  // dataset file names are relative to it
  Timings* timings = nullptr;     // when set, evaluate() measures its phases
  // Record in the results what each indicator, `= espressione` component and
  // premio read and computed (ObjectiveOutcome::trace, ...), for explanations.
  bool trace = false;
  // The most threads to score persons on (see parallel.h); 0: one per core.
  // The results do not depend on it.
  unsigned threads = 0;
  // Fewer persons than this per thread: fewer threads (tests set 1).
  size_t minPersonsPerThread = 4096;
  // Each fund share's exact value (PersonResult::premioExact), which JSON and
  // the explanations show. valuta's CSV, text and XLSX do not, and at a
  // million persons the exact fractions are a large part of the split (GMP
  // past 64 bits): valuta turns it off for them. The cents never depend on it.
  bool exactShares = true;
};

// Loads every dataset the module declares (reporting every data problem
// with file, row and column), checks the staff list against the module
// (profiles, per-person objective weights) and then scores every person.
// Returns nullopt when the data could not be loaded or checked: then no
// score at all is produced. Per-person evaluation errors (a missing value
// without a `se non rilevato` rule, a division by zero) are reported as
// diagnostics and mark that person as PersonStatus::Errore; the others are
// still evaluated.
std::optional<Evaluation> evaluate(const ir::Module& module, const Options& options, SourceManager& sources,
                                   Diagnostics& diags);

}  // namespace misura::eval
