// The archive (runtime/archive): the triggers that make a closed run
// immutable, the reference of a new run to the closed one it replaces, the
// derivation diff that names a changed weight or data cell, the line diff.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>

#include "runtime/archive/derivation_diff.h"
#include "runtime/archive/line_diff.h"
#include "runtime/archive/store.h"

namespace misura::archive {

namespace {

// A fresh archive file in a temporary folder, removed at the end.
struct TempArchive {
  std::filesystem::path dir;
  TempArchive() {
    char tmpl[] = "/tmp/misura-archivio-XXXXXX";
    dir = mkdtemp(tmpl);
  }
  ~TempArchive() { std::filesystem::remove_all(dir); }
  std::string path() const { return (dir / "archivio.misura.db").string(); }
};

Snapshot smallRun(const std::string& autore) {
  Snapshot s;
  s.autore = autore;
  s.ente = "Comune di Prova";
  s.anno = 2024;
  s.regolamento = "regolamento.misura";
  s.regolamentoTesto = "ente \"Comune di Prova\"\n";
  s.regolamentoSha256 = "00";
  s.cartellaDati = "dati";
  s.dati = {FileRecord{"personale.csv", "ab", 10, ""}};
  for (const char* m : {"A1", "A2"}) {
    PersonRecord p;
    p.matricola = m;
    p.stato = "valutato";
    p.totale = "87,50";
    p.totaleEsatto = "175/2";
    p.premioCentesimi = 100000;
    p.derivazione = "{}";
    s.persone.push_back(p);
  }
  s.fondi = {FundRecord{"fondo", 200000, 200000, 0, 2, false}};
  return s;
}

void expectRefused(Database& db, const std::string& sql) {
  INFO(sql);
  try {
    db.exec(sql);
    FAIL("the archive accepted it");
  } catch (const ArchiveError& e) {
    CHECK(e.closed);
    CHECK(e.message.find("esecuzione chiusa") != std::string::npos);
  }
}

}  // namespace

TEST_CASE("a closed year's runs refuse every change; a new run references the closed one", "[archivio]") {
  TempArchive tmp;
  Database db(tmp.path(), true);
  Snapshot first = smallRun("prima");
  int64_t id = saveRun(db, first, "prova");
  CHECK_FALSE(first.sostituisce);
  REQUIRE(closeYear(db, 2024, std::nullopt) == 1);

  std::string n = std::to_string(id);
  expectRefused(db, "UPDATE esecuzione SET autore = 'altri' WHERE id = " + n);
  expectRefused(db, "UPDATE esecuzione SET chiusa = 0 WHERE id = " + n);
  expectRefused(db, "DELETE FROM esecuzione WHERE id = " + n);
  expectRefused(db, "UPDATE risultato SET totale = '99,00' WHERE esecuzione = " + n);
  expectRefused(db, "DELETE FROM risultato WHERE esecuzione = " + n);
  expectRefused(db, "INSERT INTO fondo VALUES (" + n + ", 'altro', 1, 1, 0, 1, 0)");
  expectRefused(db, "UPDATE file SET sha256 = 'ff' WHERE esecuzione = " + n);
  expectRefused(db, "DELETE FROM fondo WHERE esecuzione = " + n);
  CHECK_THROWS_AS(deleteRun(db, id), ArchiveError);
  // A run of the closed year that does not name the closed run it replaces.
  expectRefused(db,
                "INSERT INTO esecuzione (creata, autore, nota, ente, anno, regolamento, regolamento_testo, "
                "regolamento_sha256, cartella_dati, deroga, versione_misura, persone, premi_centesimi, risultati_csv) "
                "VALUES ('x', '', '', 'Comune di Prova', 2024, 'r', '', '', 'd', '', 'v', 0, 0, '')");

  std::optional<Snapshot> kept = loadRun(db, id);
  REQUIRE(kept);
  CHECK(kept->autore == "prima");
  CHECK(kept->chiusa);
  REQUIRE(kept->persone.size() == 2);
  CHECK(kept->persone[0].totaleEsatto == "175/2");
  CHECK(kept->persone[0].premioCentesimi == 100000);

  Snapshot again = smallRun("dopo il ricorso");
  int64_t second = saveRun(db, again, "prova");
  CHECK(second != id);
  CHECK(again.sostituisce == id);
  // The new run is open: it can still be removed, the closed one cannot.
  CHECK(deleteRun(db, second));
  CHECK(listRuns(db).size() == 1);
}

TEST_CASE("another year stays open when one is closed", "[archivio]") {
  TempArchive tmp;
  Database db(tmp.path(), true);
  Snapshot a = smallRun("2024");
  saveRun(db, a, "prova");
  closeYear(db, 2024, std::nullopt);
  Snapshot b = smallRun("2025");
  b.anno = 2025;
  int64_t id = saveRun(db, b, "prova");
  CHECK_FALSE(b.sostituisce);
  db.exec("UPDATE esecuzione SET nota = 'bozza' WHERE id = " + std::to_string(id));
  CHECK(loadRun(db, id)->nota == "bozza");
}

TEST_CASE("a file that is not a Misura archive is refused", "[archivio]") {
  TempArchive tmp;
  {
    Database other(tmp.path(), true);
  }
  std::string foreign = (tmp.dir / "altro.db").string();
  {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(foreign.c_str(), &raw) == SQLITE_OK);
    sqlite3_exec(raw, "CREATE TABLE t (x)", nullptr, nullptr, nullptr);
    sqlite3_close(raw);
  }
  CHECK_THROWS_AS(Database(foreign, false), ArchiveError);
  CHECK_THROWS_AS(Database((tmp.dir / "manca.db").string(), false), ArchiveError);
}

