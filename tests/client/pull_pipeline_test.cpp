// The first sync of a new computer's replica asks for its first page of
// values while it fetches the view and the plan's structure
// (sync_engine.cpp), so the server reads and encodes it meanwhile.
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "client/client_fixture.h"
#include "support/catch_result.h"

using namespace matome;
using namespace matome::test;

namespace {

// The real transport, with the structure slow to come: whether a pull was
// under way before it came, and every cursor a pull started from.
class slow_structure_transport final : public client::transport {
 public:
  explicit slow_structure_transport(std::unique_ptr<client::transport> real)
      : real_(std::move(real)) {}

  result<client::server_view> view(std::int64_t cursor) override { return real_->view(cursor); }
  result<wire::plan_snapshot> snapshot(record_id plan_id) override {
    // Long enough for a pull asked for at the start to be under way. Only
    // the sync's first structure counts: a later one (a page of a newer
    // structure) comes after pulls anyway.
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    if (snapshots_++ == 0) pulled_before_structure_ = pulls_ > 0;
    return real_->snapshot(plan_id);
  }
  result<wire::push_response> push(const wire::push_request& request) override {
    return real_->push(request);
  }
  result<wire::pull_page> pull(record_id plan_id, std::int64_t since, std::size_t limit) override {
    ++pulls_;
    if (since == 0) ++from_start_;
    return real_->pull(plan_id, since, limit);
  }
  result<wire::action_response> push_actions(const wire::action_request& request) override {
    return real_->push_actions(request);
  }

  bool pulled_before_structure() const { return pulled_before_structure_; }
  int pulls() const { return pulls_; }
  int pulls_from_start() const { return from_start_; }
  void reset() { pulls_ = from_start_ = snapshots_ = 0; }

 private:
  std::unique_ptr<client::transport> real_;
  std::atomic<int> pulls_ = 0, from_start_ = 0, snapshots_ = 0;
  std::atomic<bool> pulled_before_structure_ = false;
};

}  // namespace

TEST_CASE("a first sync pulls its first page while the structure comes, and gets every value",
          "[client][sync]") {
  client_fixture f;
  // Values on the server before the new computer's first sync: pages of
  // two, so the first page is not the last.
  auto coord = f.sign_in("coord");
  const std::vector<cell_key> cells{{f.p.solo_row, 0, 2022, "marks"},
                                    {f.p.shared_row, 0, 2022, "marks"},
                                    {f.p.solo_row, 0, 2023, "marks"},
                                    {f.p.shared_row, 0, 2023, "marks"},
                                    {f.p.solo_row, 0, 2024, "marks"}};
  for (const auto& c : cells) REQUIRE(coord.edit(c, "●"));
  REQUIRE(f.sync(coord));

  auto fresh = signed_in_replica(f.dir.file("new-pc.replica"), f.url(), "coord", "new-pc");
  slow_structure_transport watcher(
      client::make_http_transport(f.url(), *fresh.setting("token"), std::chrono::seconds(5)));
  const client::sync_options pages_of_two{.page_size = 2};
  auto report = client::sync(fresh, watcher, pages_of_two);
  REQUIRE(report);
  CHECK(watcher.pulled_before_structure());
  CHECK(watcher.pulls_from_start() == 1);  // the page asked for early is the one used
  for (const auto& c : cells) CHECK(fresh.value_of(c) == "●");
  CHECK(report->cursor == coord.cursor());

  // A later sync asks for nothing early: it pulls from where the replica stands.
  watcher.reset();
  REQUIRE(coord.edit(cells[0], "○"));
  REQUIRE(f.sync(coord));
  REQUIRE(client::sync(fresh, watcher, pages_of_two));
  CHECK(watcher.pulls_from_start() == 0);
  CHECK(fresh.value_of(cells[0]) == "○");
}
