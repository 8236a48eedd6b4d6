// Growth that users of other sync systems report (issue #15): a database
// that swells with retries, and desktops that get slower with every
// conflict ever settled. Here the retries of 100,000 change ids write
// nothing, and 10,000 settled conflicts cost the database what they record
// and a desktop that never saw them open nothing at all.
#include <catch2/catch.hpp>
#include <optional>

#include "client/client_fixture.h"
#include "support/catch_result.h"

using namespace matome;
using namespace matome::test;

namespace {

std::int64_t scalar(store& s, const std::string& sql) {
  auto stmt = s.db().prepare(sql);
  stmt.step();
  return stmt.int64(0);
}

// The database's logical size: its pages, whether still in the WAL or not.
std::int64_t used_bytes(store& s) {
  return scalar(s, "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size");
}

// What a repeat must not change.
struct footprint {
  std::int64_t bytes = 0, history = 0, outcomes = 0, conflicts = 0, last_seq = 0;
  bool operator==(const footprint&) const = default;
};
footprint footprint_of(store& s) {
  return {used_bytes(s), scalar(s, "SELECT count(*) FROM history"),
          scalar(s, "SELECT count(*) FROM applied_changes"),
          scalar(s, "SELECT count(*) FROM conflicts"), s.last_seq()};
}

// The small plan's report cells of 福祉課 in the reporting year.
std::vector<cell_key> fukushi_cells(const small_plan& p) {
  std::vector<cell_key> cells;
  for (const auto row : {p.solo_row, p.shared_row}) {
    for (const char* field : {"progress", "reason"}) cells.push_back({row, p.fukushi, 2023, field});
  }
  return cells;
}

// The real server's transport, whose pulls fail while `cut` is set: a
// network lost between a push and its pull.
class pull_cut_transport final : public client::transport {
 public:
  explicit pull_cut_transport(std::unique_ptr<client::transport> inner)
      : inner_(std::move(inner)) {}
  bool cut = true;
  result<client::server_view> view(std::int64_t cursor) override { return inner_->view(cursor); }
  result<wire::plan_snapshot> snapshot(record_id plan_id) override {
    return inner_->snapshot(plan_id);
  }
  result<wire::push_response> push(const wire::push_request& request) override {
    return inner_->push(request);
  }
  result<wire::pull_page> pull(record_id plan_id, std::int64_t since, std::size_t limit) override {
    if (cut) return make_error(errc::unreachable, "connection lost");
    return inner_->pull(plan_id, since, limit);
  }
  result<wire::action_response> push_actions(const wire::action_request& request) override {
    return inner_->push_actions(request);
  }

 private:
  std::unique_ptr<client::transport> inner_;
};

}  // namespace

