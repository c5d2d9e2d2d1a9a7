// Runs in the archive: write one (all or nothing), close a year, list them,
// read one back (database.h has the file's settings, schema.cpp the tables).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/archive/database.h"
#include "runtime/archive/snapshot.h"

namespace misura::archive {

// Writes `run` (its autore and nota included) in one transaction; returns its
// id and sets run.id, run.creata and, when its year is closed, run.sostituisce
// (the last closed run of the same ente and year). Throws ArchiveError.
//
// Test hook (tests/archivio_kill.py): with MISURA_PROVA_PAUSA_ARCHIVIO=N in
// the environment, after writing N persons' rows (all of them and the funds,
// if N is larger) and before COMMIT, it prints "pausa N" on stderr and sleeps
// 60 seconds, so that a test can kill the process there.
int64_t saveRun(Database& db, Snapshot& run, const std::string& versione);

// Closes every open run of `anno` (of `ente`, if given); returns how many.
int closeYear(Database& db, int anno, const std::optional<std::string>& ente);

struct RunSummary {
  int64_t id = 0;
  int anno = 0;
  std::string ente, creata, autore, nota, regolamento, sha256;
  bool chiusa = false;
  std::optional<int64_t> sostituisce;
  int64_t persone = 0;         // as declared by the run
  int64_t righe = 0;           // rows of `risultato` present (== persone in a sound archive)
  int64_t premiCentesimi = 0;
};

// Every run, oldest first.
std::vector<RunSummary> listRuns(Database& db);

// One run with all its rows, or nullopt if there is no run `id`.
std::optional<Snapshot> loadRun(Database& db, int64_t id);

}  // namespace misura::archive

namespace misura::archive {

// Removes run `id` and its rows in one transaction; false if there is no such
// run. A closed run is refused by the triggers (ArchiveError, closed).
bool deleteRun(Database& db, int64_t id);

// A read of several statements that sees one state of the archive (BEGIN ... COMMIT).
class ReadTransaction {
 public:
  explicit ReadTransaction(Database& db) : db_(db) { db_.exec("BEGIN"); }
  ~ReadTransaction() { sqlite3_exec(db_.handle(), "COMMIT", nullptr, nullptr, nullptr); }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  Database& db_;
};

}  // namespace misura::archive
