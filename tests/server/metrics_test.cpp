// GET /metrics as a Prometheus server scrapes it, from a real server.
#include "net/metrics.h"

#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "admin/admin_commands.h"
#include "net/http_server.h"
#include "server/api_helpers.h"
#include "support/test_server.h"

using namespace matome;
using namespace matome::test;

namespace {

// "name{labels} value" lines into a map; checks the text format on the way:
// every sample belongs to a family announced by # HELP and # TYPE.
std::map<std::string, double> scrape(http_client& client) {
  const auto reply = client.get("/metrics");
  REQUIRE(reply.status == 200);
  CHECK(reply.content_type.starts_with("text/plain; version=0.0.4"));
  static const std::regex sample(
      R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})? (-?[0-9.]+(?:[eE][+-]?[0-9]+)?)$)");
  std::map<std::string, double> values;
  std::set<std::string> typed;
  std::istringstream lines(reply.body);
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("# TYPE ")) {
      typed.insert(line.substr(7, line.find(' ', 7) - 7));
      continue;
    }
    if (line.starts_with("# HELP ")) continue;
    std::smatch m;
    INFO(line);
    REQUIRE(std::regex_match(line, m, sample));
    std::string family = m[1];
    for (const char* suffix : {"_bucket", "_sum", "_count"}) {
      if (!typed.count(family) && family.ends_with(suffix)) {
        family.resize(family.size() - std::string_view(suffix).size());
      }
    }
    CHECK(typed.count(family) == 1);
    values[std::string(m[1]) + std::string(m[2])] = std::stod(m[3]);
  }
  return values;
}

const std::string push_route = R"(route="/api/v1/plans/{plan}/changes")";

}  // namespace

