#pragma once
// "A server serves this database": matome-server holds a shared advisory
// lock (flock) on its database file while it runs; `restore` takes it
// exclusively, so it cannot swap the file under a running server. Admin
// commands that write through SQLite beside the server take no such lock.
// flock() locks are independent of SQLite's own (fcntl) locks.

#include <filesystem>
#include <optional>

namespace matome::server {

class database_lock {
 public:
  enum class kind { shared, exclusive };
  // nullopt when another process holds a conflicting lock (or the file
  // cannot be opened); never waits.
  static std::optional<database_lock> try_lock(const std::filesystem::path& file, kind k);

  database_lock(database_lock&& other) noexcept;
  database_lock& operator=(database_lock&& other) noexcept;
  database_lock(const database_lock&) = delete;
  database_lock& operator=(const database_lock&) = delete;
  ~database_lock();

 private:
  explicit database_lock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace matome::server