TEST_CASE("the derivation diff names the weight and the data cell that changed", "[archivio]") {
  std::string before = R"({"profilo":"dip","componenti":[{"nome":"obiettivi","obiettivi":[
    {"codice":"OB1","peso":"50","valore":"92%","dato":"rilevazioni.csv:5:10","esito":"100%","punti":"30"},
    {"codice":"OB2","peso":"50","valore":"85%","dato":"rilevazioni.csv:6:10","esito":"100%","punti":"30"}],
    "punti":"60"}],"totale":{"valore":"92,00"}})";
  std::string after = R"({"profilo":"dip","componenti":[{"nome":"obiettivi","obiettivi":[
    {"codice":"OB1","peso":"60","valore":"70%","dato":"rilevazioni.csv:5:10","esito":"87,5%","punti":"28"},
    {"codice":"OB2","peso":"50","valore":"85%","dato":"rilevazioni.csv:6:10","esito":"100%","punti":"30"}],
    "punti":"58"}],"totale":{"valore":"90,00"}})";
  std::vector<Cause> causes = derivationCauses(before, after);
  // Points and total follow and are not listed; the esito is, after its value.
  REQUIRE(causes.size() == 3);
  CHECK(causes[0].what == "peso dell'obiettivo OB1");
  CHECK(causes[0].before == "50");
  CHECK(causes[0].after == "60");
  CHECK(causes[1].what == "valore misurato dell'obiettivo OB1");
  CHECK(causes[1].before == "92%");
  CHECK(causes[1].after == "70%");
  CHECK(causes[1].where == "rilevazioni.csv:5:10");
  CHECK(causes[2].what == "di conseguenza, esito dell'obiettivo OB1");
  CHECK(causes[2].before == "100%");
  CHECK(causes[2].after == "87,5%");
}

TEST_CASE("the derivation diff: an objective assigned in one run only, a vote", "[archivio]") {
  std::string before = R"({"componenti":[{"nome":"c","comportamenti":[{"codice":"D1","voto":"7","dato":"v.csv:2:3"}],
    "obiettivi":[{"codice":"OB1","peso":"100"}]}]})";
  std::string after = R"({"componenti":[{"nome":"c","comportamenti":[{"codice":"D1","voto":"9","dato":"v.csv:2:3"}],
    "obiettivi":[{"codice":"OB1","peso":"100"},{"codice":"OB9","peso":"0"}]}]})";
  std::vector<Cause> causes = derivationCauses(before, after);
  REQUIRE(causes.size() == 3);
  CHECK(causes[0].what == "voto del comportamento D1");
  CHECK(causes[0].where == "v.csv:2:3");
  CHECK(causes[1].what == "obiettivo OB9 assegnato");
  CHECK(causes[1].before == "no");
  CHECK(causes[1].after == "sì");
  CHECK(causes[2].what == "peso dell'obiettivo OB9");
}

TEST_CASE("the line diff lists removed and added lines with their numbers", "[archivio]") {
  std::optional<std::vector<LineChange>> d = lineDiff("a\nb\nc\nd\n", "a\nB\nc\nd\ne\n");
  REQUIRE(d);
  REQUIRE(d->size() == 3);
  CHECK((*d)[0].removed);
  CHECK((*d)[0].line == 2);
  CHECK((*d)[0].text == "b");
  CHECK_FALSE((*d)[1].removed);
  CHECK((*d)[1].text == "B");
  CHECK((*d)[2].line == 5);
  CHECK(lineDiff("x\n", "x\n")->empty());
}

}  // namespace misura::archive
