// Unit tests for `scaglioni` (sema codes E0290-E0295, the interpreter's
// Op::Scaglioni) and `valutato nel` (E0296/E0297, the weight check E0401).
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "compiler/ir/ir.h"
#include "runtime/interp/interp.h"
#include "tests/unit/sema_fixture.h"

using namespace misura;

namespace {

const char* kBase = R"(ente "Comune di Prova"
anno 2024
personale da "personale.csv" {
  matricola testo chiave
  profilo testo
  giudizio testo
}
dati rilevazioni da "rilevazioni.csv" chiave (matricola, obiettivo) {
  valore percentuale opzionale
}
indicatore gradini() su v: percentuale = scaglioni v { da 90% -> 100%  da 70% -> 50%  altrimenti -> 0% }
profilo responsabile {
  componente obiettivi fino a 60 punti da obiettivi
  componente giudizio fino a 40 punti = scaglioni giudizio { "Ottimo" -> 40 punti  "Buono" -> 30 punti  altrimenti -> 0 punti }
}
obiettivo OB1 "Uno" { assegnato a tutti  peso 60  misura gradini() su rilevazioni.valore }
obiettivo OB2 "Due" { assegnato a tutti  peso 40  misura gradini() su rilevazioni.valore }
)";

std::string edit(const char* from, const char* to) { return testing::edited(kBase, from, to); }

bool has(const std::vector<std::string>& codes, const char* code) {
  return std::find(codes.begin(), codes.end(), std::string(code)) != codes.end();
}

// A chunk that runs the step table `t` on the constant x.
ir::Value runSteps(ir::StepTable t, ir::Value x) {
  ir::Chunk c;
  c.consts.push_back(std::move(x));
  c.steps.push_back(std::move(t));
  c.code = {ir::Instr{ir::Op::PushConst, 0}, ir::Instr{ir::Op::Scaglioni, 0}, ir::Instr{ir::Op::Return}};
  interp::Result r = interp::run(c, interp::Context{});
  REQUIRE(std::holds_alternative<ir::Value>(r));
  return std::get<ir::Value>(r);
}

ir::StepTable table(ir::StepKind kind, std::vector<std::pair<ir::Value, ir::Value>> lines, ir::Value otherwise) {
  ir::StepTable t;
  t.kind = kind;
  t.lines = std::move(lines);
  t.otherwise = std::move(otherwise);
  return t;
}

}  // namespace

TEST_CASE("the scaglioni base regolamento is valid", "[scaglioni]") {
  CHECK(testing::errorCodes(kBase).empty());
}

TEST_CASE("scaglioni tables are checked", "[scaglioni]") {
  const std::vector<testing::EditRow> rows = {
      {"no altrimenti", "da 70% -> 50%  altrimenti -> 0% }", "da 70% -> 50% }", "E0290"},
      {"altrimenti not last", "da 70% -> 50%  altrimenti -> 0% }", "altrimenti -> 0%  da 70% -> 50% }", "E0290"},
      {"two altrimenti", "altrimenti -> 0% }", "altrimenti -> 0%  altrimenti -> 0% }", "E0290"},
      {"da mixed with fino a", "da 70% -> 50%", "fino a 70% -> 50%", "E0291"},
      {"text mixed with da", "da 70% -> 50%", "\"x\" -> 50%", "E0293"},
      {"da increasing", "da 70% -> 50%", "da 95% -> 50%", "E0292"},
      {"da repeated", "da 70% -> 50%", "da 90% -> 50%", "E0292"},
      {"fino a decreasing", "da 90% -> 100%  da 70% -> 50%", "fino a 90% -> 100%  fino a 70% -> 50%", "E0292"},
      {"threshold of another unit", "da 70% -> 50%", "da 70 punti -> 50%", "E0293"},
      {"threshold without unit", "da 70% -> 50%", "da 0,7 -> 50%", "E0293"},
      {"results of two units", "da 70% -> 50%", "da 70% -> 50 punti", "E0294"},
      {"duplicate text", "\"Buono\" -> 30 punti", "\"Ottimo\" -> 30 punti", "E0295"},
      {"indicator result in punti", "da 90% -> 100%  da 70% -> 50%  altrimenti -> 0%",
       "da 90% -> 100 punti  da 70% -> 50 punti  altrimenti -> 0 punti", "E0302"},
      {"fino a increasing is valid", "da 90% -> 100%  da 70% -> 50%", "fino a 70% -> 100%  fino a 90% -> 50%", nullptr},
      {"scaglioni inside an expression", "= scaglioni v {", "= minimo(100%, v) * 0 + scaglioni v {", nullptr},
  };
  for (const testing::EditRow& r : rows) {
    SECTION(r.what) {
      auto codes = testing::errorCodes(edit(r.from, r.to));
      std::string all;
      for (const auto& c : codes) all += c + " ";
      INFO("diagnostics: " << all);
      if (r.code) CHECK(has(codes, r.code));
      else CHECK(codes.empty());
    }
  }
}

