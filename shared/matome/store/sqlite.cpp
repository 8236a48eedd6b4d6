#include "matome/store/sqlite.h"

namespace matome::sqlite {

void check(sqlite3* db, int rc, std::string_view what) {
  if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE) return;
  std::string message = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  if ((rc & 0xff) == SQLITE_FULL) throw disk_full(errc::storage, message);
  throw failure(errc::storage, message);
}

statement_cache::~statement_cache() {
  for (auto& [sql, stmt] : idle_) sqlite3_finalize(stmt);
}

sqlite3_stmt* statement_cache::take(const std::string& sql) {
  const auto it = idle_.find(sql);
  if (it == idle_.end()) return nullptr;
  sqlite3_stmt* stmt = it->second;
  idle_.erase(it);
  return stmt;
}

void statement_cache::give_back(std::string sql, sqlite3_stmt* stmt) {
  sqlite3_reset(stmt);  // ends its read; an error it returns was the last step's
  sqlite3_clear_bindings(stmt);
  if (idle_.size() >= max_idle) {
    sqlite3_finalize(stmt);
    return;
  }
  idle_.emplace(std::move(sql), stmt);
}

statement::statement(sqlite3* db, std::string_view sql, statement_cache* cache)
    : db_(db), cache_(cache) {
  if (cache_ != nullptr) {
    sql_ = std::string(sql);
    stmt_ = cache_->take(sql_);
    if (stmt_ != nullptr) return;
  }
  check(db_,
        sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &stmt_, nullptr),
        "prepare");
}

statement::statement(statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), cache_(other.cache_), sql_(std::move(other.sql_)) {
  other.stmt_ = nullptr;
}

statement& statement::operator=(statement&& other) noexcept {
  if (this != &other) {
    release();
    db_ = other.db_;
    stmt_ = other.stmt_;
    cache_ = other.cache_;
    sql_ = std::move(other.sql_);
    other.stmt_ = nullptr;
  }
  return *this;
}

statement::~statement() {
  release();
}

void statement::release() {
  if (stmt_ == nullptr) return;
  try {
    if (cache_ != nullptr) {
      cache_->give_back(std::move(sql_), stmt_);
      stmt_ = nullptr;
      return;
    }
  } catch (const std::exception&) {
    // No memory to keep it: finalized below instead.
  }
  sqlite3_finalize(stmt_);
  stmt_ = nullptr;
}

statement& statement::bind(int index, std::int64_t value) {
  check(db_, sqlite3_bind_int64(stmt_, index, value), "bind");
  return *this;
}

statement& statement::bind(int index, std::string_view text) {
  check(db_,
        sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
        "bind");
  return *this;
}

statement& statement::bind_in_place(int index, std::string_view text) {
  check(db_,
        sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8),
        "bind");
  return *this;
}

statement& statement::bind_null(int index) {
  check(db_, sqlite3_bind_null(stmt_, index), "bind");
  return *this;
}

bool statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  check(db_, rc, sqlite3_sql(stmt_));
  return false;
}

void statement::run() {
  while (step()) {
  }
  reset();
}

void statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t statement::int64(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

std::string statement::text(int column) const {
  return std::string(text_view(column));
}

std::string_view statement::text_view(int column) const {
  const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (data == nullptr) return {};
  return {data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

bool statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

database database::open(const std::filesystem::path& path, open_mode mode) {
  // Before SQLite starts (later calls fail harmlessly): without memory
  // statistics its allocations take no process-wide mutex, 5 % of a busy
  // server's time (perf, 100 clients in matome-wire-bench).
  static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)configured;
  sqlite3* raw = nullptr;
  const int flags = mode == open_mode::read_only ? SQLITE_OPEN_READONLY
                                                 : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<sqlite3, closer> db(raw);
  if (rc != SQLITE_OK) {
    throw failure(errc::storage, "cannot open database " + path.string() + ": " +
                                     (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  sqlite3_extended_result_codes(raw, 1);
  database result(std::move(db), path);
  result.exec("PRAGMA busy_timeout = 5000");
  // A file that is not a database fails here, with SQLite's "file is not a database".
  if (mode != open_mode::read_only) result.exec("PRAGMA journal_mode = WAL");
  result.exec("PRAGMA foreign_keys = ON");
  // WAL + NORMAL is durable against application crashes; FULL also against
  // power loss, which is what "stored durably before the UI shows it" needs.
  result.exec("PRAGMA synchronous = FULL");
  return result;
}

void database::exec(std::string_view sql) {
  char* message = nullptr;
  const std::string text(sql);
  const int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string what = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    if ((rc & 0xff) == SQLITE_FULL) throw disk_full(errc::storage, path_.string() + ": " + what);
    throw failure(errc::storage, path_.string() + ": " + what);
  }
}

transaction::transaction(database& db) : db_(db), nested_(db.in_transaction()) {
  db_.exec(nested_ ? "SAVEPOINT nested" : "BEGIN IMMEDIATE");
}

transaction::~transaction() {
  if (!done_) {
    // Never throw from a destructor; a failed rollback leaves SQLite to undo
    // the journal on the next open.
    sqlite3_exec(db_.handle(), nested_ ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK", nullptr,
                 nullptr, nullptr);
  }
}

void transaction::commit() {
  db_.exec(nested_ ? "RELEASE nested" : "COMMIT");
  done_ = true;
}

read_transaction::read_transaction(database& db) : db_(db), nested_(db.in_transaction()) {
  if (!nested_) db_.exec("BEGIN");
}

read_transaction::~read_transaction() {
  if (!nested_) sqlite3_exec(db_.handle(), "COMMIT", nullptr, nullptr, nullptr);
}

}  // namespace matome::sqlite
