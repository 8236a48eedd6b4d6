#pragma once
// What every connection of one server shares.

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include "api/router.h"
#include "net/db_worker.h"
#include "net/event_hub.h"
#include "net/http_server.h"

namespace matome::server {

// Open connections, so a graceful stop can close the idle ones. Each
// registers a function that closes it (posted to its own strand) unless it
// is in the middle of answering a request.
class connection_registry {
 public:
  std::uint64_t add(std::function<void()> close_if_idle);
  void remove(std::uint64_t id);
  void close_idle();
  std::size_t size();

 private:
  std::mutex mutex_;
  std::uint64_t next_ = 1;
  std::map<std::uint64_t, std::function<void()>> open_;
};

struct server_context {
  server_options options;
  boost::asio::io_context& io;
  store& db;
  router api;
  db_worker worker;
  event_hub hub;
  connection_registry connections;
  std::atomic<bool> stopping{false};
  std::optional<boost::asio::ssl::context> tls;  // set when serving HTTPS
};

}  // namespace matome::server
