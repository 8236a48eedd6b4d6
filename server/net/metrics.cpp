#include "net/metrics.h"

#include <fmt/format.h>

namespace matome::server {
namespace {

// Label values escaped as the text format wants (\, " and newline).
std::string label(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    out += c == '\n' ? 'n' : c;
  }
  return out;
}

void header(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  fmt::format_to(std::back_inserter(out), "# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
}

}  // namespace

server_metrics::server_metrics()
    : started_unix_(std::chrono::duration_cast<std::chrono::seconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count()) {}

void server_metrics::count_request(std::string_view method, std::string_view route, int status,
                                   std::chrono::duration<double> took) {
  const double seconds = took.count();
  std::lock_guard lock(mutex_);
  ++requests_[{std::string(method), std::string(route), status}];
  auto& l = latency_[{std::string(method), std::string(route)}];
  for (std::size_t i = 0; i < latency_buckets.size(); ++i) {
    if (seconds <= latency_buckets[i]) {
      ++l.buckets[i];
      break;
    }
  }
  ++l.count;
  l.sum += seconds;
}

void server_metrics::count_changes(std::int64_t applied, std::int64_t conflicts,
                                   std::int64_t refused) {
  std::lock_guard lock(mutex_);
  applied_ += applied;
  conflicts_ += conflicts;
  refused_ += refused;
}

void server_metrics::count_pull_page() {
  std::lock_guard lock(mutex_);
  ++pull_pages_;
}

std::string server_metrics::render(const metrics_gauges& g) const {
  std::string out;
  auto line = [&out](std::string_view text) { out.append(text).push_back('\n'); };
  std::lock_guard lock(mutex_);

  header(out, "matome_http_requests_total", "counter",
         "HTTP requests answered, by route and status.");
  for (const auto& [key, count] : requests_) {
    const auto& [method, route, status] = key;
    line(fmt::format(R"(matome_http_requests_total{{method="{}",route="{}",status="{}"}} {})",
                     label(method), label(route), status, count));
  }
  header(out, "matome_http_request_duration_seconds", "histogram",
         "Time from a request read to its answer ready to send, by route.");
  for (const auto& [key, l] : latency_) {
    const auto labels =
        fmt::format(R"(method="{}",route="{}")", label(key.first), label(key.second));
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < latency_buckets.size(); ++i) {
      cumulative += l.buckets[i];
      line(fmt::format(R"(matome_http_request_duration_seconds_bucket{{{},le="{}"}} {})", labels,
                       latency_buckets[i], cumulative));
    }
    line(fmt::format(R"(matome_http_request_duration_seconds_bucket{{{},le="+Inf"}} {})", labels,
                     l.count));
    line(fmt::format("matome_http_request_duration_seconds_sum{{{}}} {}", labels, l.sum));
    line(fmt::format("matome_http_request_duration_seconds_count{{{}}} {}", labels, l.count));
  }
  header(out, "matome_changes_total", "counter",
         "Pushed cell changes by outcome (a retry's repeated answer is not counted again).");
  line(fmt::format(R"(matome_changes_total{{outcome="applied"}} {})", applied_));
  line(fmt::format(R"(matome_changes_total{{outcome="conflict"}} {})", conflicts_));
  line(fmt::format(R"(matome_changes_total{{outcome="refused"}} {})", refused_));
  // One unlabelled sample per family from here on.
  auto single = [&out](std::string_view name, std::string_view type, std::string_view help,
                       std::int64_t value) {
    header(out, name, type, help);
    fmt::format_to(std::back_inserter(out), "{} {}\n", name, value);
  };
  single("matome_pull_pages_total", "counter", "Pages of changes served to pulling clients.",
         pull_pages_);
  single("matome_pull_pages_read_ahead_total", "counter",
         "Pull pages that were read while the page before them was being sent.",
         g.pull_pages_read_ahead);
  single("matome_event_sockets", "gauge", "Clients listening on /api/v1/events.",
         static_cast<std::int64_t>(g.event_sockets));
  single("matome_connections", "gauge", "Open HTTP connections, event sockets included.",
         static_cast<std::int64_t>(g.connections));
  single("matome_database_bytes", "gauge", "Size of the master database with its write-ahead log.",
         g.database_bytes);
  single("matome_database_schema_version", "gauge", "The database's schema version.",
         g.schema_version);
  single("matome_last_sequence", "gauge", "The last change sequence number handed out.",
         g.last_seq);
  single("matome_last_backup_timestamp_seconds", "gauge",
         "When the last backup was written (Unix time; 0: never).", g.last_backup_unix.value_or(0));
  single("matome_start_timestamp_seconds", "gauge", "When this server process started.",
         started_unix_);
  return out;
}

}  // namespace matome::server
