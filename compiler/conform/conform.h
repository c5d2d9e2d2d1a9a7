// The conformance check (`misura verifica --anno`): the legal requirements
// of a checked regolamento (`requisito` blocks, usually from the stdlib
// modules) applied, for one evaluation year, to each profile or, with the
// staff list, to each person. Produces a Report (printed by print_text.cpp
// and print_json.cpp) and one diagnostic per failing check (E0840-E0849,
// W0840-W0849), each citing the article.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/sema/checked.h"
#include "compiler/sema/effective.h"
#include "compiler/support/diagnostics.h"

namespace misura::conform {

// A person of the staff list, as the runtime read it (cli builds it).
struct Person {
  std::string matricola;
  std::string name;  // nominativo, if the staff list has one
  uint32_t profile = 0;
  std::vector<uint32_t> objectives;  // assigned to this person
  std::vector<Rational> weights;     // parallel to objectives; empty: the objectives' declared weights
  Span span;                         // the staff-list row
  std::vector<std::string> roles = {};  // the roles by condition (`ruolo R = personale dove C`) the person is in
};

struct Options {
  int year = 0;
  std::optional<std::vector<Person>> staff;  // --personale: per person; otherwise per profile
  std::vector<ir::ModuleVersion> modules;    // the modules used, recorded in the report
};

enum class Outcome { Conforme, NonConforme, NonApplicabile };

// One requirement for one subject (a profile, a person, or the plan).
struct Check {
  std::string subject;  // "profilo responsabile", "0001 Rossi Mario", "piano"
  std::string matricola;  // with the staff list
  std::string profile;    // the subject's profile, if any
  Outcome outcome = Outcome::NonApplicabile;
  std::vector<std::string> details;  // one line per demand, Italian
  bool warningOnly = false;          // every failure of this check is a warning
};

struct RequirementReport {
  const sema::RequirementInfo* info = nullptr;
  bool inForce = false;
  std::string addressees;  // "ruolo pagatori_fatture = profilo responsabile", "tutti", "il piano"
  std::vector<Check> checks;
};

struct Report {
  std::string ente;
  int year = 0;
  bool perPerson = false;
  std::vector<ir::ModuleVersion> modules;
  std::vector<sema::ProfileShares> weights;  // per evaluated profile (objectives assigned to the whole profile)
  std::vector<RequirementReport> requirements;
  size_t errors = 0, warnings = 0;
};

Report verify(const sema::Checked& checked, const Options& options, Diagnostics& diags);

std::string printText(const sema::Checked& checked, const Report& report);
std::string printJson(const sema::Checked& checked, const Report& report);

// "18%", "33,33…%" (exact up to 2 decimals, "…" if rounded).
std::string percent(const Rational& fraction);

}  // namespace misura::conform
