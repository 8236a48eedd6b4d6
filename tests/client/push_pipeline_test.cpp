// The sync engine keeps two pushes in flight (sync_engine.cpp): each change
// is sent once per sync, never in two batches at once, and a failed batch
// still lets the other one's answer be kept.
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <mutex>
#include <thread>

#include "client/client_fixture.h"
#include "support/catch_result.h"

using namespace matome;
using namespace matome::test;

namespace {

// The real transport, watching the pushes: how many were in flight at
// once, which ids were sent, and (when asked) a failure at one push.
class watching_transport final : public client::transport {
 public:
  explicit watching_transport(std::unique_ptr<client::transport> real) : real_(std::move(real)) {}
  int fail_at = 0;  // the n-th push of a sync fails without reaching the server

  result<client::server_view> view(std::int64_t cursor) override { return real_->view(cursor); }
  result<wire::plan_snapshot> snapshot(record_id plan_id) override {
    return real_->snapshot(plan_id);
  }
  result<wire::push_response> push(const wire::push_request& request) override {
    const int n = ++pushes_;
    const int now = ++in_flight_;
    for (int seen = most_; now > seen && !most_.compare_exchange_weak(seen, now);) {
    }
    {
      std::lock_guard lock(mutex_);
      for (const auto& c : request.changes) sent_.push_back(c.change_id);
    }
    // Long enough for the next batch to be sent meanwhile.
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    auto answer = n == fail_at ? result<wire::push_response>(
                                     make_error(errc::unreachable, "the network dropped this one"))
                               : real_->push(request);
    if (answer) {
      std::lock_guard lock(mutex_);
      answered_ += static_cast<int>(request.changes.size());
    }
    --in_flight_;
    return answer;
  }
  result<wire::pull_page> pull(record_id plan_id, std::int64_t since, std::size_t limit) override {
    return real_->pull(plan_id, since, limit);
  }
  result<wire::action_response> push_actions(const wire::action_request& request) override {
    return real_->push_actions(request);
  }

  int most_in_flight() const { return most_; }
  std::vector<std::string> sent() {
    std::lock_guard lock(mutex_);
    return sent_;
  }
  // Changes in pushes the server answered.
  int answered() {
    std::lock_guard lock(mutex_);
    return answered_;
  }
  void reset() {
    pushes_ = 0;
    most_ = 0;
    std::lock_guard lock(mutex_);
    sent_.clear();
    answered_ = 0;
  }

 private:
  std::unique_ptr<client::transport> real_;
  std::atomic<int> pushes_ = 0, in_flight_ = 0, most_ = 0;
  std::mutex mutex_;
  std::vector<std::string> sent_;
  int answered_ = 0;
};

// A coordinator with six plan cells edited and not yet sent (three
// batches of two), and a transport watching its pushes.
struct pipeline_fixture : client_fixture {
  client::replica coord = sign_in("coord");
  std::vector<cell_key> cells;
  const std::vector<std::string> marks = {"●", "○", "×", "●", "○", "×"};
  watching_transport watcher{
      client::make_http_transport(url(), *coord.setting("token"), std::chrono::seconds(5))};
  const client::sync_options batches_of_two{.push_batch = 2};

  pipeline_fixture() {
    for (int year = 2022; year <= 2024; ++year) {
      cells.push_back({p.solo_row, 0, year, "marks"});
      cells.push_back({p.shared_row, 0, year, "marks"});
    }
    for (std::size_t i = 0; i < cells.size(); ++i) REQUIRE(coord.edit(cells[i], marks[i]));
  }
};

}  // namespace

TEST_CASE("a sync keeps two pushes in flight and sends each change once", "[client][sync]") {
  pipeline_fixture f;
  auto report = client::sync(f.coord, f.watcher, f.batches_of_two);
  REQUIRE(report);
  CHECK(report->applied == static_cast<int>(f.cells.size()));
  CHECK(f.watcher.most_in_flight() == 2);
  auto sent = f.watcher.sent();
  CHECK(sent.size() == f.cells.size());
  std::ranges::sort(sent);
  CHECK(std::ranges::adjacent_find(sent) == sent.end());  // no id in two batches
  CHECK(f.coord.status().pending == 0);
  for (std::size_t i = 0; i < f.cells.size(); ++i) CHECK(f.server_value(f.cells[i]) == f.marks[i]);
}

TEST_CASE(
    "a push that fails beside another keeps the other's answer, and the next sync sends the rest",
    "[client][sync]") {
  pipeline_fixture f;
  // The 2nd push to start fails. Which batch that is depends on which of
  // the two threads starts first; either way the other batch in flight
  // is answered, and its answer must be kept.
  f.watcher.fail_at = 2;
  auto cut = client::sync(f.coord, f.watcher, f.batches_of_two);
  REQUIRE_FALSE(cut);
  CHECK(cut.error().code == errc::unreachable);
  const int answered = f.watcher.answered();
  CHECK(answered >= 2);
  // Only what was not answered waits: the failed batch and any not sent.
  const int waiting = static_cast<int>(f.cells.size()) - answered;
  CHECK(f.coord.status().pending == waiting);

  f.watcher.fail_at = 0;
  f.watcher.reset();
  auto again = client::sync(f.coord, f.watcher, f.batches_of_two);
  REQUIRE(again);
  CHECK(again->applied == waiting);
  CHECK(static_cast<int>(f.watcher.sent().size()) == waiting);
  CHECK(f.coord.status().pending == 0);
  auto server = f.server_store();
  for (std::size_t i = 0; i < f.cells.size(); ++i) {
    CHECK(server.find_cell(f.cells[i])->value == f.marks[i]);
    CHECK(server.history_of(f.cells[i]).size() == 1);  // each applied once
  }
}
