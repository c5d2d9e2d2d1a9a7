#include "runtime/archive/database.h"

#include <filesystem>

namespace misura::archive {

namespace {

// The RAISE(ABORT, ...) of the triggers on closed runs start with this (schema.cpp).
bool isClosedRefusal(const std::string& message) { return message.find("esecuzione chiusa") != std::string::npos; }

// SQLite's own messages are English: the failures a user can meet, in Italian.
std::string italian(sqlite3* db) {
  if (!db) return "memoria esaurita";
  std::string message = sqlite3_errmsg(db);
  if (isClosedRefusal(message)) return message;
  switch (sqlite3_errcode(db)) {
    case SQLITE_CANTOPEN: return "il file non si può aprire né creare (la cartella esiste? ci sono i permessi?)";
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return "l'archivio è occupato da un altro programma: riprova fra poco";
    case SQLITE_NOTADB: return "il file non è un database SQLite";
    case SQLITE_READONLY: return "l'archivio è di sola lettura";
    case SQLITE_FULL: return "il disco è pieno";
    case SQLITE_IOERR: return "errore di lettura o scrittura sul disco";
    case SQLITE_CORRUPT: return "l'archivio è danneggiato";
    case SQLITE_PERM: return "permesso negato";
    default: return "errore di SQLite: " + message;
  }
}

}  // namespace

Database::Database(const std::string& path, bool create) : path_(path) {
  std::error_code ec;
  if (!create && !std::filesystem::exists(path, ec))
    throw ArchiveError{"l'archivio «" + path + "» non esiste"};
  int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    ArchiveError e = error("impossibile aprire l'archivio «" + path + "»");
    sqlite3_close(db_);
    db_ = nullptr;
    throw e;
  }
  sqlite3_busy_timeout(db_, 5000);
  try {
    exec("PRAGMA foreign_keys=ON");
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
    ensureSchema(*this);
  } catch (const ArchiveError& e) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw ArchiveError{"«" + path + "» non è un archivio di Misura leggibile: " + e.message};
  }
}

Database::~Database() {
  if (db_) sqlite3_close(db_);
}

void Database::exec(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "";
    sqlite3_free(message);
    if (isClosedRefusal(text)) throw ArchiveError{text, true};
    throw ArchiveError{italian(db_)};
  }
}

ArchiveError Database::error(const std::string& what) const {
  std::string text = italian(db_);
  return ArchiveError{isClosedRefusal(text) ? text : what + ": " + text, isClosedRefusal(text)};
}

Statement::Statement(Database& db, const char* sql) : db_(db) {
  if (sqlite3_prepare_v2(db.handle(), sql, -1, &stmt_, nullptr) != SQLITE_OK)
    throw db.error("istruzione non valida per l'archivio");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int i, std::string_view text) {
  sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind(int i, int64_t n) {
  sqlite3_bind_int64(stmt_, i, n);
  return *this;
}

Statement& Statement::bind(int i, const std::optional<int64_t>& n) { return n ? bind(i, *n) : bindNull(i); }

Statement& Statement::bindNull(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  ArchiveError e = db_.error("scrittura o lettura dell'archivio fallita");
  sqlite3_reset(stmt_);
  throw e;
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int col) const {
  const unsigned char* t = sqlite3_column_text(stmt_, col);
  return t ? std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
           : std::string();
}

int64_t Statement::integer(int col) const { return sqlite3_column_int64(stmt_, col); }

bool Statement::isNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!done_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

}  // namespace misura::archive
