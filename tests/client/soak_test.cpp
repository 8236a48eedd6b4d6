// The soak (issue #15): long runs of the random workload (random_workload.h)
// against a real matome-server process, while it is SIGKILLed at random
// moments, while a proxy breaks connections, and while its disk is full.
// Hidden from the test suite ([.soak]); scripts/soak runs them for minutes
// to hours, and CTest runs a few rounds of the first two so they keep
// working. Sizes and seed from the environment:
//   MATOME_SOAK_ROUNDS       kill rounds (200)
//   MATOME_SOAK_CONNECTIONS  connections broken by the proxy (1000)
//   MATOME_SOAK_SEED         the random seed (from the clock; printed)
//   MATOME_SOAK_SMALL_DIR    a directory on a small file system, for the
//                            full disk (scripts/soak mounts a tmpfs)
#include <signal.h>
#include <sys/statvfs.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "client/random_workload.h"
#include "support/catch_result.h"
#include "support/http_client.h"
#include "support/run_cli.h"
#include "support/server_process.h"

using namespace matome;
using namespace matome::test;
using namespace std::chrono_literals;

namespace {

long setting(const char* name, long fallback) {
  const char* text = std::getenv(name);
  return text != nullptr && *text != '\0' ? std::stol(text) : fallback;
}

unsigned seed_of_run() {
  const auto seed = static_cast<unsigned>(
      setting("MATOME_SOAK_SEED", std::chrono::steady_clock::now().time_since_epoch().count()));
  WARN("soak seed " << seed << " (MATOME_SOAK_SEED=" << seed << " repeats this run)");
  return seed;
}

// A database with the small plan and its users, and a server process on it.
struct soak_server {
  explicit soak_server(const std::filesystem::path& db_file) : db(db_file) {
    auto s = store::open(db).value();
    plan = make_or_find_test_plan(s);
  }
  std::filesystem::path db;
  small_plan plan;
  listening_socket socket{256};
  server_process process{db.string(), socket, {"--threads", "2"}};
  std::string url() const { return "http://127.0.0.1:" + std::to_string(socket.port()); }
  store open() const { return store::open(db).value(); }
};

// `matome-server check`: integrity, foreign keys and Matome's own rules.
void check_database(const std::filesystem::path& db) {
  const auto checked = run_server_admin({"--db", db.string(), "check"});
  INFO(checked.out << checked.err);
  CHECK(checked.exit_code == 0);
}

}  // namespace

TEST_CASE("soak: a server SIGKILLed at random moments loses nothing and applies nothing twice",
          "[.soak][kill]") {
  const unsigned seed = seed_of_run();
  const long rounds = setting("MATOME_SOAK_ROUNDS", 200);
  temp_dir dir;
  soak_server server(dir.file("master.db"));
  server.process.start();
  std::mt19937 random(seed);
  random_workload work(server.plan, dir.path(), server.url(), nullptr,
                       [&] { return server.open(); });
  work.timeout = 3s;

  int kills = 0;
  for (long round = 1; round <= rounds; ++round) {
    INFO("round " << round << " of " << rounds << ", seed " << seed);
    // The kill lands anywhere in the round's work: mid-push, mid-pull,
    // mid-transaction, between requests.
    const auto before_kill = std::chrono::milliseconds(random() % 300);
    const auto down_for = std::chrono::milliseconds(random() % 150);
    std::atomic<bool> restarted{false};
    bool killed_alive = false;
    std::string restart_error;
    std::thread killer([&] {
      std::this_thread::sleep_for(before_kill);
      killed_alive = server.process.kill();
      std::this_thread::sleep_for(down_for);
      try {
        server.process.start();
      } catch (const std::exception& e) {
        restart_error = e.what();
      }
      restarted = true;
    });
    for (int done = 0; done < 20 || !restarted; ++done) work.act(random);
    killer.join();
    REQUIRE(restart_error.empty());
    // The server was serving until the kill: it never died on its own.
    CHECK(killed_alive);
    kills += killed_alive ? 1 : 0;

    work.settle_then_check();
    check_database(server.db);
  }
  WARN(kills << " kills; " << work.done.failed_syncs << " syncs failed and were retried; "
             << work.done.resends << " changes resent after a client crash, " << work.done.bundles
             << " syncs by file, " << work.done.resolutions << " resolutions, " << work.done.steps
             << " workflow steps");
}

