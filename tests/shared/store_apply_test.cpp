#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <set>

#include "support/catch_result.h"
#include "support/temp_dir.h"
#include "support/test_plan.h"

using namespace matome;

namespace {
struct fixture : test::store_fixture {
  change_outcome apply_one(const actor& who, const cell_change& c) {
    auto outcomes = s.apply(p.index, who, std::span(&c, 1));
    REQUIRE(outcomes.size() == 1);
    return outcomes.front();
  }
  std::string value_of(const cell_key& k) {
    auto c = s.find_cell(k);
    return c ? c->value : std::string("<none>");
  }
};
}  // namespace

TEST_CASE("an applied change stores the value, a new version and one history row",
          "[store][apply]") {
  fixture f;
  const cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  auto o = f.apply_one(f.p.member_of_fukushi(), {"c-1", key, 0, "講座を3回開催した。"});
  CHECK(o.kind == outcome_kind::applied);
  CHECK(o.version > 0);
  CHECK(f.value_of(key) == "講座を3回開催した。");
  CHECK(f.s.find_cell(key)->version == o.version);

  auto history = f.s.history_of(key);
  REQUIRE(history.size() == 1);
  CHECK(history[0].old_value.empty());
  CHECK(history[0].new_value == "講座を3回開催した。");
  CHECK(history[0].user == "fukushi1");
  CHECK(history[0].device == "pc-1");
  CHECK(history[0].seq == o.version);
  CHECK(f.s.find_entry(key.entry()).status ==
        entry_status::draft);  // the first edit starts the entry
}

TEST_CASE("the same change sent twice is applied once and answered the same", "[store][apply]") {
  fixture f;
  const cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  const cell_change change{"retry-1", key, 0, "実施した。"};
  auto first = f.apply_one(f.p.member_of_fukushi(), change);
  const auto seq_after_first = f.s.last_seq();
  auto second = f.apply_one(f.p.member_of_fukushi(), change);
  CHECK(second.repeated);
  CHECK(second.kind == first.kind);
  CHECK(second.version == first.version);
  CHECK(f.s.history_of(key).size() == 1);
  CHECK(f.s.last_seq() == seq_after_first);  // the retry wrote nothing
}

TEST_CASE("edits of different cells by two departments both apply", "[store][apply]") {
  fixture f;
  const cell_key fukushi{f.p.shared_row, f.p.fukushi, 2023, "grade"};
  const cell_key shakyo{f.p.shared_row, f.p.shakyo, 2023, "grade"};
  CHECK(f.apply_one(f.p.member_of_fukushi(), {"a", fukushi, 0, "B"}).kind == outcome_kind::applied);
  CHECK(f.apply_one(f.p.member_of_shakyo(), {"b", shakyo, 0, "A"}).kind == outcome_kind::applied);
  CHECK(f.value_of(fukushi) == "B");
  CHECK(f.value_of(shakyo) == "A");
}

TEST_CASE("two edits of one cell from the same base give one conflict and lose nothing",
          "[store][apply]") {
  fixture f;
  const cell_key key{f.p.shared_row, 0, 0, "content"};
  const auto coordinator = f.p.coordinator();
  const auto base = f.apply_one(coordinator, {"base", key, 0, "講座を開催します。"});

  auto mine = f.apply_one(coordinator, {"mine", key, base.version, "講座を年2回開催します。"});
  actor other = coordinator;
  other.user = "coord2";
  other.device = "pc-8";
  auto theirs = f.apply_one(other, {"theirs", key, base.version, "講座と研修を開催します。"});

  CHECK(mine.kind == outcome_kind::applied);
  REQUIRE(theirs.kind == outcome_kind::conflict);
  CHECK(theirs.server_value == "講座を年2回開催します。");
  CHECK(theirs.server_version == mine.version);
  CHECK(f.value_of(key) == "講座を年2回開催します。");  // nothing overwritten

  auto conflict = f.s.find_conflict(theirs.conflict_id).value();
  CHECK(conflict.base_value == "講座を開催します。");
  CHECK(conflict.server_value == "講座を年2回開催します。");
  CHECK(conflict.incoming_value == "講座と研修を開催します。");
  CHECK(conflict.user == "coord2");
  CHECK_FALSE(conflict.resolved);
  CHECK(f.s.open_conflicts(f.p.plan_id).size() == 1);
}

