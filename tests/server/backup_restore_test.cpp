// The administrator's backup and restore drill, on real database files and a
// real server: back up, change, restore, and the backed-up state is back.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "admin/admin_commands.h"
#include "matome/store/schema.h"
#include "server/api_helpers.h"
#include "support/catch_result.h"
#include "support/run_cli.h"
#include "support/test_server.h"

using namespace matome;
using namespace matome::test;
namespace fs = std::filesystem;

namespace {

std::string file_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::vector<fs::path> backups_in(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

// Pushes one value as 福祉課 on the value the server has now.
void report_progress(test_server& server, const std::string& db, const std::string& change_id,
                     const std::string& value) {
  const auto& p = server.plan();
  const cell_key key{p.solo_row, p.fukushi, 2023, "progress"};
  std::int64_t base = 0;
  if (auto cell = store::open(db).value().find_cell(key)) base = cell->version;
  auto client = server.client();
  const auto reply =
      client.post(plan_path(p.plan_id) + "/changes",
                  push_body({change_json(change_id, key, base, value)}), client.login("fukushi1"));
  REQUIRE(reply.status == 200);
  REQUIRE(reply.body.find("\"applied\"") != std::string::npos);
}

std::string progress_in(const std::string& db, const small_plan& p) {
  auto s = store::open(db).value();
  auto cell = s.find_cell({p.solo_row, p.fukushi, 2023, "progress"});
  return cell ? cell->value : "";
}

}  // namespace

TEST_CASE("backups into a directory are named by time, the newest N kept, the time recorded",
          "[server][admin][backup]") {
  temp_dir dir;
  const auto db = dir.file("master.db").string();
  { test_server server(db); }
  const fs::path backups = dir.file("backups");
  fs::create_directory(backups);
  CHECK_FALSE(store::open(db).value().last_backup());

  for (int i = 0; i < 3; ++i) REQUIRE(server::admin::backup(db, backups.string(), 2) == 0);
  const auto kept = backups_in(backups);
  REQUIRE(kept.size() == 2);
  for (const auto& file : kept) {
    CHECK(file.filename().string().starts_with("matome-"));
    CHECK(file.extension() == ".db");
    CHECK(server::admin::check(file.string()) == 0);
  }
  const auto when = store::open(db).value().last_backup();
  REQUIRE(when);
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  CHECK(*when <= now);
  CHECK(*when > now - 60);

  // --keep prunes a directory only: given a file name, it is refused.
  CHECK(server::admin::backup(db, dir.file("one.db").string(), 2) == 2);
  CHECK_FALSE(fs::exists(dir.file("one.db")));
}

TEST_CASE("restore drill: back up, change, restore; the backed-up state is back",
          "[server][admin][backup]") {
  temp_dir dir;
  const auto db = dir.file("master.db").string();
  const auto backup = dir.file("nightly.db").string();
  auto server = std::make_unique<test_server>(db);
  const small_plan p = server->plan();

  report_progress(*server, db, "before-backup", "バックアップ前の実績");
  REQUIRE(server::admin::backup(db, backup) == 0);
  report_progress(*server, db, "after-backup", "バックアップ後の実績");
  const std::string timeline_before = store::open(db).value().timeline();

  // While the server serves the database, restore refuses and changes nothing.
  auto refused = run_server_admin({"--db", db, "restore", backup});
  CHECK(refused.exit_code != 0);
  CHECK(refused.err.find("Stop it first") != std::string::npos);
  CHECK(progress_in(db, p) == "バックアップ後の実績");

  server->stop();
  server.reset();
  auto restored = run_server_admin({"--db", db, "restore", backup});
  INFO(restored.err);
  REQUIRE(restored.exit_code == 0);
  CHECK(progress_in(db, p) == "バックアップ前の実績");
  CHECK(server::admin::check(db) == 0);
  // A timeline of its own: clients see a database they have not synced with.
  CHECK(store::open(db).value().timeline() != timeline_before);

  // The replaced database is kept aside, with the edit made after the backup.
  std::vector<fs::path> aside;
  for (const auto& e : fs::directory_iterator(dir.path())) {
    if (e.path().filename().string().starts_with("master.db.replaced-")) aside.push_back(e.path());
  }
  REQUIRE(aside.size() == 1);
  CHECK(restored.out.find(aside[0].string()) != std::string::npos);
  CHECK(progress_in(aside[0].string(), p) == "バックアップ後の実績");

  // The server serves the restored database again.
  test_server again(db);
  auto client = again.client();
  const auto health = client.get("/api/v1/health");
  CHECK(health.status == 200);
  report_progress(again, db, "after-restore", "復元後の実績");
  CHECK(progress_in(db, p) == "復元後の実績");
}

TEST_CASE("restore refuses a damaged, foreign or missing backup and changes nothing",
          "[server][admin][backup]") {
  temp_dir dir;
  const auto db = dir.file("master.db").string();
  { test_server server(db); }
  const auto good = dir.file("good.db").string();
  REQUIRE(server::admin::backup(db, good) == 0);
  const std::string before = file_bytes(db);

  SECTION("half a backup") {
    const auto half = dir.file("half.db");
    const std::string bytes = file_bytes(good);
    std::ofstream(half, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
    auto run = run_server_admin({"--db", db, "restore", half.string()});
    CHECK(run.exit_code != 0);
    CHECK(run.err.find("Nothing was changed") != std::string::npos);
  }
  SECTION("a spreadsheet") {
    const auto sheet = dir.file("report.xlsx");
    std::ofstream(sheet) << "not a database at all\n";
    auto run = run_server_admin({"--db", db, "restore", sheet.string()});
    CHECK(run.exit_code != 0);
    CHECK(run.err.find("cannot be read as a database") != std::string::npos);
  }
  SECTION("another program's SQLite database") {
    const auto other = dir.file("other.db");
    sqlite::database::open(other).exec("CREATE TABLE notes(text)");
    auto run = run_server_admin({"--db", db, "restore", other.string()});
    CHECK(run.exit_code != 0);
    CHECK(run.err.find("not a backup of a Matome database") != std::string::npos);
  }
  SECTION("a backup from a newer Matome") {
    {
      auto newer = sqlite::database::open(good);
      newer.exec("PRAGMA user_version = 999");
    }
    auto run = run_server_admin({"--db", db, "restore", good});
    CHECK(run.exit_code != 0);
    CHECK(run.err.find("newer Matome") != std::string::npos);
  }
  SECTION("no such file") {
    auto run = run_server_admin({"--db", db, "restore", dir.file("missing.db").string()});
    CHECK(run.exit_code != 0);
    CHECK(run.err.find("does not exist") != std::string::npos);
  }
  CHECK(file_bytes(db) == before);
  for (const auto& e : fs::directory_iterator(dir.path())) {
    CHECK_FALSE(e.path().filename().string().find(".replaced-") != std::string::npos);
    CHECK_FALSE(e.path().filename().string().ends_with(".restoring"));
  }
}

TEST_CASE("an older matome-server on a newer database refuses to start and changes nothing",
          "[server][admin][migration]") {
  temp_dir dir;
  const auto db = dir.file("master.db").string();
  { test_server server(db); }
  {
    auto newer = sqlite::database::open(db);
    newer.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    newer.exec("PRAGMA user_version = " + std::to_string(current_schema_version() + 1));
  }
  const std::string before = file_bytes(db);

  auto served = run_server_admin({"--db", db, "--listen", "127.0.0.1:0"});
  CHECK(served.exit_code == 3);
  CHECK(served.err.find("Update Matome") != std::string::npos);
  CHECK(served.err.find("left unchanged") != std::string::npos);
  auto checked = run_server_admin({"--db", db, "check"});
  CHECK(checked.exit_code != 0);
  CHECK(checked.err.find("Update Matome") != std::string::npos);
  CHECK(file_bytes(db) == before);
}

TEST_CASE("check finds a value whose row is gone, and passes a sound database", "[server][admin]") {
  temp_dir dir;
  const auto db = dir.file("master.db").string();
  {
    test_server server(db);
    report_progress(server, db, "c-1", "実績");
  }
  const auto sound = run_server_admin({"--db", db, "check"});
  INFO(sound.out << sound.err);
  CHECK(sound.exit_code == 0);
  {
    // A value left behind by a tool that wrote the file with its checks off.
    auto damaged = sqlite::database::open(db);
    damaged.exec("PRAGMA foreign_keys = OFF");
    damaged.exec(
        "INSERT INTO cells(item_id, department_id, year, field, value, version)"
        " VALUES (999999, 0, 2023, 'progress', '行のない値', 1)");
  }
  const auto found = run_server_admin({"--db", db, "check"});
  INFO(found.out << found.err);
  CHECK(found.exit_code == 1);
  CHECK(found.out.find("cells") != std::string::npos);
  CHECK(found.out.find("999999") != std::string::npos);
  CHECK(found.out.find("matome-server restore") != std::string::npos);  // what to do next
}
