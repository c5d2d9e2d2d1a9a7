// misura_bench: how much slower than hand-written C++ is a regolamento run by
// Misura? Generates a synthetic ente (scenario.h), evaluates it with Misura
// (compile + load + evaluate, as `misura valuta` does minus the printing)
// and with the hand-written baseline (baseline.h) in the same process, checks
// that both give every person the same total, band and cents, and prints the
// median times and their ratio. Times are printed, never asserted.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>

#include "bench/baseline.h"
#include "bench/scenario.h"
#include "compiler/driver/driver.h"
#include "runtime/eval/evaluate.h"

namespace fs = std::filesystem;
using namespace misura;

namespace {

struct Timed {
  double compileMs = 0, evaluateMs = 0;
};

double msSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

long hundredths(const Rational& x) { return (x * 100).toLong().value_or(-1); }

std::vector<bench::Outcome> runMisura(const fs::path& dir, Timed& timed) {
  auto t0 = std::chrono::steady_clock::now();
  Compilation c;
  if (!compileFile((dir / "regolamento.misura").string(), c) || c.diags.hasErrors()) {
    std::cerr << render(c.sources, c.diags.all());
    throw std::runtime_error("the scenario does not compile");
  }
  timed.compileMs = msSince(t0);
  t0 = std::chrono::steady_clock::now();
  eval::Options options;
  options.dataDir = dir / "dati";
  auto evaluation = eval::evaluate(*c.module, options, c.sources, c.diags);
  timed.evaluateMs = msSince(t0);
  if (!evaluation || c.diags.hasErrors()) {
    std::cerr << render(c.sources, c.diags.all());
    throw std::runtime_error("the scenario does not evaluate");
  }
  std::vector<bench::Outcome> out;
  for (const eval::PersonResult& p : evaluation->persons)
    out.push_back({p.matricola, hundredths(p.total), p.band ? static_cast<int>(*p.band) : -1,
                   p.premio ? hundredths(*p.premio) : -1});
  return out;
}

// Index of the first person on whom the two evaluations differ, or -1.
long firstDifference(const std::vector<bench::Outcome>& a, const std::vector<bench::Outcome>& b) {
  if (a.size() != b.size()) return 0;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].matricola != b[i].matricola || a[i].totalHundredths != b[i].totalHundredths ||
        a[i].band != b[i].band || a[i].premioCents != b[i].premioCents)
      return static_cast<long>(i);
  return -1;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

void describe(const char* who, const bench::Outcome& o) {
  std::cerr << fmt::format("  {}: {} total {} band {} premio {} cents\n", who, o.matricola, o.totalHundredths, o.band,
                           o.premioCents);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Misura benchmark: Misura against a hand-written C++ baseline of the same rules"};
  bench::Scenario scenario;
  int repetitions = 5;
  std::string folder;
  app.add_option("--persone", scenario.persons, "persons in the synthetic ente")->check(CLI::Range(1, 10000000));
  app.add_option("--ripetizioni", repetitions, "timed runs (the median is reported)")->check(CLI::Range(1, 1000));
  app.add_option("--cartella", folder, "where to write the scenario (default: a temporary folder)");
  CLI11_PARSE(app, argc, argv);

  fs::path dir = folder.empty() ? fs::temp_directory_path() / fmt::format("misura-bench-{}", scenario.persons) : fs::path(folder);
  try {
    bench::writeScenario(scenario, dir);
    std::vector<double> misuraMs, compileMs, baselineMs;
    for (int r = 0; r < repetitions; ++r) {
      Timed timed;
      auto ours = runMisura(dir, timed);
      auto t0 = std::chrono::steady_clock::now();
      auto theirs = bench::evaluateBaseline(dir / "dati", bench::fundCents(scenario));
      baselineMs.push_back(msSince(t0));
      misuraMs.push_back(timed.compileMs + timed.evaluateMs);
      compileMs.push_back(timed.compileMs);
      if (long i = firstDifference(ours, theirs); i >= 0) {
        std::cerr << "MISMATCH between Misura and the baseline at person " << i << ":\n";
        if (static_cast<size_t>(i) < ours.size()) describe("misura  ", ours[static_cast<size_t>(i)]);
        if (static_cast<size_t>(i) < theirs.size()) describe("baseline", theirs[static_cast<size_t>(i)]);
        return 1;
      }
    }
    double ours = median(misuraMs), theirs = median(baselineMs);
    std::cout << fmt::format("scenario: {} persons, 4 objectives, 5 behaviours, a fund to the cent ({})\n",
                             scenario.persons, dir.string());
    std::cout << "results: identical for every person (total, band, cents)\n";
    std::cout << fmt::format("misura (compile + load + evaluate): {:.1f} ms, of which compile {:.1f} ms\n", ours,
                             median(compileMs));
    std::cout << fmt::format("hand-written C++ baseline:          {:.1f} ms\n", theirs);
    std::cout << fmt::format("ratio misura / baseline:            {:.2f} (median of {} runs)\n", ours / theirs,
                             repetitions);
  } catch (const std::exception& e) {
    std::cerr << "misura_bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
