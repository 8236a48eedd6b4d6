#include <catch2/catch.hpp>
#include <set>

#include "matome/store/conflict_queries.h"
#include "matome/store/feed_queries.h"
#include "matome/store/schema.h"
#include "support/catch_result.h"
#include "support/temp_dir.h"
#include "support/test_plan.h"

using namespace matome;

namespace {
struct fixture : test::store_fixture {
  void apply(const actor& who, std::vector<cell_change> changes) {
    for (const auto& o : s.apply(p.index, who, changes)) REQUIRE(o.kind == outcome_kind::applied);
  }
  // Five years of a plan cell, one of 福祉課's and one of 社協's, in turn,
  // so each run of the feed (store::pull) holds every third number.
  void seed_years() {
    for (int year = 2022; year <= 2026; ++year) {
      const auto y = std::to_string(year);
      apply(p.coordinator(), {{"p" + y, {p.shared_row, 0, year, "marks"}, 0, "●"}});
      apply(p.member_of_fukushi(),
            {{"f" + y, {p.solo_row, p.fukushi, year, "progress"}, 0, "実績" + y}});
      apply(p.member_of_shakyo(),
            {{"s" + y, {p.shared_row, p.shakyo, year, "progress"}, 0, "社協" + y}});
    }
  }
  void seed() {
    apply(p.coordinator(), {{"p1", {p.solo_row, 0, 0, "content"}, 0, "事業内容1"},
                            {"p2", {p.shared_row, 0, 0, "content"}, 0, "事業内容2"}});
    apply(p.member_of_fukushi(),
          {{"f1", {p.solo_row, p.fukushi, 2023, "progress"}, 0, "福祉課の実績"},
           {"f2", {p.shared_row, p.fukushi, 2023, "progress"}, 0, "福祉課の分"}});
    apply(p.member_of_shakyo(),
          {{"s1", {p.shared_row, p.shakyo, 2023, "progress"}, 0, "社協の分"}});
  }
};

std::size_t total(const feed_page& page) {
  return page.size();
}

// Pulls in pages of each size from the start: the cells must come in
// order, each once, as `expected` numbers them, and the cursor must end at
// the last number.
void check_pages(fixture& f, const feed_scope& scope, std::initializer_list<std::size_t> limits,
                 const std::vector<std::int64_t>& expected) {
  for (const std::size_t limit : limits) {
    INFO("pages of " << limit);
    std::int64_t cursor = 0;
    std::vector<std::int64_t> seen;
    for (int guard = 0; guard < 100; ++guard) {
      auto page = f.s.pull(f.p.plan_id, scope, cursor, limit);
      CHECK(total(page) <= limit);
      CHECK(std::ranges::is_sorted(page.cells, {}, &cell::version));
      for (const auto& c : page.cells) seen.push_back(c.version);
      cursor = page.cursor;
      if (!page.more) break;
    }
    CHECK(seen == expected);
    CHECK(cursor == f.s.last_seq());
  }
}
}  // namespace

TEST_CASE("paging returns every change exactly once across pages", "[store][feed]") {
  fixture f;
  f.seed();
  const auto everything = f.s.pull(f.p.plan_id, feed_scope{0, true}, 0, 1000);
  REQUIRE_FALSE(everything.more);

  for (std::size_t limit : {1u, 2u, 3u, 7u}) {
    std::int64_t cursor = 0;
    std::vector<std::int64_t> seen;
    std::size_t rows = 0;
    for (int guard = 0; guard < 100; ++guard) {
      auto page = f.s.pull(f.p.plan_id, feed_scope{0, true}, cursor, limit);
      CHECK(total(page) <= limit);
      for (const auto& c : page.cells) seen.push_back(c.version);
      for (const auto& e : page.entries) seen.push_back(e.version);
      rows += total(page);
      CHECK(page.cursor >= cursor);
      cursor = page.cursor;
      if (!page.more) break;
    }
    CHECK(rows == total(everything));
    std::ranges::sort(seen);
    CHECK(std::ranges::adjacent_find(seen) == seen.end());  // no number twice
    CHECK(cursor == f.s.last_seq());
  }
}

