#pragma once
// What every connection of one server shares.

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <memory>
#include <optional>

#include "api/push_group.h"
#include "api/router.h"
#include "net/connection_registry.h"
#include "net/db_worker.h"
#include "net/event_hub.h"
#include "net/http_server.h"
#include "net/metrics.h"

namespace matome::server {

struct server_context {
  server_options options;
  boost::asio::io_context& io;
  store& db;
  router api;
  push_group pushes;  // group commit (api/push_group.h)
  db_worker worker;
  event_hub hub;
  // Shared with every registration: outlives any session frame.
  std::shared_ptr<connection_registry> connections;
  server_metrics metrics;
  std::atomic<bool> stopping{false};
  std::optional<boost::asio::ssl::context> tls;  // set when serving HTTPS
};

}  // namespace matome::server
