// The staff list alone, for the conformance check (`misura verifica
// --personale FILE`): who each person is, their profile and the objectives
// assigned to them, without any other data and without scoring.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/support/diagnostics.h"

namespace misura::eval {

struct RosterEntry {
  std::string matricola;
  std::string name;  // the `nominativo` field, if the staff list has one
  uint32_t profile = 0;
  std::vector<uint32_t> objectives;  // assigned, in module order
  std::vector<Rational> weights;     // parallel to objectives: the weight that applies to this person
  Span span;                         // the staff-list row
  std::vector<std::string> roles = {};  // the roles by condition they are in
};

// Reads `file` with the schema of the regolamento's `personale` and assigns
// the objectives. An objective assigned by a condition that aggregates a
// data table cannot be decided from the staff list alone: W0847, and it is
// left out. Returns nullopt (with diagnostics) when the file has errors.
std::optional<std::vector<RosterEntry>> loadRoster(const ir::Module& module, const std::filesystem::path& file,
                                                   SourceManager& sources, Diagnostics& diags);

}  // namespace misura::eval