// A department's cells are read in two runs, the plan's and its own
// (store::pull): pages must still hold each visible change once, in order.
TEST_CASE("a department's pages merge the plan's cells and its own, each once and in order",
          "[store][feed]") {
  fixture f;
  f.seed_years();
  const auto scope = feed_scope::of(f.p.member_of_fukushi());
  const auto whole = f.s.pull(f.p.plan_id, scope, 0, 1000);
  REQUIRE_FALSE(whole.more);
  std::vector<std::int64_t> expected;
  for (const auto& c : whole.cells) {
    CHECK(c.key.department_id != f.p.shakyo);
    expected.push_back(c.version);
  }
  REQUIRE(expected.size() == 10);  // five plan cells, five of its own
  check_pages(f, scope, {1, 2, 3, 7}, expected);
}

// A coordinator's cells come in one run per department, the plan's among
// them, merged by number as they are read (store::pull).
TEST_CASE(
    "a coordinator's pages merge every department's cells and the plan's, each once and "
    "in order",
    "[store][feed]") {
  fixture f;
  f.seed_years();
  const feed_scope everything{0, true};
  const auto whole = f.s.pull(f.p.plan_id, everything, 0, 1000);
  REQUIRE_FALSE(whole.more);
  std::vector<std::int64_t> expected;
  std::set<record_id> departments;
  for (const auto& c : whole.cells) {
    expected.push_back(c.version);
    departments.insert(c.key.department_id);
  }
  REQUIRE(expected.size() == 15);
  CHECK(std::ranges::is_sorted(expected));
  CHECK(departments == std::set<record_id>{0, f.p.fukushi, f.p.shakyo});
  check_pages(f, everything, {1, 2, 3, 7, 14}, expected);
}

// Every write of a cell writes each of its indexes: the server keeps one
// for the feed, by department and number, which a department's pull reads
// its two runs from and a coordinator's pull every run. The index by number
// alone (schema steps 1 to 16) went in step 17.
TEST_CASE("the server's cells keep one feed index, by department and number",
          "[store][feed][schema]") {
  const auto feed_indexes = [](sqlite::database& db) {
    auto names = db.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cells' ORDER BY name");
    std::vector<std::string> out;
    while (names.step()) out.push_back(names.text(0));
    return out;
  };
  fixture f;
  CHECK(feed_indexes(f.s.db()) == std::vector<std::string>{"cells_by_department"});

  test::temp_dir other;
  {
    auto old = sqlite::database::open(other.file("old.db"));
    REQUIRE(migrate(old, 16));
    REQUIRE(feed_indexes(old) ==
            std::vector<std::string>{"cells_by_department", "cells_by_version"});
  }
  auto upgraded = store::open(other.file("old.db"));
  REQUIRE(upgraded);
  CHECK(feed_indexes(upgraded->db()) == std::vector<std::string>{"cells_by_department"});
}

TEST_CASE("a department sees the plan and its own entries, not another department's",
          "[store][feed]") {
  fixture f;
  f.seed();
  auto page = f.s.pull(f.p.plan_id, feed_scope::of(f.p.member_of_shakyo()), 0, 1000);
  std::vector<std::string> values;
  for (const auto& c : page.cells) values.push_back(c.value);
  std::ranges::sort(values);
  CHECK(values == std::vector<std::string>{"事業内容1", "事業内容2", "社協の分"});
  for (const auto& e : page.entries) CHECK(e.key.department_id == f.p.shakyo);
  CHECK(page.cursor == f.s.last_seq());  // up to date even past rows it may not see

  auto coordinator = f.s.pull(f.p.plan_id, feed_scope::of(f.p.coordinator()), 0, 1000);
  CHECK(coordinator.cells.size() == 5);
}

TEST_CASE("a pull after the cursor returns only what changed since", "[store][feed]") {
  fixture f;
  f.seed();
  const auto cursor = f.s.pull(f.p.plan_id, feed_scope{0, true}, 0, 1000).cursor;
  f.apply(f.p.member_of_shakyo(),
          {{"s2",
            {f.p.shared_row, f.p.shakyo, 2023, "progress"},
            f.s.find_cell({f.p.shared_row, f.p.shakyo, 2023, "progress"})->version,
            "社協の分（修正）"}});
  auto page = f.s.pull(f.p.plan_id, feed_scope{0, true}, cursor, 1000);
  REQUIRE(page.cells.size() == 1);
  CHECK(page.cells[0].value == "社協の分（修正）");
  CHECK(page.entries.empty());
}

