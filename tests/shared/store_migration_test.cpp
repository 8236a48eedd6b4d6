#include <catch2/catch.hpp>
#include <fstream>

#include "matome/store/history_queries.h"
#include "matome/store/schema.h"
#include "support/catch_result.h"
#include "support/temp_dir.h"
#include "support/test_plan.h"

using namespace matome;

TEST_CASE("a new database is created at the current schema with WAL and foreign keys",
          "[store][migration]") {
  test::temp_dir dir;
  store s = test::open_store(dir.file("new.db"));
  CHECK(schema_version_of(s.db()) == current_schema_version());
  auto mode = s.db().prepare("PRAGMA journal_mode");
  REQUIRE(mode.step());
  CHECK(mode.text(0) == "wal");
  auto fk = s.db().prepare("PRAGMA foreign_keys");
  REQUIRE(fk.step());
  CHECK(fk.int64(0) == 1);
}

TEST_CASE("a database made by the first schema opens and keeps its data", "[store][migration]") {
  test::temp_dir dir;
  const auto file = dir.file("old.db");
  {
    auto db = sqlite::database::open(file);
    REQUIRE(migrate(db, 1));
    REQUIRE(schema_version_of(db) == 1);
    db.exec("INSERT INTO departments(code, name) VALUES ('fukushi', '福祉課')");
    db.exec(
        "INSERT INTO plans(code, title, city, first_year, last_year, report_year, level_names)"
        " VALUES ('old', '旧計画', '北本市', 2022, 2026, 2023, '目標\n事業')");
  }
  store s = test::open_store(file);
  CHECK(schema_version_of(s.db()) == current_schema_version());
  CHECK(s.departments().size() == 1);
  CHECK(s.departments()[0].name == "福祉課");
  CHECK(s.load_plan(s.find_plan_by_code("old").value()).value().level_names ==
        std::vector<std::string>{"目標", "事業"});
  // The tables of later steps are there and usable.
  CHECK(s.users().empty());
}

TEST_CASE("a database from a newer Matome is refused and left unchanged", "[store][migration]") {
  test::temp_dir dir;
  const auto file = dir.file("future.db");
  const int future = current_schema_version() + 1;
  {
    auto db = sqlite::database::open(file);
    db.exec("CREATE TABLE from_the_future(x)");
    db.exec("PRAGMA user_version = " + std::to_string(future));
  }
  auto opened = store::open(file);
  REQUIRE_FALSE(opened);
  CHECK(opened.error().code == errc::unsupported_version);
  CHECK(opened.error().message.find("Update Matome") != std::string::npos);

  auto db = sqlite::database::open(file, sqlite::open_mode::read_only);
  CHECK(schema_version_of(db) == future);
  auto tables = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'");
  REQUIRE(tables.step());
  CHECK(tables.int64(0) == 1);
}

TEST_CASE("a file that is not a database gives a clear error", "[store][migration]") {
  test::temp_dir dir;
  const auto file = dir.file("report.xlsx");
  std::ofstream(file) << "this is a spreadsheet, not a database\n";
  auto opened = store::open(file);
  REQUIRE_FALSE(opened);
  CHECK(opened.error().code == errc::storage);
  CHECK(opened.error().message.find("not a database") != std::string::npos);
}

TEST_CASE("the history refuses to be rewritten", "[store]") {
  test::temp_dir dir;
  store s = test::open_store(dir.file("master.db"));
  auto p = test::make_small_plan(s);
  const cell_change c{"h", {p.solo_row, p.fukushi, 2023, "progress"}, 0, "実施"};
  s.apply(p.index, p.member_of_fukushi(), std::span(&c, 1));
  CHECK_THROWS_AS(s.db().exec("UPDATE history SET new_value = 'forged'"), failure);
  CHECK_THROWS_AS(s.db().exec("DELETE FROM history"), failure);
  CHECK(s.history_of(c.key).at(0).new_value == "実施");
}

