#include <catch2/catch.hpp>
#include <fstream>

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
