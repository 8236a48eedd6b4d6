#include "net/database_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <utility>

namespace matome::server {

std::optional<database_lock> database_lock::try_lock(const std::filesystem::path& file, kind k) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  if (::flock(fd, (k == kind::shared ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0) {
    ::close(fd);
    return std::nullopt;
  }
  return database_lock(fd);
}

database_lock::database_lock(database_lock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

database_lock& database_lock::operator=(database_lock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

database_lock::~database_lock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the lock
}

}  // namespace matome::server