TEST_CASE("an edit that matches the server's value applies without a new version",
          "[store][apply]") {
  fixture f;
  const cell_key key{f.p.shared_row, 0, 0, "content"};
  auto first = f.apply_one(f.p.coordinator(), {"one", key, 0, "同左"});
  auto same = f.apply_one(f.p.coordinator(), {"two", key, 0, "同左"});  // stale base, same value
  CHECK(same.kind == outcome_kind::applied);
  CHECK(same.version == first.version);
  CHECK(f.s.history_of(key).size() == 1);
}

TEST_CASE("a refused change says why and writes nothing", "[store][apply]") {
  fixture f;
  const cell_key other_department{f.p.shared_row, f.p.shakyo, 2023, "grade"};
  auto o = f.apply_one(f.p.member_of_fukushi(), {"x", other_department, 0, "A"});
  CHECK(o.kind == outcome_kind::refused);
  CHECK(o.reason_code == "forbidden");
  CHECK_FALSE(o.reason.empty());
  CHECK_FALSE(f.s.find_cell(other_department));
  CHECK(f.s.history_of(other_department).empty());

  auto invalid = f.apply_one(f.p.member_of_shakyo(), {"y", other_department, 0, "Z"});
  CHECK(invalid.kind == outcome_kind::refused);
  CHECK(invalid.reason_code == "invalid_value");

  auto unknown_item = f.apply_one(f.p.coordinator(), {"z", {999, 0, 0, "content"}, 0, "x"});
  CHECK(unknown_item.reason_code == "not_found");

  auto no_id = f.apply_one(f.p.coordinator(), {"", {f.p.shared_row, 0, 0, "content"}, 0, "x"});
  CHECK(no_id.reason_code == "invalid_argument");
  CHECK_FALSE(f.s.find_cell({f.p.shared_row, 0, 0, "content"}));
}

TEST_CASE("a batch mixes outcomes and every change gets its own", "[store][apply]") {
  fixture f;
  std::vector<cell_change> batch = {
      {"b1", {f.p.solo_row, f.p.fukushi, 2023, "progress"}, 0, "実施した。"},
      {"b2", {f.p.solo_row, f.p.fukushi, 2023, "grade"}, 0, "Q"},
      {"b3", {f.p.solo_row, f.p.fukushi, 2023, "users"}, 0, "120"},
  };
  auto outcomes = f.s.apply(f.p.index, f.p.member_of_fukushi(), batch);
  REQUIRE(outcomes.size() == 3);
  CHECK(outcomes[0].kind == outcome_kind::applied);
  CHECK(outcomes[1].kind == outcome_kind::refused);
  CHECK(outcomes[2].kind == outcome_kind::applied);
  CHECK(outcomes[2].version > outcomes[0].version);
}

TEST_CASE("acknowledged changes survive closing and reopening the database", "[store][apply]") {
  test::temp_dir dir;
  const auto file = dir.file("master.db");
  cell_key key;
  {
    store s = test::open_store(file);
    auto p = test::make_small_plan(s);
    key = {p.solo_row, p.fukushi, 2023, "progress"};
    const cell_change change{"durable", key, 0, "保存されるべき値"};
    REQUIRE(s.apply(p.index, p.member_of_fukushi(), std::span(&change, 1))[0].kind ==
            outcome_kind::applied);
  }
  store reopened = test::open_store(file);
  CHECK(reopened.find_cell(key)->value == "保存されるべき値");
  CHECK(reopened.history_of(key).size() == 1);
}

