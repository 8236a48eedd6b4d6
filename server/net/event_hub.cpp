#include "net/event_hub.h"

#include <vector>

namespace matome::server {

std::uint64_t event_hub::subscribe(feed_scope scope, send_fn send) {
  std::lock_guard lock(mutex_);
  const auto id = next_id_++;
  subscribers_.emplace(id, subscriber{scope, std::move(send)});
  return id;
}

void event_hub::unsubscribe(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  subscribers_.erase(id);
}

void event_hub::notify(std::int64_t seq, const std::set<record_id>& departments) {
  const std::string message = R"({"type":"changes","seq":)" + std::to_string(seq) + "}";
  std::vector<send_fn> targets;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, s] : subscribers_) {
      if (s.scope.everything || departments.contains(0) ||
          departments.contains(s.scope.department_id)) {
        targets.push_back(s.send);
      }
    }
  }
  for (const auto& send : targets) send(message);
}

std::size_t event_hub::size() {
  std::lock_guard lock(mutex_);
  return subscribers_.size();
}

}  // namespace matome::server
