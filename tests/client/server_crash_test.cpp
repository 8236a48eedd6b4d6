// The real matome-server process killed (SIGKILL) at random moments while a
// client syncs, then restarted on the same database: after the retries every
// edit is applied exactly once and nothing acknowledged is lost.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <random>
#include <thread>

#include "matome/client/sync_engine.h"
#include "support/catch_result.h"
#include "support/http_client.h"
#include "support/temp_dir.h"

extern char** environ;

using namespace matome;
using namespace matome::test;
using namespace std::chrono_literals;

namespace {

unsigned short free_port() {
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t length = sizeof a;
  ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &length);
  ::close(s);
  return ntohs(a.sin_port);
}

class server_process {
 public:
  server_process(std::string db, unsigned short port) : db_(std::move(db)), port_(port) {}
  ~server_process() { kill(); }

  void start() {
    std::vector<std::string> args = {
        MATOME_SERVER, "--db", db_, "--demo", "--listen", "127.0.0.1:" + std::to_string(port_),
        "--threads",   "1"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t quiet;
    posix_spawn_file_actions_init(&quiet);
    posix_spawn_file_actions_addopen(&quiet, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    REQUIRE(posix_spawn(&pid_, MATOME_SERVER, &quiet, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&quiet);
    http_client probe(port_);
    for (int i = 0; i < 200; ++i) {
      try {
        if (probe.get("/api/v1/health").status == 200) return;
      } catch (const std::exception&) {
      }
      std::this_thread::sleep_for(25ms);
    }
    FAIL("matome-server did not come up");
  }

  void kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = 0;
  }

 private:
  std::string db_;
  unsigned short port_;
  pid_t pid_ = 0;
};

}  // namespace

TEST_CASE("a server killed mid-sync and restarted loses nothing and applies nothing twice",
          "[client][crash]") {
  temp_dir dir;
  const unsigned short port = free_port();
  server_process server(dir.file("master.db").string(), port);
  server.start();
  const std::string url = "http://127.0.0.1:" + std::to_string(port);

  auto coord = client::replica::open(dir.file("coord.replica")).value();
  auto who = client::sign_in(url, "coord", "demo", "coord-pc").value();
  coord.set_identity({url, who.user, "coord-pc", who.department_id, who.role, who.plan_ids.at(0)});
  coord.set_setting("token", who.token);
  auto transport = client::make_http_transport(url, who.token, std::chrono::seconds(5));
  REQUIRE(client::sync(coord, *transport));
  const auto index = coord.plan().value();
  std::vector<cell_key> cells;
  for (const auto& item : index.items) {
    if (index.plan.is_row(item)) cells.push_back({item.id, 0, 0, "final_goal"});
  }
  REQUIRE(cells.size() >= 20);

  std::mt19937 random(7);
  const int rounds = 10;
  int kills_mid_sync = 0;
  for (int round = 1; round <= rounds; ++round) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      REQUIRE(coord.edit(cells[i], "第" + std::to_string(round) + "版 " + std::to_string(i)));
    }
    std::thread syncing([&] { (void)client::sync(coord, *transport); });
    std::this_thread::sleep_for(std::chrono::microseconds(random() % 6000));
    server.kill();
    syncing.join();
    kills_mid_sync += coord.status().pending > 0 ? 1 : 0;
    server.start();
    REQUIRE(client::sync(coord, *transport));
    REQUIRE(coord.status().pending == 0);
  }

  auto master = store::open(dir.file("master.db")).value();
  for (std::size_t i = 0; i < cells.size(); ++i) {
    INFO(to_string(cells[i]));
    CHECK(master.find_cell(cells[i])->value ==
          "第" + std::to_string(rounds) + "版 " + std::to_string(i));
    // The demo's own value, then exactly one row per round.
    CHECK(master.history_of(cells[i]).size() == static_cast<std::size_t>(rounds) + 1);
  }
  CHECK(master.open_conflicts(index.plan.id).empty());
  WARN("server killed " << rounds << " times; " << kills_mid_sync << " with edits still unsent");
}
