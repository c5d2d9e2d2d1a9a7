// The checks of `prova` blocks, table-driven: each row edits a valid
// regolamento with one prova and says which code must appear (or none).
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "compiler/sema/checked.h"
#include "tests/unit/sema_fixture.h"
#include "compiler/syntax/parse.h"

using namespace misura;

namespace {

const char* kRules = R"(ente "Comune di Prova"
anno 2024
personale da "personale.csv" {
  matricola testo chiave
  profilo testo
  posizione euro
}
dati rilevazioni da "rilevazioni.csv" chiave (matricola, obiettivo) {
  valore percentuale opzionale
}
indicatore lineare() su v: percentuale = minimo(100%, v)
profilo responsabile {
  componente obiettivi fino a 100 punti da obiettivi
  totale arrotondato a 2 decimali
  fasce {
    "Ottimo" da 90 punti -> 100%
    "Insufficiente" altrimenti -> 0%
  }
  premio = posizione * 20% * fascia
}
obiettivo OB1 "Uno" { assegnato a tutti  peso 100  misura lineare() su rilevazioni.valore }
prova "Caso" {
  dati "dati"
  persona "R01"
  attendi totale = 92,00
  attendi fascia = "Ottimo"
  attendi premio = 1.247,35 euro
  attendi componente obiettivi = 92 punti
  attendi esito OB1 = 92%
}
)";

}  // namespace

TEST_CASE("a regolamento with a valid prova checks cleanly", "[sema][prova]") {
  std::vector<sema::ProvaInfo> prove;
  CHECK(testing::errorCodes(kRules, [&](const sema::Checked& c) { prove = c.prove; }).empty());
  REQUIRE(prove.size() == 1);
  const sema::ProvaInfo& p = prove[0];
  CHECK(p.dataDir == "dati");
  CHECK(p.person == "R01");
  REQUIRE(p.expectations.size() == 5);
  CHECK(p.expectations[0].number == Rational(92));            // 92,00 = 92
  CHECK(p.expectations[1].text == "Ottimo");
  CHECK(p.expectations[2].number == Rational(124735, 100));
  CHECK(p.expectations[3].text == "obiettivi");
  CHECK(p.expectations[4].number == Rational(23, 25));         // 92% as a fraction
  CHECK(p.expectations[4].objective == 0);
}

TEST_CASE("prova checks report their stable codes", "[sema][prova]") {
  const std::vector<testing::EditRow> rows = {
      {"no data folder", "  dati \"dati\"\n", "", "E0211"},
      {"no person", "  persona \"R01\"\n", "", "E0211"},
      {"fewer expectations", "  attendi esito OB1 = 92%\n", "", nullptr},
      {"two persons", "persona \"R01\"", "persona \"R01\" persona \"R02\"", "E0212"},
      {"expectation repeated", "attendi totale = 92,00", "attendi totale = 92,00 attendi totale = 92", "E0212"},
      {"unknown component", "componente obiettivi = 92", "componente obiettivo = 92", "E0240"},
      {"unknown objective", "esito OB1", "esito OB2", "E0241"},
      {"unknown band", "fascia = \"Ottimo\"", "fascia = \"Buono\"", "E0242"},
      {"non valutato with a score", "attendi totale = 92,00", "attendi non valutato", "E0243"},
      {"non valutato and an error", "  attendi totale = 92,00\n  attendi fascia = \"Ottimo\"\n"
       "  attendi premio = 1.247,35 euro\n  attendi componente obiettivi = 92 punti\n  attendi esito OB1 = 92%\n",
       "  attendi non valutato\n  attendi errore E0602\n", "E0243"},
      {"totale in euro", "totale = 92,00", "totale = 92 euro", "E0340"},
      {"totale as an expression", "totale = 92,00", "totale = 90 + 2", "E0340"},
      {"premio without euro", "premio = 1.247,35 euro", "premio = 1.247,35", "E0340"},
      {"premio beyond the cent", "premio = 1.247,35 euro", "premio = 1.247,355 euro", "E0340"},
      {"esito without %", "esito OB1 = 92%", "esito OB1 = 0,92", "E0340"},
      {"esito above 100%", "esito OB1 = 92%", "esito OB1 = 101%", "E0340"},
      {"fascia not a text", "fascia = \"Ottimo\"", "fascia = 100%", "E0340"},
      {"component in euro", "componente obiettivi = 92 punti", "componente obiettivi = 92 euro", "E0340"},
      {"malformed error code", "attendi totale = 92,00", "attendi errore E062", "E0341"},
      // Rows that must stay valid.
      {"totale in punti", "totale = 92,00", "totale = 92 punti", nullptr},
      {"esito neutralizzato", "esito OB1 = 92%", "esito OB1 = neutralizzato", nullptr},
      {"only an error", "  attendi totale = 92,00\n  attendi fascia = \"Ottimo\"\n"
       "  attendi premio = 1.247,35 euro\n  attendi componente obiettivi = 92 punti\n  attendi esito OB1 = 92%\n",
       "  attendi errore E0602\n  attendi errore E0505\n", nullptr},
  };
  testing::checkEditRows(kRules, rows);
}

TEST_CASE("a prova without any attendi is an error", "[sema][prova]") {
  std::string s = kRules;
  auto from = s.find("  attendi totale");
  auto to = s.find("}\n", from);
  s.erase(from, to - from);
  auto codes = testing::errorCodes(s);
  CHECK(codes == std::vector<std::string>{"E0211"});
}
