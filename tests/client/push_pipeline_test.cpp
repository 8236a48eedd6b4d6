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
  void reset() {
    pushes_ = 0;
    most_ = 0;
    std::lock_guard lock(mutex_);
    sent_.clear();
  }

 private:
  std::unique_ptr<client::transport> real_;
  std::atomic<int> pushes_ = 0, in_flight_ = 0, most_ = 0;
  std::mutex mutex_;
  std::vector<std::string> sent_;
};

// Six plan cells a coordinator may write: three batches of two.
std::vector<cell_key> plan_cells(const small_plan& p) {
  std::vector<cell_key> out;
  for (int year = 2022; year <= 2024; ++year) {
    out.push_back({p.solo_row, 0, year, "marks"});
    out.push_back({p.shared_row, 0, year, "marks"});
  }
  return out;
}

}  // namespace

TEST_CASE("a sync keeps two pushes in flight and sends each change once", "[client][sync]") {
  client_fixture f;
  auto coord = f.sign_in("coord");
  const auto cells = plan_cells(f.p);
  const std::string marks[] = {"●", "○", "×", "●", "○", "×"};
  for (std::size_t i = 0; i < cells.size(); ++i) REQUIRE(coord.edit(cells[i], marks[i]));

  watching_transport watcher(
      client::make_http_transport(f.url(), *coord.setting("token"), std::chrono::seconds(5)));
  const client::sync_options batches_of_two{.push_batch = 2};
  auto report = client::sync(coord, watcher, batches_of_two);
  REQUIRE(report);
  CHECK(report->applied == static_cast<int>(cells.size()));
  CHECK(watcher.most_in_flight() == 2);
  auto sent = watcher.sent();
  CHECK(sent.size() == cells.size());
  std::ranges::sort(sent);
  CHECK(std::ranges::adjacent_find(sent) == sent.end());  // no id in two batches
  CHECK(coord.status().pending == 0);
  for (std::size_t i = 0; i < cells.size(); ++i) CHECK(f.server_value(cells[i]) == marks[i]);
}

TEST_CASE(
    "a push that fails beside another keeps the other's answer, and the next sync sends the rest",
    "[client][sync]") {
  client_fixture f;
  auto coord = f.sign_in("coord");
  const auto cells = plan_cells(f.p);
  const std::string marks[] = {"●", "○", "×", "●", "○", "×"};
  for (std::size_t i = 0; i < cells.size(); ++i) REQUIRE(coord.edit(cells[i], marks[i]));

  watching_transport watcher(
      client::make_http_transport(f.url(), *coord.setting("token"), std::chrono::seconds(5)));
  watcher.fail_at = 2;  // the 2nd batch, in flight beside the 1st
  const client::sync_options batches_of_two{.push_batch = 2};
  auto cut = client::sync(coord, watcher, batches_of_two);
  REQUIRE_FALSE(cut);
  CHECK(cut.error().code == errc::unreachable);
  // The 3rd batch was sent before the 2nd's failure was known; the 1st's
  // and the 3rd's answers were kept, and only the failed batch waits.
  CHECK(coord.status().pending == 2);

  watcher.fail_at = 0;
  watcher.reset();
  auto again = client::sync(coord, watcher, batches_of_two);
  REQUIRE(again);
  CHECK(again->applied == 2);
  CHECK(watcher.sent().size() == 2);
  CHECK(coord.status().pending == 0);
  auto server = f.server_store();
  for (std::size_t i = 0; i < cells.size(); ++i) {
    CHECK(server.find_cell(cells[i])->value == marks[i]);
    CHECK(server.history_of(cells[i]).size() == 1);  // each applied once
  }
}
