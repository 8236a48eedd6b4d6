#pragma once
// What GET /metrics tells a monitoring system, in the Prometheus text
// format (version 0.0.4): requests by route and status, their latency,
// what pushes did, pull pages, and gauges read when scraped (database
// size, last backup, event sockets). Thread-safe: the I/O threads count,
// a scrape renders. docs/operations.md lists the metrics and what to alert on.

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

namespace matome::server {

// Read when scraped, from the database and the connection registry.
struct metrics_gauges {
  std::int64_t database_bytes = 0;
  int schema_version = 0;
  std::int64_t last_seq = 0;
  std::optional<std::int64_t> last_backup_unix;  // none yet: rendered as 0
  std::int64_t pull_pages_read_ahead = 0;        // store::pages_read_ahead
  std::size_t event_sockets = 0;
  std::size_t connections = 0;
};

class server_metrics {
 public:
  server_metrics();

  // `route` is the matched pattern ("/api/v1/plans/{plan}/changes"), never
  // the raw path: ids in paths would make a series per plan and per conflict.
  void count_request(std::string_view method, std::string_view route, int status,
                     std::chrono::duration<double> took);
  void count_changes(std::int64_t applied, std::int64_t conflicts, std::int64_t refused);
  void count_pull_page();

  std::string render(const metrics_gauges& gauges) const;

  // Upper bounds of the latency buckets, in seconds (then +Inf).
  static constexpr std::array<double, 13> latency_buckets = {
      0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

 private:
  struct latency {
    std::array<std::uint64_t, latency_buckets.size()> buckets{};  // not cumulative
    std::uint64_t count = 0;
    double sum = 0;
  };
  using route_key = std::pair<std::string, std::string>;  // method, route

  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::map<route_key, latency> latency_;
  std::int64_t applied_ = 0, conflicts_ = 0, refused_ = 0, pull_pages_ = 0;
  std::int64_t started_unix_;
};

}  // namespace matome::server