TEST_CASE("metrics count requests by route, changes by outcome, pull pages and backups",
          "[server][metrics]") {
  temp_dir dir;
  const auto db = dir.file("master.db").string();
  test_server server(db);
  auto client = server.client();
  const auto& p = server.plan();
  const auto member = client.login("fukushi1");
  const auto coordinator = client.login("coord");
  const auto changes = plan_path(p.plan_id) + "/changes";
  const cell_key ours{p.solo_row, p.fukushi, 2023, "progress"};
  const cell_key theirs{p.solo_row, p.shakyo, 2023, "progress"};

  // One applied and one refused (not 福祉課's row to write for 社協) ...
  const auto first = push_body(
      {change_json("m-1", ours, 0, "実施した"), change_json("m-2", theirs, 0, "他課の欄")});
  REQUIRE(client.post(changes, first, member).status == 200);
  // ... the same push again: repeated answers, not counted again ...
  REQUIRE(client.post(changes, first, member).status == 200);
  // ... and the coordinator writing on the old value: a conflict.
  REQUIRE(client.post(changes, push_body({change_json("m-3", ours, 0, "上書き")}), coordinator)
              .status == 200);
  REQUIRE(client.get(changes + "?since=0", member).status == 200);
  REQUIRE(client.get("/api/v1/no-such-thing").status == 404);

  auto m = scrape(client);
  CHECK(m[R"(matome_http_requests_total{method="POST",)" + push_route + R"(,status="200"})"] == 3);
  CHECK(m[R"(matome_http_requests_total{method="GET",)" + push_route + R"(,status="200"})"] == 1);
  CHECK(m[R"(matome_http_requests_total{method="GET",route="unmatched",status="404"})"] == 1);
  CHECK(m[R"(matome_changes_total{outcome="applied"})"] == 1);
  CHECK(m[R"(matome_changes_total{outcome="conflict"})"] == 1);
  CHECK(m[R"(matome_changes_total{outcome="refused"})"] == 1);
  CHECK(m["matome_pull_pages_total"] == 1);
  // Paths with ids never become labels.
  for (const auto& [series, value] : m) CHECK(series.find("/plans/1") == std::string::npos);

  // The latency histogram: cumulative buckets, +Inf equal to the count.
  const std::string push_labels = R"(method="POST",)" + push_route;
  double previous = 0;
  for (double bound : server::server_metrics::latency_buckets) {
    std::ostringstream le;
    le << bound;
    const double in_bucket = m["matome_http_request_duration_seconds_bucket{" + push_labels +
                               ",le=\"" + le.str() + "\"}"];
    CHECK(in_bucket >= previous);
    previous = in_bucket;
  }
  CHECK(m["matome_http_request_duration_seconds_bucket{" + push_labels + R"(,le="+Inf"})"] == 3);
  CHECK(m["matome_http_request_duration_seconds_count{" + push_labels + "}"] == 3);
  CHECK(m["matome_http_request_duration_seconds_sum{" + push_labels + "}"] > 0);

  CHECK(m["matome_database_bytes"] > 100'000);
  CHECK(m["matome_database_schema_version"] > 0);
  CHECK(m["matome_last_sequence"] >= 2);
  CHECK(m["matome_last_backup_timestamp_seconds"] == 0);
  CHECK(m["matome_start_timestamp_seconds"] > 1.7e9);

  REQUIRE(server::admin::backup(db, dir.file("backup.db").string()) == 0);
  m = scrape(client);
  CHECK(m["matome_last_backup_timestamp_seconds"] > 1.7e9);
  CHECK(m["matome_event_sockets"] == 0);

  // A desktop listening for changes is counted while it listens.
  {
    event_listener events(server.port(), member);
    REQUIRE(events.next());  // the hello: subscribed
    m = scrape(client);
    CHECK(m["matome_event_sockets"] == 1);
    CHECK(m["matome_connections"] >= 2);  // the event socket and this scrape's
  }
  // ... and no longer once it closed (the server notices within moments).
  for (int i = 0; i < 100 && m["matome_event_sockets"] != 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    m = scrape(client);
  }
  CHECK(m["matome_event_sockets"] == 0);
}

TEST_CASE("a server on a public address serves metrics only on its metrics listener",
          "[server][metrics]") {
  CHECK(server::is_loopback_address("127.0.0.1"));
  CHECK(server::is_loopback_address("127.4.5.6"));
  CHECK(server::is_loopback_address("::1"));
  CHECK_FALSE(server::is_loopback_address("0.0.0.0"));
  CHECK_FALSE(server::is_loopback_address("::"));
  CHECK_FALSE(server::is_loopback_address("192.168.10.5"));
  CHECK_FALSE(server::is_loopback_address("not an address"));

  temp_dir dir;
  auto options = test_server::quick_options();
  options.metrics_on_api_listener = false;  // as on a public address
  options.metrics_host = "127.0.0.1";
  options.metrics_port = 0;
  test_server server(dir.file("master.db"), options);
  REQUIRE(server.metrics_port() != 0);
  REQUIRE(server.metrics_port() != server.port());

  auto api = server.client();
  CHECK(api.get("/metrics").status == 404);
  CHECK(api.get("/api/v1/health").status == 200);

  http_client metrics(server.metrics_port());
  auto m = scrape(metrics);
  CHECK(m[R"(matome_http_requests_total{method="GET",route="/api/v1/health",status="200"})"] == 1);
  // The metrics listener is no back door to the API.
  CHECK(metrics.get("/api/v1/health").status == 404);
  CHECK(metrics.post("/api/v1/login", R"({"login":"coord","password":"demo"})").status == 404);
}

// A first sync catches up in large pages, each asked for when the one
// before arrives; the server reads the next page while it sends the last
// (store::read_ahead), and the next request takes it.
TEST_CASE("a catch-up's next page is read while the last is sent, and arrives whole",
          "[server][metrics]") {
  temp_dir dir;
  const auto db = dir.file("master.db").string();
  test_server server(db);
  auto client = server.client();
  const auto& p = server.plan();
  const auto coordinator = client.login("coord");
  {
    // 200 more rows, each with its content and five years of marks: 1,200 cells.
    auto beside = store::open(db).value();
    std::vector<std::string> changes;
    for (int i = 0; i < 200; ++i) {
      plan_item row;
      row.parent_id = p.goal;
      row.label = std::to_string(i);
      row.title = "行 " + std::to_string(i);
      row.owner_ids = {p.fukushi};
      const auto id = beside.add_item(p.plan_id, row).value();
      changes.push_back(change_json("c-" + std::to_string(i), {id, 0, 0, "content"}, 0, "内容"));
      for (int year = 2022; year <= 2026; ++year) {
        changes.push_back(change_json("m-" + std::to_string(i) + "-" + std::to_string(year),
                                      {id, 0, year, "marks"}, 0, "●"));
      }
    }
    const auto pushed =
        client.post(plan_path(p.plan_id) + "/changes", push_body(changes), coordinator);
    REQUIRE(pushed.status == 200);
    CHECK(pushed.body.find("\"refused\"") == std::string::npos);
  }
  const auto pages = plan_path(p.plan_id) + "/changes?limit=1000&since=";
  static const std::regex cursor_of(R"("cursor": ?([0-9]+))"), more_of(R"("more": ?(true|false))");
  std::int64_t cursor = 0;
  std::size_t marks = 0, read = 0;
  for (bool more = true; more && read < 10; ++read) {
    const auto page = client.get(pages + std::to_string(cursor), coordinator);
    REQUIRE(page.status == 200);
    std::smatch m;
    REQUIRE(std::regex_search(page.body, m, cursor_of));
    cursor = std::stoll(m[1]);
    REQUIRE(std::regex_search(page.body, m, more_of));
    more = m[1] == "true";
    for (auto at = page.body.find("\"●\""); at != std::string::npos;
         at = page.body.find("\"●\"", at + 1))
      ++marks;
  }
  CHECK(read == 2);
  CHECK(marks == 1000);  // every year's mark of every new row, each once
  CHECK(scrape(client)["matome_pull_pages_read_ahead_total"] == 1);
}
