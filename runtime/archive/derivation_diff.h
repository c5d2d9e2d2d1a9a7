// Why a person's result differs between two runs: the two derivations
// (report::explainJson, as archived) compared leaf by leaf, keeping only the
// leaves that are inputs of the computation — a weight, a measured value
// with its data cell, a vote, a staff field read by a formula, the text of
// a rule, a band's threshold or percentage, a fund's amount and the sum of
// the quotas it is shared by (how the others' results move one's share) —
// and not what follows from them (esiti, points, totals), which the caller
// shows anyway.
#pragma once

#include <string>
#include <vector>

namespace misura::archive {

struct Cause {
  std::string what;    // Italian: "peso dell'obiettivo OB1", "voto del comportamento D2"
  std::string before;  // the value in the first run ("" when absent there)
  std::string after;   // in the second run
  std::string where;   // the data cell ("rilevazioni.csv:5:10") or the rule's line, if known
};

// The causes, in the order of the derivation (components, objectives, premio).
// `before` and `after` are the derivations' JSON texts; either may be empty
// (the person is in only one of the runs: no causes).
std::vector<Cause> derivationCauses(const std::string& before, const std::string& after);

}  // namespace misura::archive
