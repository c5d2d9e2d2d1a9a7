// Internal to runtime/prova: one score expectation against an evaluated
// person's result. Each check returns nullopt when the expectation is met,
// else the failure message ("atteso totale 88,50, ottenuto 88,33").
#pragma once

#include <optional>
#include <string>

#include "compiler/ir/ir.h"
#include "runtime/eval/results.h"

namespace misura::prova {

using Check = std::optional<std::string>;

Check checkTotal(const ir::Profile& profile, const eval::PersonResult& person, const ir::Expectation& e);
Check checkBand(const ir::Profile& profile, const eval::PersonResult& person, const ir::Expectation& e);
Check checkPremio(const ir::Profile& profile, const eval::PersonResult& person, const ir::Expectation& e);
Check checkComponent(const ir::Profile& profile, const eval::PersonResult& person, const ir::Expectation& e);
Check checkEsito(const ir::Module& module, const eval::PersonResult& person, const ir::Expectation& e);

// A total with the profile's decimals (2 without a rounding rule), or more
// when the value needs them: "88,50", "88,505", "0,958333…".
std::string totalText(const ir::Profile& profile, const Rational& total);

}  // namespace misura::prova