TEST_CASE("a conflict settled before its author's desktop pulled leaves nothing open there",
          "[client][sync][growth]") {
  client_fixture f;
  auto coord = f.sign_in("coord");
  auto desk = f.sign_in("fukushi1");
  const cell_key cell{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(coord.edit(cell, "取りまとめの値"));
  REQUIRE(f.sync(coord));
  REQUIRE(desk.edit(cell, "担当課の値"));

  // The desk's push gets its conflict; the pull after it is lost.
  pull_cut_transport net(
      client::make_http_transport(f.url(), *desk.setting("token"), std::chrono::seconds(5)));
  REQUIRE_FALSE(client::sync(desk, net));
  CHECK(desk.status().conflicts == 1);

  // The coordinator settles it before the desk is back.
  REQUIRE(f.sync(coord));
  const auto open = coord.db().open_conflicts(f.p.plan_id);
  REQUIRE(open.size() == 1);
  REQUIRE(coord.queue_resolution(open[0].id, "incoming", ""));
  REQUIRE(f.sync(coord));
  REQUIRE(f.server_store().open_conflicts(f.p.plan_id).empty());

  // Back online, the desk shows the settled value and no conflict.
  net.cut = false;
  REQUIRE(client::sync(desk, net));
  CHECK(desk.status().conflicts == 0);
  CHECK(desk.value_of(cell) == "担当課の値");
  CHECK(visible_content(desk.db(), f.p.plan_id, {f.p.fukushi, false}) ==
        f.server_content({f.p.fukushi, false}));
}

TEST_CASE("100,000 repeated change ids add nothing and are answered from their first outcome",
          "[client][sync][growth]") {
  client_fixture f;
  auto coord = f.sign_in("coord");
  auto member = f.sign_in("fukushi1");
  const auto cells = fukushi_cells(f.p);

  // First sends: the coordinator's values are applied; the member's, based
  // on the empty cells, are conflicts, but for one value equal to the
  // coordinator's (already there) and one for a department not its own
  // (refused). Every kind of outcome is then retried.
  std::vector<cell_change> by_coord, by_member;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    by_coord.push_back(
        cell_change{"coord-" + std::to_string(i), cells[i], 0, "取りまとめ " + std::to_string(i)});
  }
  for (std::size_t i = 0; i + 1 < cells.size(); ++i) {
    by_member.push_back(
        cell_change{"member-" + std::to_string(i), cells[i], 0, "担当課 " + std::to_string(i)});
  }
  by_member.push_back(cell_change{"member-same", cells.back(), 0, by_coord.back().value});
  by_member.push_back(
      cell_change{"member-other", {f.p.shared_row, f.p.shakyo, 2023, "progress"}, 0, "社協の欄"});

  const auto first_coord = f.push_as("coord", by_coord).outcomes;
  const auto first_member = f.push_as("fukushi1", by_member).outcomes;
  REQUIRE(first_member.size() == by_member.size());
  CHECK(first_member[0].kind == outcome_kind::conflict);
  CHECK(first_member[cells.size() - 1].kind == outcome_kind::applied);  // the value already there
  CHECK(first_member.back().kind == outcome_kind::refused);

  REQUIRE(f.sync(coord));
  auto s = f.server_store();
  const footprint before = footprint_of(s);

  // 100 pushes of 1,000 retried ids each, half from each sender.
  auto same_answer = [](const change_outcome& first, const change_outcome& again) {
    return again.change_id == first.change_id && again.kind == first.kind &&
           again.version == first.version && again.conflict_id == first.conflict_id &&
           again.reason_code == first.reason_code && again.repeated;
  };
  int repeats = 0;
  for (int push = 0; push < 100; ++push) {
    const bool from_coord = push % 2 == 0;
    const auto& sent = from_coord ? by_coord : by_member;
    const auto& first = from_coord ? first_coord : first_member;
    std::vector<cell_change> batch;
    for (std::size_t i = 0; i < 1000; ++i) batch.push_back(sent[i % sent.size()]);
    const auto answer = f.push_as(from_coord ? "coord" : "fukushi1", batch);
    REQUIRE(answer.outcomes.size() == batch.size());
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (!same_answer(first[i % sent.size()], answer.outcomes[i])) {
        FAIL("push " << push << ", change " << i << " (" << batch[i].change_id
                     << ") was not answered with its first outcome");
      }
      ++repeats;
    }
  }
  CHECK(repeats == 100000);

  // Nothing was written: not a page, a row or a sequence number.
  const footprint after = footprint_of(s);
  CHECK(after.bytes == before.bytes);
  CHECK(after.history == before.history);
  CHECK(after.outcomes == before.outcomes);
  CHECK(after.conflicts == before.conflicts);
  CHECK(after.last_seq == before.last_seq);

  // So a desktop's next sync has nothing to fetch.
  const auto cursor_before = coord.cursor();
  auto report = f.sync(coord);
  REQUIRE(report);
  CHECK(report->received == 0);
  CHECK(report->cursor == cursor_before);
}