TEST_CASE("soak: connections cut, stalled, delayed and truncated lose nothing", "[.soak][faults]") {
  const unsigned seed = seed_of_run();
  const long connections = setting("MATOME_SOAK_CONNECTIONS", 1000);
  temp_dir dir;
  soak_server server(dir.file("master.db"));
  server.process.start();
  cut_proxy proxy(server.socket.port());
  std::mt19937 random(seed);
  random_workload work(server.plan, dir.path(), "http://127.0.0.1:" + std::to_string(proxy.port()),
                       nullptr, [&] { return server.open(); });
  // A stalled connection is given up after a second; the proxy holds it a
  // little longer.
  work.timeout = 1s;
  proxy.random_faults(seed, 1500ms);

  long checked_at = 0;
  while (proxy.faults().faulty() < connections) {
    work.act(random);
    // Every 250 broken connections, and at the end: a good network, and
    // the invariants.
    const int broken = proxy.faults().faulty();
    if (broken - checked_at >= 250 || broken >= connections) {
      INFO(broken << " connections broken, seed " << seed);
      proxy.random_faults(0, 0ms);
      work.settle_then_check();
      check_database(server.db);
      checked_at = broken;
      proxy.random_faults(seed + static_cast<unsigned>(broken), 1500ms);
    }
  }
  const auto f = proxy.faults();
  WARN(f.cut << " cut, " << f.stalled << " stalled, " << f.delayed << " delayed, " << f.truncated
             << " truncated, " << f.clean << " clean connections; " << work.done.failed_syncs
             << " syncs failed and were retried");
  CHECK(f.cut > 0);
  CHECK(f.stalled > 0);
  CHECK(f.delayed > 0);
  CHECK(f.truncated > 0);
}

TEST_CASE("soak: a full disk refuses changes with 503, keeps serving reads and loses nothing",
          "[.soak][disk]") {
  const char* small = std::getenv("MATOME_SOAK_SMALL_DIR");
  if (small == nullptr || *small == '\0') {
    FAIL(
        "MATOME_SOAK_SMALL_DIR is not set: run this through scripts/soak, which mounts a small "
        "tmpfs for it");
  }
  const std::filesystem::path small_dir(small);
  temp_dir dir;  // the desktop's side, on a disk with room
  soak_server server(small_dir / "master.db");
  server.process.start();
  auto coord = signed_in_replica(dir.file("coord.replica"), server.url(), "coord", "coord-pc");
  auto net = client::make_http_transport(server.url(), *coord.setting("token"), 5s);
  REQUIRE(client::sync(coord, *net));

  // The server's file system fills up (another program's log, say).
  const auto filler = small_dir / "filler";
  {
    std::ofstream out(filler, std::ios::binary);
    const std::string block(64 * 1024, 'x');
    while (out.write(block.data(), static_cast<std::streamsize>(block.size()))) {
    }
  }
  struct statvfs fs {};
  REQUIRE(::statvfs(small, &fs) == 0);
  INFO("bytes left: " << fs.f_bavail * fs.f_frsize);
  REQUIRE(fs.f_bavail * fs.f_frsize < 64 * 1024);

  // The coordinator's edits need more room than is left: long texts in
  // every plan row and report cell it may write.
  std::vector<cell_key> cells;
  for (const auto item : {server.plan.solo_row, server.plan.shared_row})
    cells.push_back({item, 0, 0, "content"});
  for (int year = 2022; year <= 2026; ++year) {
    cells.push_back({server.plan.solo_row, server.plan.fukushi, year, "reason"});
    cells.push_back({server.plan.shared_row, server.plan.fukushi, year, "reason"});
    cells.push_back({server.plan.shared_row, server.plan.shakyo, year, "reason"});
  }
  auto long_text = [](std::size_t i) {
    std::string text = "第" + std::to_string(i) + "欄：";
    while (text.size() < 3 * 3990) text += "取組を継続した。";
    return text;
  };
  for (std::size_t i = 0; i < cells.size(); ++i) {
    auto ok = coord.edit(cells[i], long_text(i));
    INFO(to_string(cells[i]) << (ok ? "" : ok.error().message));
    REQUIRE(ok);
  }
  auto refused = client::sync(coord, *net);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == errc::storage);
  INFO(refused.error().message);
  CHECK(refused.error().message.find("ディスクに空きがありません") != std::string::npos);
  CHECK(refused.error().message.find("変更は適用されていません") != std::string::npos);
  // The edits wait on the desktop.
  CHECK(coord.status().pending == static_cast<int>(cells.size()));

  // The server is up and serves reads meanwhile.
  http_client h(server.socket.port());
  CHECK(h.get("/api/v1/health").status == 200);
  auto page = net->pull(server.plan.plan_id, 0, 1000);
  REQUIRE(page);
  CHECK(page->cells.empty());  // nothing half-applied
  for (int i = 0; i < 5; ++i) CHECK_FALSE(client::sync(coord, *net));
  CHECK(server.process.running());

  // Room again: the edits go in, once each.
  std::filesystem::remove(filler);
  REQUIRE(client::sync(coord, *net));
  CHECK(coord.status().pending == 0);
  auto s = server.open();
  for (std::size_t i = 0; i < cells.size(); ++i) {
    CHECK(s.find_cell(cells[i])->value == long_text(i));
    CHECK(s.history_of(cells[i]).size() == 1);
  }
  check_database(server.db);
}