TEST_CASE("outcomes remembered before ids were scoped still answer their retries",
          "[store][migration]") {
  test::temp_dir dir;
  const auto file = dir.file("v7.db");
  {
    auto db = sqlite::database::open(file);
    REQUIRE(migrate(db, 7));
    db.exec(
        "INSERT INTO applied_changes(change_id, outcome, version, received_at)"
        " VALUES ('sent-before-upgrade', 'applied', 5, '2026-01-01T00:00:00Z')");
    db.exec(
        "INSERT INTO applied_actions(action_id, done, received_at)"
        " VALUES ('comment-before-upgrade', 1, '2026-01-01T00:00:00Z')");
    db.exec(
        "INSERT INTO conflicts(id, item_id, department_id, year, field, change_id, base_version,"
        " base_value, server_version, server_value, incoming_value, user_name, device, created_at,"
        " seq) VALUES (7, 1, 1, 2023, 'progress', 'c-1', 1, '', 2, 'x', 'y', 'u', 'd', 't', 3)");
  }
  store s = test::open_store(file);
  REQUIRE(schema_version_of(s.db()) == current_schema_version());
  const auto p = test::make_small_plan(s);

  // A replica that sent these before the upgrade and lost the answer.
  const cell_change retry{"sent-before-upgrade", {p.solo_row, p.fukushi, 2023, "progress"}, 0, "v"};
  auto outcome = s.apply(p.index, p.member_of_fukushi(), std::span(&retry, 1)).at(0);
  CHECK(outcome.repeated);
  CHECK(outcome.version == 5);
  CHECK_FALSE(s.find_cell(retry.key));  // not applied a second time
  workflow_action comment;
  comment.action_id = "comment-before-upgrade";
  comment.kind = action_kind::comment;
  comment.entry = {p.solo_row, p.fukushi, 2023};
  comment.text = "二度目";
  CHECK(s.apply_actions(p.index, p.member_of_fukushi(), std::span(&comment, 1)).at(0).repeated);
  CHECK(s.comments_of(comment.entry).empty());

  // The conflict came along, and its change id no longer has to be unique.
  auto count = s.db().prepare("SELECT count(*) FROM conflicts WHERE id = 7 AND change_id = 'c-1'");
  REQUIRE(count.step());
  CHECK(count.int64(0) == 1);
  s.db().exec(
      "INSERT INTO conflicts(item_id, department_id, year, field, change_id, base_version,"
      " base_value, server_version, server_value, incoming_value, user_name, device, created_at,"
      " seq) VALUES (1, 2, 2023, 'progress', 'c-1', 1, '', 2, 'x', 'y', 'v', 'e', 't', 4)");
}

namespace {
// A plan of 福祉課 with two rows and one report field, written straight
// into a file of an older schema before it is upgraded.
constexpr const char* two_rows_of_fukushi = R"sql(
INSERT INTO departments(id, code, name, external) VALUES (1, 'fukushi', '福祉課', 0);
INSERT INTO plans(id, code, title, city, first_year, last_year, report_year, level_names)
  VALUES (1, 'chiiki', '地域福祉計画', '北本市', 2022, 2026, 2023, '施策');
INSERT INTO template_fields(plan_id, key, position, label, type, scope, element_type)
  VALUES (1, 'progress', 0, '進捗状況', 'long_text', 'report', 'short_text');
INSERT INTO items(id, plan_id, parent_id, level, position, label, title)
  VALUES (1, 1, NULL, 0, 0, '(1)', '見守り活動の推進'), (2, 1, NULL, 0, 1, '(2)', '居場所づくり');
INSERT INTO item_owners(item_id, department_id, position) VALUES (1, 1, 0), (2, 1, 0);
)sql";

std::vector<std::string> history_indexes(sqlite::database& db) {
  auto names = db.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'history' ORDER BY name");
  std::vector<std::string> out;
  while (names.step()) out.push_back(names.text(0));
  return out;
}
std::vector<std::string> indexes_of(sqlite::database& db, const std::string& table) {
  auto names = db.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? ORDER BY name");
  names.bind(1, table);
  std::vector<std::string> out;
  while (names.step()) out.push_back(names.text(0));
  return out;
}
std::int64_t count_of(sqlite::database& db, const std::string& sql) {
  auto stmt = db.prepare(sql);
  REQUIRE(stmt.step());
  return stmt.int64(0);
}
std::vector<std::string> values_in(const std::vector<history_record>& rows) {
  std::vector<std::string> out;
  for (const auto& h : rows) out.push_back(h.new_value);
  return out;
}
}  // namespace

