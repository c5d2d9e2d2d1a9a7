// The same rules as scenario.cpp's regolamento, written by hand in C++ the
// way a careful programmer would for one ente: exact rationals (GMP), the
// CSV files read directly, no interpretation. The benchmark's yardstick.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace misura::bench {

struct Outcome {
  std::string matricola;
  long totalHundredths = 0;  // the total rounded to 2 decimals, x 100
  int band = 0;              // 0 = Ottimo ... 3 = Insufficiente
  long premioCents = 0;
};

// Evaluates the scenario's data folder; throws std::runtime_error on data it
// did not write itself.
std::vector<Outcome> evaluateBaseline(const std::filesystem::path& dataDir, long fundCents);

}  // namespace misura::bench