TEST_CASE("valutato nel takes an objective out of other years' weights", "[valutato]") {
  const std::vector<testing::EditRow> rows = {
      {"other year: OB2 left out, sum 60", "peso 40", "peso 40  valutato nel 2025", "E0401"},
      {"this year among others", "peso 40", "peso 40  valutato negli anni 2023, 2024", nullptr},
      {"other year, weight moved", "peso 60  misura", "peso 100  misura", "E0401"},
      {"implausible year", "peso 40", "peso 40  valutato nel 24", "E0296"},
      {"decimal year", "peso 40", "peso 40  valutato nel 2024,5", "E0296"},
      {"repeated year", "peso 40", "peso 40  valutato negli anni 2024, 2024", "E0297"},
      {"two lines", "peso 40", "peso 40  valutato nel 2024  valutato nel 2024", "E0212"},
  };
  for (const testing::EditRow& r : rows) {
    SECTION(r.what) {
      auto codes = testing::errorCodes(edit(r.from, r.to));
      std::string all;
      for (const auto& c : codes) all += c + " ";
      INFO("diagnostics: " << all);
      if (r.code) CHECK(has(codes, r.code));
      else CHECK(codes.empty());
    }
  }
  SECTION("a year-limited objective with the rest at 100 is valid") {
    std::string text = edit("peso 60  misura", "peso 100  misura");
    text = testing::edited(text, "peso 40", "peso 40  valutato nel 2023");
    CHECK(testing::errorCodes(text).empty());
  }
}

TEST_CASE("ir::evaluatedIn", "[valutato]") {
  ir::Objective o;
  CHECK(ir::evaluatedIn(o, 2024));
  o.years = {2024, 2026};
  CHECK(ir::evaluatedIn(o, 2026));
  CHECK_FALSE(ir::evaluatedIn(o, 2025));
}

TEST_CASE("Op::Scaglioni: first line met, altrimenti, Missing", "[scaglioni][interp]") {
  using V = ir::Value;
  auto da = table(ir::StepKind::Da, {{V{Rational(9, 10)}, V{Rational(1)}}, {V{Rational(7, 10)}, V{Rational(1, 2)}}},
                  V{Rational(0)});
  CHECK(std::get<Rational>(runSteps(da, V{Rational(95, 100)})) == Rational(1));
  CHECK(std::get<Rational>(runSteps(da, V{Rational(9, 10)})) == Rational(1));   // on the threshold
  CHECK(std::get<Rational>(runSteps(da, V{Rational(7, 10)})) == Rational(1, 2));
  CHECK(std::get<Rational>(runSteps(da, V{Rational(6999, 10000)})) == Rational(0));
  CHECK(std::holds_alternative<ir::Missing>(runSteps(da, V{ir::Missing{}})));

  auto finoA = table(ir::StepKind::FinoA, {{V{Rational(0)}, V{Rational(1)}}, {V{Rational(10)}, V{Rational(3, 5)}}},
                     V{Rational(0)});
  CHECK(std::get<Rational>(runSteps(finoA, V{Rational(0)})) == Rational(1));
  CHECK(std::get<Rational>(runSteps(finoA, V{Rational(10)})) == Rational(3, 5));
  CHECK(std::get<Rational>(runSteps(finoA, V{Rational(11)})) == Rational(0));

  auto dates = table(ir::StepKind::FinoA, {{V{*Date::fromYmd(2024, 1, 15)}, V{Rational(1)}}}, V{Rational(0)});
  CHECK(std::get<Rational>(runSteps(dates, V{*Date::fromYmd(2024, 1, 15)})) == Rational(1));
  CHECK(std::get<Rational>(runSteps(dates, V{*Date::fromYmd(2024, 1, 16)})) == Rational(0));

  auto texts = table(ir::StepKind::Testo, {{V{std::string("Ottimo")}, V{Rational(40)}}, {V{std::string("Buono")}, V{Rational(30)}}},
                     V{Rational(0)});
  CHECK(std::get<Rational>(runSteps(texts, V{std::string("Buono")})) == Rational(30));
  CHECK(std::get<Rational>(runSteps(texts, V{std::string("buono")})) == Rational(0));  // exact text only
  CHECK(std::holds_alternative<ir::Missing>(runSteps(texts, V{ir::Missing{}})));
}

TEST_CASE("fasi of an objective are checked", "[fasi]") {
  std::string base = kBase;
  base = testing::edited(base, "dati rilevazioni da", "dati fasi_dati da \"fasi.csv\" chiave (obiettivo, fase) {\n  valore percentuale opzionale\n}\ndati rilevazioni da");
  base = testing::edited(base, "peso 40  misura gradini() su rilevazioni.valore",
                         "peso 40  fasi { F1 \"Uno\" peso 40 termine 15/01/2024  F2 \"Due\" peso 60 termine 30/01/2024 }"
                         "  misura gradini() su fasi_dati.valore");
  CHECK(testing::errorCodes(base).empty());
  const std::vector<testing::EditRow> rows = {
      {"repeated phase", "F2 \"Due\"", "F1 \"Due\"", "E0298"},
      {"empty phases", "F1 \"Uno\" peso 40 termine 15/01/2024  F2 \"Due\" peso 60 termine 30/01/2024", "", "E0298"},
      {"zero phase weight", "peso 60 termine 30/01/2024", "peso 0 termine 30/01/2024", "E0450"},
      {"termine also on the objective", "peso 40  fasi", "peso 40  termine 31/12/2024  fasi", "E0451"},
      {"table without fase", "su fasi_dati.valore", "su rilevazioni.valore", "E0452"},
      {"fase key without phases", "peso 60  misura gradini() su rilevazioni.valore", "peso 60  misura gradini() su fasi_dati.valore", "E0452"},
      {"unknown key column", "chiave (obiettivo, fase)", "chiave (obiettivo, fasi)", "E0208"},
  };
  for (const testing::EditRow& r : rows) {
    SECTION(r.what) {
      auto codes = testing::errorCodes(testing::edited(base, r.from, r.to));
      std::string all;
      for (const auto& c : codes) all += c + " ";
      INFO("diagnostics: " << all);
      CHECK(has(codes, r.code));
    }
  }
}