// A change's history row is its idempotency record: a retry is known by it
// however the store came to be (reopened, or another process wrote it).
TEST_CASE("a retry after the database was reopened is answered from its first outcome",
          "[store][apply]") {
  test::temp_dir dir;
  const auto file = dir.file("master.db");
  test::small_plan p;
  cell_key key;
  change_outcome first;
  const auto change = [&] { return cell_change{"reopened-1", key, 0, "再送される値"}; };
  {
    store s = test::open_store(file);
    p = test::make_small_plan(s);
    key = {p.solo_row, p.fukushi, 2023, "progress"};
    const auto c = change();
    first = s.apply(p.index, p.member_of_fukushi(), std::span(&c, 1))[0];
    REQUIRE(first.kind == outcome_kind::applied);
  }
  store reopened = test::open_store(file);
  const auto c = change();
  const auto again = reopened.apply(p.index, p.member_of_fukushi(), std::span(&c, 1))[0];
  CHECK(again.repeated);
  CHECK(again.kind == outcome_kind::applied);
  CHECK(again.version == first.version);
  CHECK(reopened.history_of(key).size() == 1);

  // The same id for another value is a reuse, not a retry.
  const cell_change reused{"reopened-1", key, 0, "別の値"};
  CHECK(reopened.apply(p.index, p.member_of_fukushi(), std::span(&reused, 1))[0].kind ==
        outcome_kind::refused);
  CHECK(reopened.find_cell(key)->value == "再送される値");
}

// matome-server, open on its file all along, and another process writing
// to the same file beside it (matome-server import-bundle, say).
struct server_and_neighbour {
  test::temp_dir dir;
  std::filesystem::path file = dir.file("master.db");
  store server = test::open_store(file);
  test::small_plan p = test::make_small_plan(server);

  change_outcome apply_here(const cell_change& c) {
    return server.apply(p.index, p.member_of_fukushi(), std::span(&c, 1)).at(0);
  }
  change_outcome apply_beside(const cell_change& c) {
    store other = test::open_store(file);
    return other.apply(p.index, p.member_of_fukushi(), std::span(&c, 1)).at(0);
  }
};

TEST_CASE("a change another process applied to the same file is not applied again",
          "[store][apply]") {
  server_and_neighbour f;
  const cell_key warm{f.p.solo_row, f.p.fukushi, 2023, "grade"};
  REQUIRE(f.apply_here({"warm-1", warm, 0, "A"}).kind == outcome_kind::applied);

  const cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  const cell_change change{"beside-1", key, 0, "別の手順で届いた値"};
  REQUIRE(f.apply_beside(change).kind == outcome_kind::applied);
  CHECK(f.apply_here(change).repeated);
  CHECK(f.server.history_of(key).size() == 1);
}

TEST_CASE("a conflict another process recorded answers its retry here the same", "[store][apply]") {
  server_and_neighbour f;
  const cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(f.apply_here({"theirs-1", key, 0, "サーバーの値"}).kind == outcome_kind::applied);

  // A change on a stale base, whose outcome (a conflict) only
  // applied_changes remembers.
  const cell_change stale{"stale-1", key, 0, "古い版からの値"};
  const auto first = f.apply_beside(stale);
  REQUIRE(first.kind == outcome_kind::conflict);
  const auto retry = f.apply_here(stale);
  CHECK(retry.repeated);
  CHECK(retry.kind == outcome_kind::conflict);
  CHECK(retry.conflict_id == first.conflict_id);
  CHECK(f.server.open_conflicts(f.p.plan_id).size() == 1);
}

TEST_CASE("a conflicting change twice in one batch opens one conflict", "[store][apply]") {
  fixture f;
  const cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(f.apply_one(f.p.member_of_fukushi(), {"first", key, 0, "先の値"}).kind ==
          outcome_kind::applied);
  const std::vector<cell_change> batch = {{"late-1", key, 0, "後の値"},
                                          {"late-1", key, 0, "後の値"}};
  const auto outcomes = f.s.apply(f.p.index, f.p.coordinator(), batch);
  REQUIRE(outcomes.size() == 2);
  CHECK(outcomes[0].kind == outcome_kind::conflict);
  CHECK_FALSE(outcomes[0].repeated);
  CHECK(outcomes[1].repeated);
  CHECK(outcomes[1].conflict_id == outcomes[0].conflict_id);
  CHECK(f.s.open_conflicts(f.p.plan_id).size() == 1);
}