TEST_CASE("conflicts are pulled by the owning department and resolved once",
          "[store][feed][conflict]") {
  fixture f;
  f.seed();
  const cell_key key{f.p.shared_row, f.p.shakyo, 2023, "progress"};
  const auto base = f.s.find_cell(key)->version;
  f.apply(f.p.member_of_shakyo(), {{"first", key, base, "先に届いた値"}});
  const cell_change late{"late", key, base, "後から届いた値"};
  auto o = f.s.apply(f.p.index, f.p.member_of_shakyo(), std::span(&late, 1))[0];
  REQUIRE(o.kind == outcome_kind::conflict);

  CHECK(f.s.pull(f.p.plan_id, feed_scope::of(f.p.member_of_shakyo()), 0, 1000).conflicts.size() ==
        1);
  CHECK(f.s.pull(f.p.plan_id, feed_scope::of(f.p.member_of_fukushi()), 0, 1000).conflicts.empty());

  CHECK(f.s.resolve_conflict(f.p.index, f.p.member_of_fukushi(), o.conflict_id,
                             store::resolution::take_incoming)
            .error()
            .code == errc::forbidden);
  auto resolved = f.s.resolve_conflict(f.p.index, f.p.member_of_shakyo(), o.conflict_id,
                                       store::resolution::merged, "先に届いた値と後から届いた値");
  REQUIRE(resolved);
  CHECK(resolved->resolved);
  CHECK(resolved->resolved_by == "shakyo1");
  CHECK(f.s.find_cell(key)->value == "先に届いた値と後から届いた値");
  CHECK(f.s.history_of(key).back().change_id == "resolve:" + std::to_string(o.conflict_id));
  CHECK(f.s.open_conflicts(f.p.plan_id).empty());
  CHECK(f.s.resolve_conflict(f.p.index, f.p.member_of_shakyo(), o.conflict_id,
                             store::resolution::keep_server)
            .error()
            .code == errc::illegal_transition);
}

TEST_CASE("the dashboard counts every owner's entry of a year", "[store][dashboard]") {
  fixture f;
  f.seed();
  int total_entries = 0, drafts = 0;
  for (const auto& c : f.s.status_counts(f.p.plan_id, 2023)) {
    total_entries += c.count;
    if (c.status == entry_status::draft) drafts += c.count;
  }
  CHECK(total_entries == 3);  // solo row: 1 owner, shared row: 2 owners
  CHECK(drafts == 3);
  CHECK(f.s.set_due_date(f.p.plan_id, f.p.coordinator(), 2023, "2024-05-31"));
  CHECK(f.s.due_date(f.p.plan_id, 2023) == "2024-05-31");
  CHECK(f.s.set_due_date(f.p.plan_id, f.p.coordinator(), 2023, "5月末").error().code ==
        errc::invalid_value);
  CHECK(f.s.set_due_date(f.p.plan_id, f.p.member_of_fukushi(), 2023, "2024-05-31").error().code ==
        errc::forbidden);
}

// Regression: with one table holding more than a page and the others none,
// the page looked like the last one and the cursor jumped past unread rows.
TEST_CASE("paging does not skip rows when one kind of row fills more than a page",
          "[store][feed][regression]") {
  fixture f;
  std::vector<cell_change> marks;
  for (int year = 2022; year <= 2026; ++year) {
    marks.push_back({"m" + std::to_string(year), {f.p.shared_row, 0, year, "marks"}, 0, "●"});
  }
  f.apply(f.p.coordinator(), marks);  // five plan cells, no entries, no conflicts
  std::int64_t cursor = 0;
  std::size_t cells = 0;
  for (int pages = 0; pages < 10; ++pages) {
    auto page = f.s.pull(f.p.plan_id, feed_scope::of(f.p.member_of_shakyo()), cursor, 2);
    cells += page.cells.size();
    cursor = page.cursor;
    if (!page.more) break;
  }
  CHECK(cells == 5);
}

