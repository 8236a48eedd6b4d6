#pragma once
// A thin RAII layer over the SQLite C API: one connection, prepared
// statements, transactions. SQLite failures (disk full, I/O error, a corrupt
// file) throw matome::failure with errc::storage: they are not regular
// outcomes, and the caller's transaction rolls back on the way out.
// Not thread-safe: use one database object per thread.

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "matome/domain/error.h"

namespace matome::sqlite {

// The statements a connection keeps prepared between uses, by their SQL. A
// statement gives its handle back here when it goes (reset, its bindings
// cleared) instead of finalizing it, and the next prepare() of the same SQL
// takes it again: SQLite does not parse and plan it anew. A busy server
// spent a tenth of its time doing that for the same few dozen statements.
class statement_cache {
 public:
  statement_cache() = default;
  statement_cache(const statement_cache&) = delete;
  statement_cache& operator=(const statement_cache&) = delete;
  ~statement_cache();

  // An idle statement prepared from `sql`, or nullptr.
  sqlite3_stmt* take(const std::string& sql);
  void give_back(std::string sql, sqlite3_stmt* stmt);

 private:
  static constexpr std::size_t max_idle = 256;  // SQL made with values in it would grow it
  std::unordered_multimap<std::string, sqlite3_stmt*> idle_;
};

class statement {
 public:
  statement(sqlite3* db, std::string_view sql, statement_cache* cache = nullptr);
  statement(statement&&) noexcept;
  statement& operator=(statement&&) noexcept;
  ~statement();

  // Parameters are 1-based, as in SQLite.
  statement& bind(int index, std::int64_t value);
  statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  statement& bind(int index, std::string_view text);
  statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  statement& bind(int index, const std::string& text) {
    return bind(index, std::string_view(text));
  }
  statement& bind_null(int index);
  // Binds `text` without SQLite's copy of it (SQLITE_STATIC): for a write
  // bound and run() in one place, with text that outlives the run().
  // run() and reset() clear every binding, so SQLite holds the pointer no
  // longer than that. The push path binds nine texts a change this way.
  statement& bind_in_place(int index, std::string_view text);

  // Advances to the next row: true while there is one, false when done.
  bool step();
  // Runs a statement that returns no rows.
  void run();
  // Clears bindings and rewinds, ready for the next use of a cached statement.
  void reset();

  // Columns are 0-based, as in SQLite.
  std::int64_t int64(int column) const;
  int integer(int column) const { return static_cast<int>(int64(column)); }
  std::string text(int column) const;
  // The same without a copy, valid until the next step() or reset().
  std::string_view text_view(int column) const;
  bool is_null(int column) const;

 private:
  void release();

  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  statement_cache* cache_ = nullptr;
  std::string sql_;  // the cache's key
};

enum class open_mode { read_write_create, read_only };

class database {
 public:
  // Opens (or creates) the file, with WAL, foreign keys and a busy timeout.
  static database open(const std::filesystem::path& path,
                       open_mode mode = open_mode::read_write_create);

  database(database&&) noexcept = default;
  database& operator=(database&&) noexcept = default;

  void exec(std::string_view sql);
  // Inside a transaction (BEGIN without its COMMIT or ROLLBACK yet).
  bool in_transaction() const { return sqlite3_get_autocommit(db_.get()) == 0; }
  statement prepare(std::string_view sql) { return statement(db_.get(), sql, cache_.get()); }
  std::int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_.get()); }
  int changes() const { return sqlite3_changes(db_.get()); }
  // Rows this connection has changed since it opened.
  std::int64_t total_changes() const { return sqlite3_total_changes64(db_.get()); }
  sqlite3* handle() const { return db_.get(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  struct closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  database(std::unique_ptr<sqlite3, closer> db, std::filesystem::path path)
      : db_(std::move(db)), path_(std::move(path)) {}

  std::unique_ptr<sqlite3, closer> db_;
  std::filesystem::path path_;
  // Declared after db_, so destroyed (its statements finalized) before the
  // connection closes; on the heap, so statements keep it when this moves.
  std::unique_ptr<statement_cache> cache_ = std::make_unique<statement_cache>();
};

// BEGIN IMMEDIATE on construction, so writers queue up front instead of
// failing at their first write; rolls back unless commit() was called.
// Inside an open transaction it becomes a savepoint, so a caller can make
// several store operations one atomic unit.
class transaction {
 public:
  explicit transaction(database& db);
  transaction(const transaction&) = delete;
  transaction& operator=(const transaction&) = delete;
  ~transaction();
  void commit();

 private:
  database& db_;
  bool nested_;
  bool done_ = false;
};

// BEGIN (deferred) for a consistent snapshot across several reads; ends on
// destruction. Readers do not block the writer in WAL mode.
class read_transaction {
 public:
  explicit read_transaction(database& db);
  read_transaction(const read_transaction&) = delete;
  read_transaction& operator=(const read_transaction&) = delete;
  ~read_transaction();

 private:
  database& db_;
  bool nested_;
};

// The disk (or the file system's quota) is full: the transaction was rolled
// back, reads still work, and writes will once space is made.
class disk_full : public failure {
 public:
  using failure::failure;
};

// Throws failure(errc::storage) naming the SQLite error, if rc is an error;
// disk_full when it is SQLITE_FULL.
void check(sqlite3* db, int rc, std::string_view what);

}  // namespace matome::sqlite
