// Effective weights (compiler/sema/effective.h) and the conformance check
// (compiler/conform): shares through components and the premio formula,
// thresholds, roles, validity by year.
#include <catch2/catch.hpp>

#include "compiler/conform/conform.h"
#include "compiler/sema/effective.h"
#include "sema_fixture.h"

namespace misura {

namespace {

const char* const kBase = R"(
ente "Comune di Prova"
anno 2024
personale da "p.csv" {
  matricola     testo chiave
  profilo       testo
  monte_salari  euro
}
dati r da "r.csv" chiave (obiettivo) {
  v  percentuale
}
dati val da "val.csv" chiave (matricola, comportamento) {
  voto  numero
}
indicatore pieno() su v: percentuale = v
profilo resp {
  componente obiettivi fino a 60 punti da obiettivi
  componente comportamenti fino a 40 punti da comportamenti
  premio = monte_salari * 10% * fascia
  fasce {
    "Tutto" da 50 punti -> 100%
    "Niente" altrimenti -> 0%
  }
}
obiettivo A "A" {
  assegnato a tutti
  peso 70
  misura pieno() su r.v
}
obiettivo P "Pagamenti" {
  assegnato a tutti
  peso 30
  misura pieno() su r.v
  tema tempi_pagamento
}
comportamenti per resp {
  scala da 1 a 10
  voti da val.voto
  C1 "C1" peso 30
  C2 "C2" peso 10
}
ruolo pagatori = profilo resp
requisito tp "Tempi di pagamento" {
  citazione "art. 4-bis"
  vigente dal 22/04/2023
  si applica a ruolo pagatori
  richiede obiettivo con tema tempi_pagamento peso effettivo almeno 30%
}
)";

// The share of `code` for the first profile, over the objectives of the whole profile.
Rational scoreShare(const sema::Checked& c, const std::string& code, bool premio = false) {
  bool dynamic = false;
  sema::ProfileShares ps = sema::effectiveShares(c, 0, sema::profileObjectives(c, 0, dynamic));
  for (const sema::Share& s : ps.shares)
    if (s.code == code) return premio ? s.ofPremio.value_or(Rational(-1)) : s.ofScore;
  FAIL("no share " << code);
  return {};
}

struct Verified {
  std::vector<std::string> codes;
  std::vector<bool> inForce;
};

Verified verify(const std::string& text, int year, std::optional<std::vector<conform::Person>> staff = std::nullopt) {
  Verified out;
  Diagnostics diags;
  bool checked = false;
  testing::errorCodes(text, [&](const sema::Checked& c) {
    checked = true;
    conform::Report r = conform::verify(c, conform::Options{year, staff, {}}, diags);
    for (const conform::RequirementReport& rr : r.requirements) out.inForce.push_back(rr.inForce);
  });
  REQUIRE(checked);  // the text itself is valid
  for (const Diagnostic& d : diags.all()) out.codes.push_back(d.code);
  return out;
}

}  // namespace

TEST_CASE("effective weights go through the components", "[conform]") {
  CHECK(testing::errorCodes(kBase).empty());
  testing::errorCodes(kBase, [](const sema::Checked& c) {
    CHECK(scoreShare(c, "obiettivi") == Rational(3, 5));
    CHECK(scoreShare(c, "P") == Rational(18, 100));  // 60/100 x 30/100
    CHECK(scoreShare(c, "A") == Rational(42, 100));
    CHECK(scoreShare(c, "C1") == Rational(30, 100));  // 40/100 x 3/4
    CHECK(scoreShare(c, "P", true) == Rational(-1));  // premio by fascia: no money share
  });
}

TEST_CASE("a premio split by esito gives each objective's share of the money", "[conform]") {
  std::string text = testing::edited(kBase, "premio = monte_salari * 10% * fascia",
                                     "premio = monte_salari * (8% * esito(A) + 2% * esito(P)) * 50%");
  CHECK(testing::errorCodes(text).empty());
  testing::errorCodes(text, [](const sema::Checked& c) {
    CHECK(scoreShare(c, "P", true) == Rational(1, 5));
    CHECK(scoreShare(c, "A", true) == Rational(4, 5));
    CHECK(scoreShare(c, "comportamenti", true) == Rational(0));
  });
  std::string twoBases = testing::edited(kBase, "premio = monte_salari * 10% * fascia",
                                         "premio = monte_salari * 8% * esito(A) + 100 euro * esito(P)");
  CHECK(testing::errorCodes(twoBases).empty());
  testing::errorCodes(twoBases, [](const sema::Checked& c) { CHECK(scoreShare(c, "P", true) == Rational(-1)); });
  std::string conditional = testing::edited(kBase, "premio = monte_salari * 10% * fascia",
                                            "premio = se esito(P) >= 100% allora monte_salari * 10% altrimenti 0 euro");
  CHECK(testing::errorCodes(conditional).empty());
  testing::errorCodes(conditional, [](const sema::Checked& c) { CHECK(scoreShare(c, "P", true) == Rational(-1)); });
}

