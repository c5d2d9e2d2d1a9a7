#include "runtime/archive/store.h"

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <thread>

namespace misura::archive {

namespace {

// MISURA_PROVA_PAUSA_ARCHIVIO (see store.h): the number of rows after which to pause, or -1.
long pauseAfter() {
  const char* v = std::getenv("MISURA_PROVA_PAUSA_ARCHIVIO");
  return v && *v ? std::strtol(v, nullptr, 10) : -1;
}

void pause(long n) {
  std::cerr << "pausa " << n << std::endl;
  std::this_thread::sleep_for(std::chrono::seconds(60));
}

std::optional<int64_t> lastClosed(Database& db, const std::string& ente, int anno) {
  Statement st(db, "SELECT max(id) FROM esecuzione WHERE ente = ? AND anno = ? AND chiusa = 1");
  st.bind(1, ente).bind(2, static_cast<int64_t>(anno));
  if (st.step() && !st.isNull(0)) return st.integer(0);
  return std::nullopt;
}

void insertFiles(Database& db, int64_t id, const char* tipo, const std::vector<FileRecord>& files) {
  Statement st(db, "INSERT INTO file (esecuzione, tipo, nome, sha256, byte, dettaglio) VALUES (?, ?, ?, ?, ?, ?)");
  for (const FileRecord& f : files) {
    st.bind(1, id).bind(2, tipo).bind(3, f.name).bind(4, f.sha256).bind(5, static_cast<int64_t>(f.bytes)).bind(6, f.detail);
    st.run();
  }
}

void insertPerson(Statement& st, int64_t id, int64_t position, const PersonRecord& p) {
  st.bind(1, id).bind(2, position).bind(3, p.matricola).bind(4, p.nominativo).bind(5, p.profilo).bind(6, p.stato);
  st.bind(7, p.motivo).bind(8, p.totale).bind(9, p.totaleEsatto).bind(10, p.totaleNonArrotondato).bind(11, p.fascia);
  st.bind(12, p.fasciaPercentuale).bind(13, p.premioCentesimi).bind(14, p.premioEsatto).bind(15, p.componenti);
  st.bind(16, p.derivazione);
  st.run();
}

void insertFunds(Database& db, int64_t id, const std::vector<FundRecord>& funds) {
  Statement st(db,
               "INSERT INTO fondo (esecuzione, nome, stanziato_centesimi, distribuito_centesimi, economia_centesimi, "
               "persone, bloccato) VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const FundRecord& f : funds) {
    st.bind(1, id).bind(2, f.nome).bind(3, f.stanziato).bind(4, f.distribuito).bind(5, f.economia);
    st.bind(6, static_cast<int64_t>(f.persone)).bind(7, static_cast<int64_t>(f.bloccato));
    st.run();
  }
}

}  // namespace

int64_t saveRun(Database& db, Snapshot& run, const std::string& versione) {
  long pauseAt = pauseAfter();
  Transaction t(db);
  run.creata = utcNow();
  run.sostituisce = lastClosed(db, run.ente, run.anno);
  Statement st(db,
               "INSERT INTO esecuzione (creata, autore, nota, ente, anno, regolamento, regolamento_testo, "
               "regolamento_sha256, cartella_dati, deroga, versione_misura, persone, premi_centesimi, sostituisce, "
               "risultati_csv) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, run.creata).bind(2, run.autore).bind(3, run.nota).bind(4, run.ente).bind(5, static_cast<int64_t>(run.anno));
  st.bind(6, run.regolamento).bind(7, run.regolamentoTesto).bind(8, run.regolamentoSha256).bind(9, run.cartellaDati);
  st.bind(10, run.deroga).bind(11, versione).bind(12, static_cast<int64_t>(run.persone.size()));
  st.bind(13, premiCentesimi(run)).bind(14, run.sostituisce).bind(15, run.risultatiCsv);
  st.run();
  int64_t id = sqlite3_last_insert_rowid(db.handle());
  insertFiles(db, id, "modulo", run.moduli);
  insertFiles(db, id, "dati", run.dati);
  Statement person(db,
                   "INSERT INTO risultato (esecuzione, posizione, matricola, nominativo, profilo, stato, motivo, "
                   "totale, totale_esatto, totale_non_arrotondato, fascia, fascia_percentuale, premio_centesimi, "
                   "premio_esatto, componenti, derivazione) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (size_t i = 0; i < run.persone.size(); ++i) {
    if (pauseAt == static_cast<long>(i)) pause(pauseAt);
    insertPerson(person, id, static_cast<int64_t>(i + 1), run.persone[i]);
  }
  insertFunds(db, id, run.fondi);
  if (pauseAt >= static_cast<long>(run.persone.size())) pause(pauseAt);
  t.commit();
  run.id = id;
  return id;
}

int closeYear(Database& db, int anno, const std::optional<std::string>& ente) {
  Transaction t(db);
  Statement st(db, ente ? "UPDATE esecuzione SET chiusa = 1, chiusa_il = ? WHERE chiusa = 0 AND anno = ? AND ente = ?"
                        : "UPDATE esecuzione SET chiusa = 1, chiusa_il = ? WHERE chiusa = 0 AND anno = ?");
  st.bind(1, utcNow()).bind(2, static_cast<int64_t>(anno));
  if (ente) st.bind(3, *ente);
  st.run();
  int changed = sqlite3_changes(db.handle());
  t.commit();
  return changed;
}

std::vector<RunSummary> listRuns(Database& db) {
  Statement st(db,
               "SELECT id, anno, ente, creata, autore, nota, regolamento, regolamento_sha256, chiusa, sostituisce, "
               "persone, (SELECT count(*) FROM risultato r WHERE r.esecuzione = e.id), premi_centesimi "
               "FROM esecuzione e ORDER BY id");
  std::vector<RunSummary> out;
  while (st.step()) {
    RunSummary r;
    r.id = st.integer(0);
    r.anno = static_cast<int>(st.integer(1));
    r.ente = st.text(2);
    r.creata = st.text(3);
    r.autore = st.text(4);
    r.nota = st.text(5);
    r.regolamento = st.text(6);
    r.sha256 = st.text(7);
    r.chiusa = st.integer(8) != 0;
    if (!st.isNull(9)) r.sostituisce = st.integer(9);
    r.persone = st.integer(10);
    r.righe = st.integer(11);
    r.premiCentesimi = st.integer(12);
    out.push_back(std::move(r));
  }
  return out;
}

namespace {

void loadFiles(Database& db, Snapshot& s) {
  Statement st(db, "SELECT tipo, nome, sha256, byte, dettaglio FROM file WHERE esecuzione = ? ORDER BY rowid");
  st.bind(1, s.id);
  while (st.step()) {
    FileRecord f{st.text(1), st.text(2), static_cast<uint64_t>(st.integer(3)), st.text(4)};
    (st.text(0) == "modulo" ? s.moduli : s.dati).push_back(std::move(f));
  }
}

void loadPersons(Database& db, Snapshot& s) {
  Statement st(db,
               "SELECT matricola, nominativo, profilo, stato, motivo, totale, totale_esatto, totale_non_arrotondato, "
               "fascia, fascia_percentuale, premio_centesimi, premio_esatto, componenti, derivazione "
               "FROM risultato WHERE esecuzione = ? ORDER BY posizione");
  st.bind(1, s.id);
  while (st.step()) {
    PersonRecord p;
    p.matricola = st.text(0);
    p.nominativo = st.text(1);
    p.profilo = st.text(2);
    p.stato = st.text(3);
    p.motivo = st.text(4);
    p.totale = st.text(5);
    p.totaleEsatto = st.text(6);
    p.totaleNonArrotondato = st.text(7);
    p.fascia = st.text(8);
    p.fasciaPercentuale = st.text(9);
    if (!st.isNull(10)) p.premioCentesimi = st.integer(10);
    p.premioEsatto = st.text(11);
    p.componenti = st.text(12);
    p.derivazione = st.text(13);
    s.persone.push_back(std::move(p));
  }
}

void loadFunds(Database& db, Snapshot& s) {
  Statement st(db,
               "SELECT nome, stanziato_centesimi, distribuito_centesimi, economia_centesimi, persone, bloccato "
               "FROM fondo WHERE esecuzione = ? ORDER BY rowid");
  st.bind(1, s.id);
  while (st.step())
    s.fondi.push_back(FundRecord{st.text(0), st.integer(1), st.integer(2), st.integer(3),
                                 static_cast<uint32_t>(st.integer(4)), st.integer(5) != 0});
}

}  // namespace

bool deleteRun(Database& db, int64_t id) {
  Transaction t(db);
  for (const char* sql : {"DELETE FROM file WHERE esecuzione = ?", "DELETE FROM risultato WHERE esecuzione = ?",
                          "DELETE FROM fondo WHERE esecuzione = ?", "DELETE FROM esecuzione WHERE id = ?"}) {
    Statement st(db, sql);
    st.bind(1, id);
    st.run();
  }
  bool found = sqlite3_changes(db.handle()) > 0;
  t.commit();
  return found;
}

std::optional<Snapshot> loadRun(Database& db, int64_t id) {
  ReadTransaction read(db);
  Statement st(db,
               "SELECT creata, autore, nota, chiusa, sostituisce, ente, anno, regolamento, regolamento_testo, "
               "regolamento_sha256, cartella_dati, deroga, risultati_csv FROM esecuzione WHERE id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  Snapshot s;
  s.id = id;
  s.creata = st.text(0);
  s.autore = st.text(1);
  s.nota = st.text(2);
  s.chiusa = st.integer(3) != 0;
  if (!st.isNull(4)) s.sostituisce = st.integer(4);
  s.ente = st.text(5);
  s.anno = static_cast<int>(st.integer(6));
  s.regolamento = st.text(7);
  s.regolamentoTesto = st.text(8);
  s.regolamentoSha256 = st.text(9);
  s.cartellaDati = st.text(10);
  s.deroga = st.text(11);
  s.risultatiCsv = st.text(12);
  loadFiles(db, s);
  loadPersons(db, s);
  loadFunds(db, s);
  return s;
}

}  // namespace misura::archive