// A batch's history rows are written several to a statement when the batch
// ends (cell_writer::record_later); a conflict's base may be one of them.
TEST_CASE("a conflict on a version this batch made shows that version's value as its base",
          "[store][apply]") {
  fixture f;
  const cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  // The first write starts the entry, which takes a number of its own; the
  // second is then the last number, and the batch's changes take the next.
  const auto started = f.apply_one(f.p.member_of_fukushi(), {"start", key, 0, "始め"});
  const auto again = f.apply_one(f.p.member_of_fukushi(), {"again", key, started.version, "次"});
  REQUIRE(again.kind == outcome_kind::applied);
  const version_t v = again.version;
  const std::vector<cell_change> batch = {
      {"b-1", key, v, "一つ目"}, {"b-2", key, v + 1, "二つ目"}, {"b-3", key, v + 1, "三つ目"}};
  const auto outcomes = f.s.apply(f.p.index, f.p.member_of_fukushi(), batch);
  REQUIRE(outcomes.size() == 3);
  REQUIRE(outcomes[0].version == v + 1);
  REQUIRE(outcomes[1].version == v + 2);
  REQUIRE(outcomes[2].kind == outcome_kind::conflict);
  const auto c = f.s.find_conflict(outcomes[2].conflict_id).value();
  CHECK(c.base_version == v + 1);
  CHECK(c.base_value == "一つ目");
  CHECK(c.server_value == "二つ目");
  CHECK(c.incoming_value == "三つ目");
  CHECK(f.s.history_of(key).size() == 4);
}

TEST_CASE("one change id twice in one batch is applied once", "[store][apply]") {
  fixture f;
  const cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  const std::vector<cell_change> batch = {{"twice-1", key, 0, "一度だけ"},
                                          {"twice-1", key, 0, "一度だけ"}};
  const auto outcomes = f.s.apply(f.p.index, f.p.member_of_fukushi(), batch);
  REQUIRE(outcomes.size() == 2);
  CHECK(outcomes[0].kind == outcome_kind::applied);
  CHECK_FALSE(outcomes[0].repeated);
  CHECK(outcomes[1].repeated);
  CHECK(outcomes[1].version == outcomes[0].version);
  CHECK(f.s.history_of(key).size() == 1);
}

// A batch's first values are written several rows a statement (store::apply's
// run); a cell that has a value after all sends the run back to one change
// at a time. Either way each change is settled as if applied alone: the same
// outcome, value, history and entry as the same changes sent one by one.
TEST_CASE("a batch of first values is settled as if each change were sent alone",
          "[store][apply]") {
  fixture at_once;
  fixture one_by_one;
  const auto& p = at_once.p;
  const cell_key taken{p.solo_row, p.fukushi, 2023, "progress"};
  for (auto* f : {&at_once, &one_by_one})
    REQUIRE(f->apply_one(p.coordinator(), {"before", taken, 0, "先の値"}).kind ==
            outcome_kind::applied);

  std::vector<cell_change> batch;
  const std::pair<record_id, record_id> entries[] = {
      {p.solo_row, p.fukushi}, {p.shared_row, p.fukushi}, {p.shared_row, p.shakyo}};
  for (int year = 2022; year <= 2026; ++year) {
    for (const auto& [row, department] : entries) {
      for (const char* field : {"progress", "reason", "users"}) {
        const cell_key key{row, department, year, field};
        const std::string value = std::string(field) == "users" ? "12" : "実施した。";
        batch.push_back({"new-" + std::to_string(batch.size()), key, 0, value});
        // The cell that has a value, in the middle of a run.
        if (batch.size() == 20) batch.push_back({"on-taken", taken, 0, "後の値"});
      }
    }
  }
  // The same cell twice in the batch: the second meets the first's value.
  batch.push_back({"again", batch[3].key, 0, "別の値"});
  REQUIRE(batch.size() > 40);

  const auto outcomes = at_once.s.apply(p.index, p.coordinator(), batch);
  std::vector<change_outcome> alone;
  for (const auto& c : batch) alone.push_back(one_by_one.apply_one(p.coordinator(), c));

  REQUIRE(outcomes.size() == batch.size());
  std::set<version_t> versions;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    INFO("change " << batch[i].change_id);
    CHECK(outcomes[i].change_id == batch[i].change_id);
    CHECK(outcomes[i].kind == alone[i].kind);
    CHECK(outcomes[i].server_value == alone[i].server_value);
    CHECK(at_once.value_of(batch[i].key) == one_by_one.value_of(batch[i].key));
    CHECK(at_once.s.history_of(batch[i].key).size() ==
          one_by_one.s.history_of(batch[i].key).size());
    CHECK(at_once.s.find_entry(batch[i].key.entry()).status ==
          one_by_one.s.find_entry(batch[i].key.entry()).status);
    if (outcomes[i].kind == outcome_kind::applied) {
      CHECK(versions.insert(outcomes[i].version).second);
      CHECK(at_once.s.find_cell(batch[i].key)->version >= outcomes[i].version);
    }
  }
  const auto applied = std::ranges::count_if(
      outcomes, [](const change_outcome& o) { return o.kind == outcome_kind::applied; });
  // Conflicts: "on-taken", the loop's own change of that cell, and "again".
  CHECK(applied == static_cast<std::ptrdiff_t>(batch.size()) - 3);
  CHECK(outcomes[20].kind == outcome_kind::conflict);
  CHECK(outcomes[20].server_value == "先の値");
  CHECK(outcomes.back().kind == outcome_kind::conflict);
  CHECK(outcomes.back().server_value == batch[3].value);
}