// An edit costs the same however many conflicts its cell has seen settled:
// the lookups of a cell's open conflicts on every write go through the
// index of open conflicts, never through the settled ones.
TEST_CASE("looking for a cell's open conflicts does not walk its settled ones",
          "[store][conflict]") {
  fixture f;
  f.seed();
  for (const auto query : {conflict_queries::any_open, conflict_queries::follow_cell,
                           conflict_queries::own_open_on_cell}) {
    auto plan = f.s.db().prepare("EXPLAIN QUERY PLAN " + std::string(query));
    std::vector<std::string> steps;
    while (plan.step()) steps.push_back(plan.text(3));
    INFO(std::string(query));
    REQUIRE_FALSE(steps.empty());
    // A search by cell, or for any_open a scan that stops at the first.
    const bool whole_index = query == conflict_queries::any_open;
    CHECK(steps.front().find(whole_index ? "conflicts_open_by_cell" : "conflicts_open_by_cell (") !=
          std::string::npos);
  }
}

// A batch skips looking for open conflicts when there were none as it
// began (cell_writer); one it opens itself must still follow its cell.
TEST_CASE("a conflict opened in a batch follows a later write of its cell in the same batch",
          "[store][conflict]") {
  fixture f;
  const cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  f.apply(f.p.coordinator(), {{"c1", key, 0, "調整役の値"}});
  const auto first = f.s.find_cell(key)->version;
  REQUIRE(f.s.open_conflicts(f.p.plan_id).empty());
  const auto outcomes = f.s.apply(
      f.p.index, f.p.member_of_fukushi(),
      std::vector<cell_change>{{"m1", key, 0, "古い画面からの値"}, {"m2", key, first, "新しい値"}});
  REQUIRE(outcomes.at(0).kind == outcome_kind::conflict);
  REQUIRE(outcomes.at(1).kind == outcome_kind::applied);
  const auto open = f.s.open_conflicts(f.p.plan_id);
  REQUIRE(open.size() == 1);
  CHECK(open[0].server_value == "新しい値");
  CHECK(open[0].server_version == outcomes.at(1).version);
}

// A pull costs what is new since the cursor, not the size of the plan: each
// feed query walks its table's sequence index from the cursor and stops at
// the limit, with no sort of the whole plan (every client pulls after every
// push, so this is what a deadline week of many clients pays).
TEST_CASE("each feed query walks its sequence index from the cursor", "[store][feed]") {
  fixture f;
  f.seed();
  const std::pair<std::string_view, std::string_view> queries[] = {
      {feed_queries::next_cell_department, "cells_by_department"},
      {feed_queries::department_cells, "cells_by_department"},
      {feed_queries::entries, "entries_by_version"},
      {feed_queries::conflicts, "conflicts_by_seq"},
      {feed_queries::comments, "comments_by_seq"}};
  for (const auto& [query, index] : queries) {
    auto plan = f.s.db().prepare("EXPLAIN QUERY PLAN " + std::string(query));
    std::vector<std::string> steps;
    while (plan.step()) steps.push_back(plan.text(3));
    INFO(std::string(query));
    REQUIRE_FALSE(steps.empty());
    CHECK(steps.front().find(std::string(index) + " (") != std::string::npos);
    for (const auto& step : steps) CHECK(step.find("TEMP B-TREE") == std::string::npos);
  }
}

// A replica writes a page's cells several to a statement
// (cell_writer::write_all_if_newer): every cell of a page longer than one
// statement lands, each once, and a value older than the one the replica
// holds (a page that arrives again) never overwrites it.
TEST_CASE("a replica takes a long page whole, but never an older value over a newer one",
          "[store][feed]") {
  fixture f;
  auto cell_of = [&](int year, std::string value, version_t version) {
    return cell{{f.p.solo_row, f.p.fukushi, year, "progress"}, std::move(value), version};
  };
  feed_page before;
  before.cells = {cell_of(2010, "newer", 5000), cell_of(2100, "older", 1)};
  f.s.apply_feed(f.p.plan_id, before);
  feed_page page;
  for (int i = 0; i < 150; ++i)
    page.cells.push_back(cell_of(2000 + i, "v" + std::to_string(i), 1000 + i));
  f.s.apply_feed(f.p.plan_id, page);
  for (int i = 0; i < 150; ++i) {
    INFO(i);
    const auto held = f.s.find_cell({f.p.solo_row, f.p.fukushi, 2000 + i, "progress"});
    REQUIRE(held);
    if (i == 10) {
      CHECK(held->value == "newer");
      CHECK(held->version == 5000);
    } else {
      CHECK(held->value == "v" + std::to_string(i));
      CHECK(held->version == 1000 + i);
    }
  }
}

