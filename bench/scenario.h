// A synthetic ente for the benchmark: the rules of a typical regolamento
// (four objectives with a floor, a neutralisation and deadlines with a
// penalty per month started; five behaviours; 60 + 40; bands; a fund shared
// to the last cent) and data for any number of persons, generated
// deterministically so every run measures the same work.
#pragma once

#include <filesystem>
#include <string>

namespace misura::bench {

struct Scenario {
  int persons = 20000;
  unsigned seed = 2024;
};

// The regolamento's text. The baseline (baseline.cpp) hand-codes the same
// rules; keep the two in step.
std::string regolamento(const Scenario& s);

// Writes regolamento.misura and dati/{personale,rilevazioni,valutazioni}.csv
// under `dir` (created if missing).
void writeScenario(const Scenario& s, const std::filesystem::path& dir);

// The fund shared by the scenario's persons, in cents.
long fundCents(const Scenario& s);

}  // namespace misura::bench
