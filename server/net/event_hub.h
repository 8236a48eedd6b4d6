#pragma once
// Who is listening on /api/v1/events, and telling them that changes up to
// sequence N exist. Thread-safe: notify() is called from the database
// thread, subscribers come and go on the I/O threads.

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>

#include "matome/sync/feed.h"

namespace matome::server {

class event_hub {
 public:
  using send_fn = std::function<void(std::string)>;  // must be safe to call from any thread

  std::uint64_t subscribe(feed_scope scope, send_fn send);
  void unsubscribe(std::uint64_t id);

  // Sends {"type":"changes","seq":N} to every subscriber that may see a
  // change in one of `departments` (0: a change everyone may see).
  void notify(std::int64_t seq, const std::set<record_id>& departments);

  std::size_t size();

 private:
  struct subscriber {
    feed_scope scope;
    send_fn send;
  };
  std::mutex mutex_;
  std::uint64_t next_id_ = 1;
  std::map<std::uint64_t, subscriber> subscribers_;
};

}  // namespace matome::server