// The server reads a catch-up's next page while the last one travels
// (store::read_ahead). The page kept answers the pull that asks for it
// only while nothing was written: a value written in between must show.
TEST_CASE("a page read ahead answers the next pull only while nothing was written",
          "[store][feed]") {
  fixture f;
  f.seed();
  const feed_scope everything{0, true};
  const auto first = f.s.pull(f.p.plan_id, everything, 0, 1);
  REQUIRE(first.more);
  const auto fresh = f.s.pull(f.p.plan_id, everything, first.cursor, 1);
  REQUIRE(fresh.cells.size() == 1);

  f.s.read_ahead(f.p.plan_id, everything, first.cursor, 1);
  const auto ahead = f.s.pull(f.p.plan_id, everything, first.cursor, 1);
  CHECK(f.s.pages_read_ahead() == 1);
  REQUIRE(ahead.cells.size() == 1);
  CHECK(ahead.cells[0].value == fresh.cells[0].value);
  CHECK(ahead.cursor == fresh.cursor);
  CHECK(ahead.more == fresh.more);

  // Another page (here: another size, another reader's scope) reads for itself.
  f.s.read_ahead(f.p.plan_id, everything, first.cursor, 1);
  f.s.pull(f.p.plan_id, everything, first.cursor, 2);
  f.s.pull(f.p.plan_id, feed_scope::of(f.p.member_of_fukushi()), first.cursor, 1);
  CHECK(f.s.pages_read_ahead() == 1);

  // Read ahead, then the page's cell is written again: the pull reads anew,
  // and the cell comes later, with its new value and number.
  f.s.read_ahead(f.p.plan_id, everything, first.cursor, 1);
  const auto moved = fresh.cells[0];
  f.apply(f.p.coordinator(), {{"again", moved.key, moved.version, "書き直し"}});
  const auto after = f.s.pull(f.p.plan_id, everything, first.cursor, 1);
  CHECK(f.s.pages_read_ahead() == 1);
  REQUIRE(after.cells.size() == 1);
  CHECK_FALSE(after.cells[0].key == moved.key);
  const auto rest = f.s.pull(f.p.plan_id, everything, first.cursor, 1000);
  const auto found = std::ranges::find(rest.cells, moved.key, &cell::key);
  REQUIRE(found != rest.cells.end());
  CHECK(found->value == "書き直し");

  // The same when another connection writes (an import beside the server).
  const auto now = f.s.pull(f.p.plan_id, everything, 0, 1);
  f.s.read_ahead(f.p.plan_id, everything, now.cursor, 1);
  const auto next = f.s.pull(f.p.plan_id, everything, now.cursor, 1);
  REQUIRE(next.cells.size() == 1);
  f.s.read_ahead(f.p.plan_id, everything, now.cursor, 1);
  {
    auto beside = store::open(f.dir.file("master.db")).value();
    const cell_change c{"beside", next.cells[0].key, next.cells[0].version, "別の接続から"};
    REQUIRE(beside.apply(f.p.index, f.p.coordinator(), std::span(&c, 1)).at(0).kind ==
            outcome_kind::applied);
  }
  const auto seen = f.s.pull(f.p.plan_id, everything, now.cursor, 1);
  CHECK(f.s.pages_read_ahead() == 2);
  // The page kept would end at the cell's old number; read anew, the cell
  // is no longer there, so the page ends elsewhere, and the new value comes.
  CHECK(seen.cursor != next.cursor);
  const auto rest_now = f.s.pull(f.p.plan_id, everything, now.cursor, 1000);
  const auto written = std::ranges::find(rest_now.cells, next.cells[0].key, &cell::key);
  REQUIRE(written != rest_now.cells.end());
  CHECK(written->value == "別の接続から");
}
