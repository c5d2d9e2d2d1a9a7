// The archive file: a SQLite database (Debian's libsqlite3), opened with
// the settings that make a write all-or-nothing and durable:
//   journal_mode=WAL, synchronous=FULL, foreign_keys=ON, busy_timeout 5 s.
// Every write is one `BEGIN IMMEDIATE ... COMMIT` (Transaction): a process
// killed in the middle (kill -9, power cut) leaves the last committed state,
// which SQLite recovers from the WAL on the next open. The schema and the
// triggers that make a closed run immutable are in schema.cpp.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace misura::archive {

// A failure of the archive: an Italian message; `closed` when a trigger
// refused to change a closed run (E0721), else an I/O or format problem (E0720).
struct ArchiveError {
  std::string message;
  bool closed = false;
};

class Database {
 public:
  // Opens (creating it if `create`) and brings the schema up to date.
  // Throws ArchiveError if the file is not a Misura archive or cannot be opened.
  Database(const std::string& path, bool create);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }
  // Runs SQL without results; throws ArchiveError.
  void exec(const std::string& sql);
  // An ArchiveError for the last failure, with `what` in front.
  ArchiveError error(const std::string& what) const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

// One prepared statement (RAII); bind from 1, columns from 0.
class Statement {
 public:
  Statement(Database& db, const char* sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, std::string_view text);
  Statement& bind(int i, int64_t n);
  Statement& bind(int i, const std::optional<int64_t>& n);
  Statement& bindNull(int i);
  // Steps once: true while there is a row; throws ArchiveError on failure.
  bool step();
  // Runs to completion (an INSERT, UPDATE, DELETE) and resets.
  void run();
  void reset();

  std::string text(int col) const;
  int64_t integer(int col) const;
  bool isNull(int col) const;

 private:
  Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE on construction (the write lock is taken at once, so two
// writers never deadlock half-way), ROLLBACK unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

// Creates the tables, indexes and triggers if missing (schema.cpp).
void ensureSchema(Database& db);

}  // namespace misura::archive
