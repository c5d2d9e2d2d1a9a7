// Names inside aggregates and lookups (compiler/sema/check_lookup.cpp): no
// silent shadowing (E0310), no comparison of an expression with itself
// (E0311), `persona.campo` (E0312), lookups on keyed tables (E0314-E0318).
#include <catch2/catch.hpp>

#include "tests/unit/sema_fixture.h"

namespace misura {

namespace {

const char* kLookupBase = R"(ente "Comune di Prova"
anno 2024
personale da "personale.csv" {
  matricola  testo chiave
  profilo    testo
  settore    testo
}
dati assegnazioni da "assegnazioni.csv" {
  matricola  testo
  ore        numero
}
dati incarichi da "incarichi.csv" chiave (matricola) {
  posizione  euro
}
dati per_settore da "settori.csv" chiave (settore) {
  quota  percentuale
}
dati fondi da "fondo.csv" chiave anno {
  importo  euro
}
profilo dipendente {
  componente progetti fino a 100 punti = conta(assegnazioni dove assegnazioni.matricola = persona.matricola) * 1 punto
  premio = incarichi.posizione * per_settore.quota
}
fondo f {
  importo = fondi.importo di "2024"
  quota = totale
}
)";

}  // namespace

TEST_CASE("qualified names and lookups", "[ricerche]") {
  CHECK(testing::errorCodes(kLookupBase).empty());
  const std::vector<testing::EditRow> rows = {
      {"row column shadowing a staff field", "assegnazioni.matricola = persona.matricola", "matricola = persona.matricola", "E0310"},
      {"column compared with itself", "assegnazioni.matricola = persona.matricola",
       "assegnazioni.matricola = assegnazioni.matricola", "E0311"},
      {"staff field compared with itself", "assegnazioni.matricola = persona.matricola", "persona.matricola = persona.matricola", "E0311"},
      {"unknown staff field", "persona.matricola", "persona.matricol", "E0312"},
      {"persona without a person", "fondi.importo di \"2024\"", "fondi.importo di \"2024\" * conta(assegnazioni dove persona.matricola = \"1\")", "E0312"},
      {"person lookup without a person", "fondi.importo di \"2024\"", "incarichi.posizione", "E0314"},
      {"free key not given", "fondi.importo di \"2024\"", "fondi.importo", "E0315"},
      {"key value too many", "fondi.importo di \"2024\"", "fondi.importo di (\"2024\", \"2025\")", "E0315"},
      {"register read as a row", "incarichi.posizione * per_settore.quota", "assegnazioni.ore * 1 euro", "E0316"},
      {"importo not in euro", "fondi.importo di \"2024\"", "100", "E0318"},
      {"typo in a key column", "chiave anno", "chiave (matricla)", "E0208"},
      {"literal compared with itself is allowed", "premio = incarichi.posizione * per_settore.quota",
       "premio = se 1 = 1 allora incarichi.posizione * per_settore.quota altrimenti 0 euro", nullptr},
  };
  testing::checkEditRows(kLookupBase, rows);
}

}  // namespace misura