TEST_CASE("a gate on an esito withholds its share of the premio", "[conform]") {
  std::string gated = testing::edited(kBase, "premio = monte_salari * 10% * fascia",
                                      "premio = monte_salari * 10% * fascia * (se esito(P) >= 100% allora 100% altrimenti 70%)");
  CHECK(testing::errorCodes(gated).empty());
  testing::errorCodes(gated, [](const sema::Checked& c) {
    std::map<uint32_t, Rational> gates = sema::premioGates(c, 0);
    REQUIRE(gates.size() == 1);
    CHECK(gates.begin()->second == Rational(3, 10));
  });
  CHECK(verify(gated, 2024).codes.empty());  // 18% of the score, but 30% of the premio gated
  std::string weak = testing::edited(gated, "altrimenti 70%", "altrimenti 80%");
  CHECK(verify(weak, 2024).codes == std::vector<std::string>{"E0843"});  // 20% gated, 18% of the score
  const char* line = "peso effettivo almeno 30%\n";
  const char* withWarning = "peso effettivo almeno 30%\n  avviso se senza soglia \"quota trattenuta\"\n";
  CHECK(verify(testing::edited(gated, line, withWarning), 2024).codes.empty());
  CHECK(verify(testing::edited(kBase, line, withWarning), 2024).codes == std::vector<std::string>{"E0843", "W0849"});
}

TEST_CASE("a legal minimum is checked on the effective share", "[conform]") {
  CHECK(verify(kBase, 2024).codes == std::vector<std::string>{"E0843"});  // 18% < 30%
  // The same objective, for a profile scored on objectives only.
  std::string all = testing::edited(kBase, "fino a 60 punti da obiettivi", "fino a 100 punti da obiettivi");
  all = testing::edited(all, "  componente comportamenti fino a 40 punti da comportamenti\n", "");
  all = testing::edited(all, "comportamenti per resp {", "comportamenti per altro {");
  all = testing::edited(all, "ruolo pagatori = profilo resp",
                        "profilo altro {\n componente c fino a 40 punti da comportamenti\n"
                        " componente extra fino a 60 punti = 60 punti\n}\nruolo pagatori = profilo resp");
  CHECK(verify(all, 2024).codes.empty());  // 30% of the score: accepted
  std::string strict = testing::edited(all, "almeno 30%", "oltre 30%");
  CHECK(verify(strict, 2024).codes == std::vector<std::string>{"E0843"});
}

TEST_CASE("requirements not in force are reported, not checked", "[conform]") {
  Verified v2022 = verify(kBase, 2022);
  CHECK(v2022.codes.empty());
  CHECK(v2022.inForce == std::vector<bool>{false});
  CHECK(verify(kBase, 2023).inForce == std::vector<bool>{true});  // in force from 22/04/2023
  std::string ended = testing::edited(kBase, "vigente dal 22/04/2023", "vigente dal 22/04/2023 al 31/12/2023");
  CHECK(verify(ended, 2024).inForce == std::vector<bool>{false});
}

TEST_CASE("roles decide who a requirement applies to", "[conform]") {
  CHECK(verify(testing::edited(kBase, "= profilo resp", "= nessuno"), 2024).codes.empty());
  std::string undefined = testing::edited(kBase, "ruolo pagatori = profilo resp", "");
  CHECK(verify(undefined, 2024).codes == std::vector<std::string>{"E0840"});
  std::string warning = testing::edited(undefined, "  si applica", "  livello avviso\n  si applica");
  CHECK(verify(warning, 2024).codes == std::vector<std::string>{"W0840"});
}

TEST_CASE("without the staff list, objectives assigned person by person make a failure uncertain", "[conform]") {
  std::string dynamic = testing::edited(kBase, "obiettivo P \"Pagamenti\" {\n  assegnato a tutti", "obiettivo P \"Pagamenti\" {\n  assegnato a \"0001\"");
  CHECK(verify(dynamic, 2024).codes == std::vector<std::string>{"W0842"});  // P not counted: may be there
}

TEST_CASE("with the staff list, each person is checked with their own objectives and weights", "[conform]") {
  std::string byPerson = testing::edited(kBase, "ruolo pagatori = profilo resp", "ruolo pagatori = \"0001\"");
  std::vector<conform::Person> staff = {
      {"0001", "", 0, {0, 1}, {}, {}},              // A 70, P 30: 18%
      {"0002", "", 0, {0, 1}, {}, {}},              // not in the role
  };
  Verified v = verify(byPerson, 2024, staff);
  CHECK(v.codes == std::vector<std::string>{"E0843"});
  staff[0].weights = {Rational(50), Rational(50)};  // the person's own weights: 60% x 50/100 = 30%
  CHECK(verify(byPerson, 2024, staff).codes.empty());
  CHECK(verify(byPerson, 2024).codes == std::vector<std::string>{"W0841"});  // by matricola, no staff list
}

}  // namespace misura
