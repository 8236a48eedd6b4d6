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
