// Scoring on several threads gives the same results and the same messages
// as on one (runtime/eval/parallel.h): every example and a few cases with
// persons in error, evaluated with one thread and with three threads of one
// person each at least, compared as their JSON, CSV and rendered diagnostics.
#include <catch2/catch.hpp>

#include <string>

#include "compiler/driver/driver.h"
#include "runtime/eval/evaluate.h"
#include "runtime/eval/parallel.h"
#include "runtime/report/report.h"

using namespace misura;

namespace {

const std::string kRoot = MISURA_SOURCE_DIR;

// Everything an evaluation shows: JSON, CSV and the diagnostics as printed.
std::string evaluated(const std::string& rules, const std::string& dataDir, unsigned threads) {
  Compilation c;
  CompileOptions options;
  options.stdlibDirs = {kRoot + "/stdlib"};
  REQUIRE(compileFile(rules, c, Stage::Lower, options));
  eval::Options run{dataDir};
  run.trace = true;
  run.threads = threads;
  run.minPersonsPerThread = 1;
  std::optional<eval::Evaluation> e = eval::evaluate(*c.module, run, c.sources, c.diags);
  std::string out = render(c.sources, c.diags.all());
  if (e) {
    const ir::Module& plan = eval::planOf(*c.module, *e);  // with the objectives read from the data
    out += report::json(plan, *e, c.sources) + report::csv(plan, *e);
  }
  return out;
}

}  // namespace

TEST_CASE("Threads do not change results or messages", "[parallel]") {
  const std::string examples[] = {"bellusco-mezzago-2017", "casalbuttano-2024", "casalmorano-2024", "chieve-2020",
                                  "lurano-2024", "montebello-2023-2024", "rivalta-2024", "valdoria-2024"};
  for (const std::string& name : examples) {
    SECTION(name) {
      const std::string dir = kRoot + "/examples/" + name;
      const std::string one = evaluated(dir + "/regolamento.misura", dir + "/dati", 1);
      CHECK(one.find("\"persone\"") != std::string::npos);
      CHECK(evaluated(dir + "/regolamento.misura", dir + "/dati", 3) == one);
    }
  }
  const std::string withErrors[] = {"fondo/err/persona_in_errore", "graduatoria/err/persona_in_errore",
                                    "misure/err/non_rilevato"};
  for (const std::string& name : withErrors) {
    SECTION(name) {
      const std::string base = kRoot + "/tests/golden/" + name;
      const std::string one = evaluated(base + ".misura", base + ".dati", 1);
      CHECK(one.find("errore[E06") != std::string::npos);
      CHECK(evaluated(base + ".misura", base + ".dati", 3) == one);
    }
  }
}

TEST_CASE("forEachPerson visits every person once, in chunks", "[parallel]") {
  for (size_t n : {0, 1, 2, 7, 100}) {
    std::vector<int> seen(n, 0);
    Diagnostics diags;
    eval::forEachPerson(n, eval::Parallelism{4, 1}, diags, [&](size_t i, Diagnostics& d) {
      ++seen[i];
      d.warning("A0000", Span{}, std::to_string(i));
    });
    for (int s : seen) CHECK(s == 1);
    // The messages come back in person order, whatever thread reported them.
    REQUIRE(diags.all().size() == n);
    for (size_t i = 0; i < n; ++i) CHECK(diags.all()[i].message == std::to_string(i));
  }
}

TEST_CASE("An exception in a chunk reaches the caller after all threads stop", "[parallel]") {
  Diagnostics diags;
  CHECK_THROWS_AS(eval::forEachPerson(50, eval::Parallelism{3, 1}, diags,
                                      [](size_t i, Diagnostics&) {
                                        if (i == 40) throw InternalError{"prova"};
                                      }),
                  InternalError);
}