TEST_CASE("a cell's history follows its rows back, with no index of every history row",
          "[store][migration]") {
  test::temp_dir dir;
  store s = test::open_store(dir.file("master.db"));
  // Only the workflow's rows have an index: each push writes one history
  // row a change, and a second B-tree beside it was pure cost to the push.
  CHECK(history_indexes(s.db()) == std::vector<std::string>{"history_of_workflow"});

  auto p = test::make_small_plan(s);
  const cell_key progress{p.solo_row, p.fukushi, 2023, "progress"};
  const cell_key grade{p.solo_row, p.fukushi, 2023, "grade"};
  version_t progress_version = 0, grade_version = 0;
  for (const std::string v : {"1", "2", "3"}) {
    const std::vector<cell_change> batch{{"p" + v, progress, progress_version, "実績" + v},
                                         {"g" + v, grade, grade_version, v == "1" ? "A" : "B"}};
    const auto o = s.apply(p.index, p.member_of_fukushi(), batch);
    REQUIRE(o[0].kind == outcome_kind::applied);
    REQUIRE(o[1].kind == outcome_kind::applied);
    progress_version = o[0].version;
    grade_version = o[1].version;
  }
  const auto rows = s.history_of(progress);
  CHECK(values_in(rows) == std::vector<std::string>{"実績1", "実績2", "実績3"});
  CHECK(rows.back().seq == progress_version);
  CHECK(rows[1].old_value == "実績1");
  // "B" a second time is no change, so grade has two rows.
  CHECK(values_in(s.history_of(grade)) == std::vector<std::string>{"A", "B"});
  CHECK(s.history_of({p.solo_row, p.fukushi, 2024, "progress"}).empty());

  // A damaged file: a cell's latest row linked to another cell's row, or to
  // itself. The cell never shows another cell's values, and the walk ends.
  version_t next = s.last_seq();
  const auto damaged_row = [&](const std::string& value, version_t prev_seq) {
    ++next;
    auto row = s.db().prepare(
        "INSERT INTO history(seq, item_id, department_id, year, field, change_id, old_value,"
        " new_value, user_name, device, at, prev_seq) VALUES (?, ?, ?, ?, ?, 'x', '', ?, 'u',"
        " 'd', 't', ?)");
    row.bind(1, next).bind(2, progress.item_id).bind(3, progress.department_id);
    row.bind(4, progress.year).bind(5, progress.field).bind(6, value).bind(7, prev_seq).run();
    auto cell = s.db().prepare(
        "UPDATE cells SET version = ? WHERE item_id = ? AND department_id = ? AND year = ?"
        " AND field = ?");
    cell.bind(1, next).bind(2, progress.item_id).bind(3, progress.department_id);
    cell.bind(4, progress.year).bind(5, progress.field).run();
  };
  damaged_row("実績4", grade_version);
  CHECK(values_in(s.history_of(progress)) == std::vector<std::string>{"実績4"});
  damaged_row("実績5", next + 1);
  CHECK(values_in(s.history_of(progress)) == std::vector<std::string>{"実績5"});

  // Each row is found by its number or by the workflow's index, never by
  // reading the whole history.
  for (const auto query : {history_queries::of_cell, history_queries::of_workflow}) {
    auto plan = s.db().prepare("EXPLAIN QUERY PLAN " + std::string(query));
    std::vector<std::string> steps;
    while (plan.step()) steps.push_back(plan.text(3));
    INFO(std::string(query));
    REQUIRE_FALSE(steps.empty());
    for (const auto& step : steps) {
      UNSCOPED_INFO(step);
      CHECK(step.find("SCAN h") == std::string::npos);
    }
  }
}

TEST_CASE("a database of schema 17 finds each cell's history after the upgrade",
          "[store][migration]") {
  test::temp_dir dir;
  const auto file = dir.file("v17.db");
  {
    auto db = sqlite::database::open(file);
    REQUIRE(migrate(db, 17));
    db.exec(two_rows_of_fukushi);
    db.exec(R"sql(
INSERT INTO cells(item_id, department_id, year, field, value, version) VALUES
  (1, 1, 2023, 'progress', '三', 5), (1, 1, 2024, 'progress', '翌年', 4);
INSERT INTO entries(item_id, department_id, year, status, version) VALUES
  (1, 1, 2023, 'submitted', 6);
INSERT INTO history(seq, item_id, department_id, year, field, change_id, old_value, new_value,
  user_name, device, at) VALUES
  (1, 1, 1, 2023, 'progress', 'c-1', '', '一', 'u', 'd', 't'),
  (2, 1, 1, 2023, '_status', 'workflow:submit', 'draft', 'submitted', 'u', 'd', 't'),
  (3, 1, 1, 2023, 'progress', 'c-3', '一', '二', 'u', 'd', 't'),
  (4, 1, 1, 2024, 'progress', 'c-4', '', '翌年', 'u', 'd', 't'),
  (5, 1, 1, 2023, 'progress', 'c-5', '二', '三', 'u', 'd', 't'),
  (6, 1, 1, 2023, '_status', 'workflow:return', 'submitted', 'returned', 'u', 'd', 't');
UPDATE meta SET value = 6 WHERE key = 'last_seq';
)sql");
  }
  store s = test::open_store(file);
  CHECK(history_indexes(s.db()) == std::vector<std::string>{"history_of_workflow"});
  CHECK(values_in(s.history_of({1, 1, 2023, "progress"})) ==
        std::vector<std::string>{"一", "二", "三"});
  CHECK(values_in(s.history_of({1, 1, 2024, "progress"})) == std::vector<std::string>{"翌年"});
  CHECK(values_in(s.history_of({1, 1, 2023, "_status"})) ==
        std::vector<std::string>{"submitted", "returned"});
  // The rows migrated stay append-only.
  CHECK_THROWS_AS(s.db().exec("UPDATE history SET new_value = 'forged'"), failure);
}

