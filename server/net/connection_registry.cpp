#include "net/connection_registry.h"

#include <vector>

namespace matome::server {

connection_registry::registration connection_registry::add(close_fn close) {
  bool closing = false;
  std::uint64_t id = 0;
  {
    std::lock_guard lock(mutex_);
    id = next_++;
    open_.emplace(id, close);
    closing = closing_;
  }
  if (closing) close(false);
  return registration(shared_from_this(), id);
}

void connection_registry::remove(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  open_.erase(id);
}

void connection_registry::close_idle() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  close_each(false);
}

void connection_registry::close_all() {
  close_each(true);
}

void connection_registry::close_each(bool force) {
  // Called outside the lock: a close function may end its connection, and
  // the connection's registration removes itself.
  std::vector<close_fn> closers;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, close] : open_) closers.push_back(close);
  }
  for (const auto& close : closers) close(force);
}

std::size_t connection_registry::size() {
  std::lock_guard lock(mutex_);
  return open_.size();
}

}  // namespace matome::server