// The same property over random batches: first values, edits on the version
// the batch began with, a cell or an id twice, values equal to what is
// there, and three senders, applied round after round to two stores, at
// once in one and one by one in the other.
TEST_CASE("random batches are settled as if each change were sent alone", "[store][apply]") {
  fixture at_once;
  fixture one_by_one;
  const auto& p = at_once.p;
  const std::pair<record_id, record_id> entries[] = {
      {p.solo_row, p.fukushi}, {p.shared_row, p.fukushi}, {p.shared_row, p.shakyo}};
  std::vector<cell_key> keys;
  for (int year = 2022; year <= 2026; ++year)
    for (const auto& [row, department] : entries)
      for (const char* field : {"progress", "reason"})
        keys.push_back({row, department, year, field});
  const actor senders[] = {p.coordinator(), p.member_of_fukushi(), p.member_of_shakyo()};
  const char* values[] = {"甲", "乙", "丙", ""};

  std::mt19937 random(20261202);
  const auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
  };
  int ids = 0;
  for (int round = 0; round < 40; ++round) {
    const actor& who = senders[pick(3)];
    // What the batch sends, with "the version the cell had" left to each store.
    struct planned {
      std::string id;
      cell_key key;
      bool on_current;
      std::string value;
    };
    std::vector<planned> plan;
    const std::size_t size = 1 + pick(round % 4 == 0 ? 150 : 12);
    for (std::size_t i = 0; i < size; ++i) {
      if (!plan.empty() && pick(10) == 0) {
        plan.push_back(plan[pick(plan.size())]);  // the same change again
        continue;
      }
      plan.push_back(
          {"r" + std::to_string(ids++), keys[pick(keys.size())], pick(3) == 0, values[pick(4)]});
    }
    const auto batch_for = [&](fixture& f) {
      std::vector<cell_change> batch;
      for (const auto& c : plan) {
        const auto held = f.s.find_cell(c.key);
        batch.push_back({c.id, c.key, c.on_current && held ? held->version : 0, c.value});
      }
      return batch;
    };
    const auto batch = batch_for(at_once);
    const auto outcomes = at_once.s.apply(p.index, who, batch);
    std::vector<change_outcome> alone;
    for (const auto& c : batch_for(one_by_one)) alone.push_back(one_by_one.apply_one(who, c));

    REQUIRE(outcomes.size() == plan.size());
    for (std::size_t i = 0; i < plan.size(); ++i) {
      INFO("round " << round << ", change " << i << " " << plan[i].id);
      CHECK(outcomes[i].kind == alone[i].kind);
      CHECK(outcomes[i].repeated == alone[i].repeated);
      CHECK(outcomes[i].reason_code == alone[i].reason_code);
      CHECK(outcomes[i].server_value == alone[i].server_value);
    }
    for (const auto& key : keys) {
      INFO("round " << round << ", cell " << to_string(key));
      CHECK(at_once.value_of(key) == one_by_one.value_of(key));
      CHECK(at_once.s.history_of(key).size() == one_by_one.s.history_of(key).size());
      CHECK(at_once.s.find_entry(key.entry()).status ==
            one_by_one.s.find_entry(key.entry()).status);
    }
    CHECK(at_once.s.open_conflicts(p.plan_id).size() ==
          one_by_one.s.open_conflicts(p.plan_id).size());
  }
}
