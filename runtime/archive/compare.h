// `misura confronta`: two runs (archived, or evaluated on the spot from two
// regolamenti on the same data) compared for the nucleo — what changed in
// the inputs (the regolamento's lines, the modules' and data files' hashes),
// the effect on the staff (band transitions, the funds, the largest changes
// of premio) and, person by person, what changed (totale, fascia, premio)
// and why (derivation_diff.h: the weight, the data cell, the rule).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "runtime/archive/derivation_diff.h"
#include "runtime/archive/line_diff.h"
#include "runtime/archive/snapshot.h"

namespace misura::archive {

struct FileChange {
  std::string tipo;  // "modulo", "dati"
  std::string nome;
  std::string before, after;  // SHA-256; "" when absent in that run
  std::string detail;         // the second run's detail, else the first's (--file: the file read)
};

struct PersonDiff {
  const PersonRecord* a = nullptr;  // null: not in the first run
  const PersonRecord* b = nullptr;  // null: not in the second run
  bool totale = false, fascia = false, premio = false, stato = false;
  std::vector<Cause> causes;
  bool changed() const { return totale || fascia || premio || stato || !a || !b; }
};

struct FundDiff {
  std::string nome;
  const FundRecord* a = nullptr;
  const FundRecord* b = nullptr;
};

struct Comparison {
  const Snapshot* a = nullptr;
  const Snapshot* b = nullptr;
  std::optional<std::vector<LineChange>> regolamento;  // nullopt: too different to list
  std::vector<FileChange> files;
  std::vector<PersonDiff> persons;  // first run's order, then those only in the second
  // (fascia before, fascia after) -> persons; "" for no band (not evaluated, absent).
  std::map<std::pair<std::string, std::string>, int> transitions;
  std::vector<FundDiff> funds;
};

// The comparison of `a` with `b` (both must outlive it). `matricola`: only that person.
Comparison compare(const Snapshot& a, const Snapshot& b, const std::optional<std::string>& matricola);

// Italian text for the nucleo; `maxChanges` lines in «Le variazioni di premio maggiori».
std::string comparisonText(const Comparison& c, size_t maxChanges = 10);

// The same as a JSON document (2-space indented, final '\n').
std::string comparisonJson(const Comparison& c);

}  // namespace misura::archive
