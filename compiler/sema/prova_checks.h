// Internal to compiler/sema: the checks of one `attendi` line of a `prova`
// (check_expectation.cpp), used by Checker::checkProve (check_prova.cpp).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/sema/checked.h"
#include "compiler/support/diagnostics.h"

namespace misura::sema {

// The names an `attendi` line may refer to, across all profiles.
struct ProvaNames {
  const std::map<std::string, uint32_t>& objectives;  // code -> index
  std::vector<std::string> components;                // every component name of every profile
  std::vector<std::string> bands;                     // every band label of every profile
  std::vector<std::string> rankings = {};             // every graduatoria, in declaration order
  std::vector<bool> rankingHasPlaces = {};            // parallel: it has `posti` (winners)
  bool objectivesFromData = false;  // `obiettivi da`: a code may be read from the data
};

// What an expectation is about: "il totale", "la componente «obiettivi»",
// "l'esito di «OB1»", "l'errore E0602", ...
std::string subject(const ast::Expectation& e);

// Reads the expected value of `e` and resolves its names, reporting
// E0240-E0242 (unknown component, objective, band), E0340 (a value of the
// wrong kind or unit) and E0341 (a malformed error code). Nullopt if any.
std::optional<ExpectationInfo> checkExpectation(Diagnostics& diags, const ProvaNames& names,
                                                const ast::Expectation& e);

}  // namespace misura::sema