TEST_CASE("a cell is written without a foreign key lookup, and still goes with its item",
          "[store][migration]") {
  test::temp_dir dir;
  store s = test::open_store(dir.file("master.db"));
  // A foreign key on cells looked the item up for every new cell: a sixth
  // of a replica's write in a first pull. The apply checks the item
  // against the plan already, and a replica's cells come from the server.
  CHECK(count_of(s.db(), "SELECT count(*) FROM pragma_foreign_key_list('cells')") == 0);
  CHECK(indexes_of(s.db(), "cells") == std::vector<std::string>{"cells_by_department"});

  auto p = test::make_small_plan(s);
  const cell_key progress{p.solo_row, p.fukushi, 2023, "progress"};
  const cell_change c{"c-1", progress, 0, "実績"};
  REQUIRE(s.apply(p.index, p.member_of_fukushi(), {&c, 1}).at(0).kind == outcome_kind::applied);
  const cell_key plan_cell{p.shared_row, 0, 2023, "marks"};
  const cell_change mark{"c-2", plan_cell, 0, "●"};
  REQUIRE(s.apply(p.index, p.coordinator(), {&mark, 1}).at(0).kind == outcome_kind::applied);

  // An item removed (a replica drops those the server removed) takes its
  // cells with it, as ON DELETE CASCADE did; the other item's cells stay.
  s.db().exec("DELETE FROM items WHERE id = " + std::to_string(p.solo_row));
  CHECK_FALSE(s.find_cell(progress));
  CHECK(s.find_cell(plan_cell)->value == "●");
  CHECK(count_of(s.db(), "SELECT count(*) FROM pragma_foreign_key_check") == 0);
}

TEST_CASE("a database of schema 18 keeps its cells, and their feed index, after the upgrade",
          "[store][migration]") {
  test::temp_dir dir;
  const auto file = dir.file("v18.db");
  {
    auto db = sqlite::database::open(file);
    REQUIRE(migrate(db, 18));
    db.exec(two_rows_of_fukushi);
    db.exec(R"sql(
INSERT INTO cells(item_id, department_id, year, field, value, version) VALUES
  (1, 1, 2023, 'progress', '見守り', 1), (2, 1, 2023, 'progress', '居場所', 2);
INSERT INTO history(seq, item_id, department_id, year, field, change_id, old_value, new_value,
  user_name, device, at) VALUES
  (1, 1, 1, 2023, 'progress', 'c-1', '', '見守り', 'u', 'd', 't'),
  (2, 2, 1, 2023, 'progress', 'c-2', '', '居場所', 'u', 'd', 't');
UPDATE meta SET value = 2 WHERE key = 'last_seq';
)sql");
  }
  store s = test::open_store(file);
  CHECK(count_of(s.db(), "SELECT count(*) FROM pragma_foreign_key_list('cells')") == 0);
  CHECK(indexes_of(s.db(), "cells") == std::vector<std::string>{"cells_by_department"});
  CHECK(s.find_cell({1, 1, 2023, "progress"})->value == "見守り");
  CHECK(s.find_cell({2, 1, 2023, "progress"})->version == 2);
  // The department's feed still reads them, in order.
  const auto page = s.pull(1, {1, false}, 0, 100);
  REQUIRE(page.cells.size() == 2);
  CHECK(page.cells[0].value == "見守り");
  CHECK(page.cells[1].value == "居場所");
  s.db().exec("DELETE FROM items WHERE id = 2");
  CHECK_FALSE(s.find_cell({2, 1, 2023, "progress"}));
}
