// The archive's tables and the triggers that make a closed run immutable.
//
//   esecuzione  one row per archived run: inputs (regolamento text and hash,
//               data folder, deroga), who and when, `persone` (how many rows of
//               `risultato` it has: a reader can check completeness), the results
//               CSV as `valuta` writes it (`risultati_csv`), `chiusa`,
//               `sostituisce` (the closed run a re-evaluation replaces)
//   file        per run, the modules and data files with their SHA-256
//   risultato   per run and person: the exact results (text fractions, cents)
//               and the derivation (JSON of `misura spiega`)
//   fondo       per run and fund: stanziato, distribuito, economia (cents)
//
// The triggers do in the database what the program also does, so that no
// other tool (the sqlite3 shell, a script) can rewrite history either: every
// UPDATE or DELETE touching a closed run or its rows aborts with a message
// that starts with "esecuzione chiusa"; a new run of a year that has a closed
// run must name a closed run of that year in `sostituisce`.
#include "runtime/archive/database.h"

namespace misura::archive {

namespace {

// 'MISU': PRAGMA application_id of a Misura archive.
constexpr int64_t kApplicationId = 0x4D495355;
constexpr int64_t kSchemaVersion = 1;

const char* const kTables = R"sql(
CREATE TABLE IF NOT EXISTS esecuzione (
  id INTEGER PRIMARY KEY,
  creata TEXT NOT NULL,
  autore TEXT NOT NULL,
  nota TEXT NOT NULL,
  ente TEXT NOT NULL,
  anno INTEGER NOT NULL,
  regolamento TEXT NOT NULL,
  regolamento_testo TEXT NOT NULL,
  regolamento_sha256 TEXT NOT NULL,
  cartella_dati TEXT NOT NULL,
  deroga TEXT NOT NULL,
  versione_misura TEXT NOT NULL,
  persone INTEGER NOT NULL,
  premi_centesimi INTEGER NOT NULL,
  risultati_csv TEXT NOT NULL,
  sostituisce INTEGER REFERENCES esecuzione(id),
  chiusa INTEGER NOT NULL DEFAULT 0 CHECK (chiusa IN (0, 1)),
  chiusa_il TEXT
);
CREATE TABLE IF NOT EXISTS file (
  esecuzione INTEGER NOT NULL REFERENCES esecuzione(id),
  tipo TEXT NOT NULL CHECK (tipo IN ('modulo', 'dati')),
  nome TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  byte INTEGER NOT NULL,
  dettaglio TEXT NOT NULL,
  PRIMARY KEY (esecuzione, tipo, nome)
);
CREATE TABLE IF NOT EXISTS risultato (
  esecuzione INTEGER NOT NULL REFERENCES esecuzione(id),
  posizione INTEGER NOT NULL,
  matricola TEXT NOT NULL,
  nominativo TEXT NOT NULL,
  profilo TEXT NOT NULL,
  stato TEXT NOT NULL,
  motivo TEXT NOT NULL,
  totale TEXT NOT NULL,
  totale_esatto TEXT NOT NULL,
  totale_non_arrotondato TEXT NOT NULL,
  fascia TEXT NOT NULL,
  fascia_percentuale TEXT NOT NULL,
  premio_centesimi INTEGER,
  premio_esatto TEXT NOT NULL,
  componenti TEXT NOT NULL,
  derivazione TEXT NOT NULL,
  PRIMARY KEY (esecuzione, matricola)
);
CREATE TABLE IF NOT EXISTS fondo (
  esecuzione INTEGER NOT NULL REFERENCES esecuzione(id),
  nome TEXT NOT NULL,
  stanziato_centesimi INTEGER NOT NULL,
  distribuito_centesimi INTEGER NOT NULL,
  economia_centesimi INTEGER NOT NULL,
  persone INTEGER NOT NULL,
  bloccato INTEGER NOT NULL,
  PRIMARY KEY (esecuzione, nome)
);
CREATE INDEX IF NOT EXISTS esecuzione_anno ON esecuzione (ente, anno);
)sql";

const char* const kRefusal =
    "esecuzione chiusa: l''anno di questa esecuzione è chiuso e le sue esecuzioni non si modificano né si "
    "cancellano; una nuova valutazione si archivia come nuova esecuzione che sostituisce quella chiusa";

std::string triggers() {
  std::string raise = std::string("SELECT RAISE(ABORT, '") + kRefusal + "');";
  std::string closedNew = "(SELECT chiusa FROM esecuzione WHERE id = NEW.esecuzione) = 1";
  std::string closedOld = "(SELECT chiusa FROM esecuzione WHERE id = OLD.esecuzione) = 1";
  std::string sql = R"sql(
CREATE TRIGGER IF NOT EXISTS esecuzione_chiusa_modifica BEFORE UPDATE ON esecuzione
  WHEN OLD.chiusa = 1 BEGIN )sql" + raise + R"sql( END;
CREATE TRIGGER IF NOT EXISTS esecuzione_chiusa_cancella BEFORE DELETE ON esecuzione
  WHEN OLD.chiusa = 1 BEGIN )sql" + raise + R"sql( END;
CREATE TRIGGER IF NOT EXISTS esecuzione_nasce_aperta BEFORE INSERT ON esecuzione
  WHEN NEW.chiusa <> 0 BEGIN )sql" + raise + R"sql( END;
CREATE TRIGGER IF NOT EXISTS esecuzione_anno_chiuso BEFORE INSERT ON esecuzione
  WHEN EXISTS (SELECT 1 FROM esecuzione WHERE ente = NEW.ente AND anno = NEW.anno AND chiusa = 1)
   AND NOT EXISTS (SELECT 1 FROM esecuzione WHERE id = NEW.sostituisce AND ente = NEW.ente
                   AND anno = NEW.anno AND chiusa = 1)
  BEGIN )sql" + raise + R"sql( END;
)sql";
  for (const char* table : {"file", "risultato", "fondo"}) {
    std::string t = table;
    sql += "CREATE TRIGGER IF NOT EXISTS " + t + "_chiusa_inserisci BEFORE INSERT ON " + t + " WHEN " + closedNew +
           " BEGIN " + raise + " END;\n";
    sql += "CREATE TRIGGER IF NOT EXISTS " + t + "_chiusa_modifica BEFORE UPDATE ON " + t + " WHEN " + closedOld +
           " OR " + closedNew + " BEGIN " + raise + " END;\n";
    sql += "CREATE TRIGGER IF NOT EXISTS " + t + "_chiusa_cancella BEFORE DELETE ON " + t + " WHEN " + closedOld +
           " BEGIN " + raise + " END;\n";
  }
  return sql;
}

int64_t pragma(Database& db, const char* name) {
  Statement st(db, (std::string("PRAGMA ") + name).c_str());
  return st.step() ? st.integer(0) : 0;
}

}  // namespace

void ensureSchema(Database& db) {
  int64_t app = pragma(db, "application_id");
  int64_t version = pragma(db, "user_version");
  if (app == kApplicationId && version == kSchemaVersion) return;
  if (app != kApplicationId) {
    Statement count(db, "SELECT count(*) FROM sqlite_schema");
    if (count.step() && count.integer(0) > 0)
      throw ArchiveError{"il file è un database SQLite ma non un archivio di Misura"};
  } else if (version > kSchemaVersion) {
    throw ArchiveError{"l'archivio è stato scritto da una versione più recente di Misura"};
  }
  Transaction t(db);
  db.exec(kTables);
  db.exec(triggers());
  db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
  db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
  t.commit();
}

}  // namespace misura::archive