TEST_CASE(
    "10,000 settled conflicts cost what they record, and nothing to a desktop that never saw them",
    "[client][sync][growth]") {
  client_fixture f;
  // A desktop that synced before the conflicts and holds one open.
  auto early = f.sign_in("fukushi1", 0, "early");
  f.sign_in("coord");
  const auto cells = fukushi_cells(f.p);
  f.push_as("coord", {cell_change{"before-1", cells[0], 0, "取りまとめが先に"}});
  REQUIRE(f.push_as("fukushi1", {cell_change{"before-2", cells[0], 0, "担当課も"}})
              .outcomes.at(0)
              .kind == outcome_kind::conflict);
  REQUIRE(f.sync(early));
  REQUIRE(early.status().conflicts == 1);
  const actor coordinator{"coord", "coord-pc", f.p.fukushi, role::coordinator};
  const actor member{"fukushi1", "fukushi1-laptop", f.p.fukushi, role::member};

  constexpr int total = 10000;
  const int rounds = total / static_cast<int>(cells.size());
  std::int64_t bytes_at_start = 0, bytes_at_half = 0, bytes_at_end = 0;
  f.restart_server([&] {
    auto s = f.server_store();
    for (const auto& open : s.open_conflicts(f.p.plan_id)) {
      REQUIRE(s.resolve_conflict(f.p.index, coordinator, open.id, store::resolution::keep_server,
                                 "", 0));
    }
    bytes_at_start = used_bytes(s);
    int made = 0;
    // Committed every 250 rounds, not every step: the same rows, written
    // without waiting for the disk 15,000 times.
    std::optional<sqlite::transaction> batch;
    for (int round = 0; round < rounds; ++round) {
      if (!batch) batch.emplace(s.db());
      // The coordinator writes each cell; the member, from the value before,
      // writes it too: a conflict. The coordinator then settles it, one way
      // or the other, with a value of its own every third time.
      std::vector<cell_change> first, second;
      for (std::size_t i = 0; i < cells.size(); ++i) {
        const version_t base = s.find_cell(cells[i]).value_or(cell{cells[i], "", 0}).version;
        const std::string n = std::to_string(round) + "-" + std::to_string(i);
        first.push_back(cell_change{"c-" + n, cells[i], base, "取りまとめの記入 " + n});
        second.push_back(cell_change{"m-" + n, cells[i], base, "担当課の記入 " + n});
      }
      s.apply(f.p.index, coordinator, first);
      for (const auto& o : s.apply(f.p.index, member, second)) {
        REQUIRE(o.kind == outcome_kind::conflict);
        const auto how = made % 3 == 0   ? store::resolution::merged
                         : made % 3 == 1 ? store::resolution::keep_server
                                         : store::resolution::take_incoming;
        REQUIRE(s.resolve_conflict(f.p.index, coordinator, o.conflict_id, how,
                                   "両方を踏まえた記入 " + std::to_string(made), 0));
        ++made;
      }
      if (round % 250 == 249) {
        batch->commit();
        batch.reset();
      }
      if (made == total / 2) bytes_at_half = used_bytes(s);
    }
    REQUIRE_FALSE(batch);
    bytes_at_end = used_bytes(s);
    REQUIRE(made == total);
    CHECK(s.open_conflicts(f.p.plan_id).empty());
  });

  // The database grows by what each conflict records (the conflict, the
  // outcome of the change that caused it, the history rows of the values
  // written) and no more: the second 5,000 cost what the first did.
  const double first_half = static_cast<double>(bytes_at_half - bytes_at_start);
  const double second_half = static_cast<double>(bytes_at_end - bytes_at_half);
  INFO("bytes per settled conflict: " << (bytes_at_end - bytes_at_start) / total);
  CHECK(second_half < first_half * 1.25);
  CHECK((bytes_at_end - bytes_at_start) / total < 2048);

  // A desktop signed in afterwards fetches the cells as they are now, and
  // none of the 10,000 conflicts it never saw open.
  auto fresh = f.sign_in("fukushi1", 0, "fresh");
  CHECK(scalar(fresh.db(), "SELECT count(*) FROM conflicts") == 0);
  for (const auto& key : cells) CHECK(fresh.value_of(key) == f.server_value(key));
  // Nor does the desktop that synced before them, for the same reason; it
  // learns only that the one it held open was settled.
  auto report = f.sync(early);
  REQUIRE(report);
  CHECK(early.status().conflicts == 0);
  CHECK(scalar(early.db(), "SELECT count(*) FROM conflicts") == 1);
  CHECK(report->received < 100);
  for (const auto& key : cells) CHECK(early.value_of(key) == f.server_value(key));
}
