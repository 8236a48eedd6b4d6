// The real matome-server process killed (SIGKILL) in the middle of a sync,
// then restarted on the same database: after the retries every edit is
// applied exactly once and nothing acknowledged is lost. The kills land at
// chosen points: before a batch is sent, and after the server applied a
// batch but before its answer reached the client.
#include <atomic>
#include <catch2/catch.hpp>
#include <csignal>
#include <thread>

#include "matome/client/sync_engine.h"
#include "support/catch_result.h"
#include "support/http_client.h"
#include "support/listening_socket.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

using namespace matome;
using namespace matome::test;
using namespace std::chrono_literals;

namespace {

// The real HTTP transport, killing the server at one chosen push: before
// it is sent, or after the server answered it (the answer is then lost).
// Pushes run on the sync engine's threads (two in flight), so this counts
// and remembers with atomics, and the test checks on its own thread.
class killing_transport final : public client::transport {
 public:
  killing_transport(std::unique_ptr<client::transport> real, server_process& server)
      : real_(std::move(real)), server_(server) {}
  // Kills at the `push`-th push of the next sync; `after`: once it was applied.
  void arm(int push, bool after) {
    pushes_ = 0;
    kill_at_ = push;
    after_ = after;
  }
  // The kill ended a serving server, and (`after`) only once its push was
  // answered.
  bool killed() const { return killed_ && ended_live_server_ && (!after_ || answered_); }
  void disarm() {
    kill_at_ = 0;
    killed_ = false;
    ended_live_server_ = false;
    answered_ = false;
  }

  result<client::server_view> view(std::int64_t cursor) override { return real_->view(cursor); }
  result<wire::plan_snapshot> snapshot(record_id plan_id) override {
    return real_->snapshot(plan_id);
  }
  result<wire::push_response> push(const wire::push_request& request) override {
    const bool here = ++pushes_ == kill_at_;
    if (here && !after_) kill();
    auto answer = real_->push(request);
    if (here && after_) {
      answered_ = answer.has_value();  // applied by the server
      kill();
      return make_error(errc::unreachable, "the answer was lost with the server");
    }
    return answer;
  }
  result<wire::pull_page> pull(record_id plan_id, std::int64_t since, std::size_t limit) override {
    return real_->pull(plan_id, since, limit);
  }
  result<wire::action_response> push_actions(const wire::action_request& request) override {
    return real_->push_actions(request);
  }

 private:
  void kill() {
    ended_live_server_ = server_.kill();  // it was serving until now
    killed_ = true;
  }
  std::unique_ptr<client::transport> real_;
  server_process& server_;
  std::atomic<int> pushes_ = 0;
  int kill_at_ = 0;
  bool after_ = false;
  std::atomic<bool> killed_ = false;
  std::atomic<bool> ended_live_server_ = false;
  std::atomic<bool> answered_ = false;
};

}  // namespace

TEST_CASE("a server killed mid-sync and restarted loses nothing and applies nothing twice",
          "[client][crash]") {
  temp_dir dir;
  // Held for the whole run: every server process serves it (--listen-fd),
  // so the port stays this test's across kills.
  const listening_socket socket;
  server_process server(dir.file("master.db").string(), socket, {"--demo", "--threads", "1"});
  server.start();
  const std::string url = "http://127.0.0.1:" + std::to_string(socket.port());

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

  // Batches of 5: a sync of every cell takes several pushes.
  const client::sync_options small_batches{.push_batch = 5};
  REQUIRE(cells.size() > 4 * small_batches.push_batch);
  // A request sent after the kill waits in the kept socket's backlog until
  // this deadline: short, so the even rounds do not take long.
  killing_transport killer(client::make_http_transport(url, who.token, std::chrono::seconds(2)),
                           server);
  const int rounds = 10;
  for (int round = 1; round <= rounds; ++round) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      REQUIRE(coord.edit(cells[i], "第" + std::to_string(round) + "版 " + std::to_string(i)));
    }
    // Odd rounds: killed once the 4th batch was applied, its answer lost.
    // Even rounds: killed just before the 3rd was sent. (Two batches are in
    // flight: the 3rd is sent once the 1st has landed.)
    killer.arm(3 + round % 2, round % 2 == 1);
    auto cut = client::sync(coord, killer, small_batches);
    REQUIRE(killer.killed());
    REQUIRE_FALSE(cut);
    CHECK(cut.error().code == errc::unreachable);
    // Mid-sync indeed: some batches went in, the rest is still to send.
    const auto waiting = coord.status().pending;
    CHECK(waiting > 0);
    CHECK(waiting < static_cast<int>(cells.size()));
    killer.disarm();
    server.start();
    REQUIRE(client::sync(coord, killer, small_batches));
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
}
