// A user moved to another department, or made coordinator, sees the new
// scope's rows, old ones included, at the next sync (issue 9.10).
#include <catch2/catch.hpp>

#include "client/client_fixture.h"
#include "support/catch_result.h"
#include "support/run_cli.h"

using namespace matome;
using namespace matome::test;

TEST_CASE("a user moved to another department receives that department's earlier rows",
          "[client][scope]") {
  client_fixture f;
  auto s = f.sign_in("shakyo1");
  auto a = f.sign_in("fukushi1");
  const cell_key shakyo_cell{f.p.shared_row, f.p.shakyo, 2023, "progress"};
  const cell_key fukushi_cell{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(s.edit(shakyo_cell, "社協が前に書いた実績"));
  REQUIRE(f.sync(s));
  REQUIRE(a.edit(fukushi_cell, "福祉課の実績"));
  REQUIRE(f.sync(a));
  REQUIRE(a.cursor() > 0);  // past shakyo's edit, which fukushi1 could not see

  auto admin = f.server_store();
  REQUIRE(admin.update_user("fukushi1", f.p.shakyo, role::member));
  auto report = f.sync(a);
  REQUIRE(report);
  CHECK(report->scope_changed);
  CHECK(a.who()->department_id == f.p.shakyo);
  CHECK(a.value_of(shakyo_cell) == "社協が前に書いた実績");
  CHECK(a.value_of(fukushi_cell).empty());  // no longer this user's to see

  // Writing for the new department works offline at once.
  REQUIRE(a.edit(shakyo_cell, "異動後に書いた実績"));
  REQUIRE(f.sync(a));
  CHECK(f.server_value(shakyo_cell) == "異動後に書いた実績");
  CHECK(f.server_value(fukushi_cell) == "福祉課の実績");
}

TEST_CASE("a member made coordinator receives every department's rows", "[client][scope]") {
  client_fixture f;
  auto s = f.sign_in("shakyo1");
  auto a = f.sign_in("fukushi1");
  const cell_key shakyo_cell{f.p.shared_row, f.p.shakyo, 2023, "progress"};
  REQUIRE(s.edit(shakyo_cell, "社協の実績"));
  REQUIRE(f.sync(s));
  REQUIRE(f.sync(a));
  REQUIRE(a.value_of(shakyo_cell).empty());

  auto admin = f.server_store();
  REQUIRE(admin.update_user("fukushi1", f.p.fukushi, role::coordinator));
  REQUIRE(f.sync(a));
  CHECK(a.who()->role == role::coordinator);
  CHECK(a.value_of(shakyo_cell) == "社協の実績");
}

TEST_CASE("a scope change keeps unsent edits, refused by the server with the reason",
          "[client][scope]") {
  client_fixture f;
  auto a = f.sign_in("fukushi1");
  const cell_key fukushi_cell{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(a.edit(fukushi_cell, "異動前に書いた下書き"));
  auto admin = f.server_store();
  REQUIRE(admin.update_user("fukushi1", f.p.shakyo, role::member));
  REQUIRE(f.sync(a));
  const auto outbox = a.outbox();
  REQUIRE(outbox.size() == 1);
  CHECK(outbox[0].refused);
  CHECK(outbox[0].change.value == "異動前に書いた下書き");
  CHECK(f.server_value(fukushi_cell).empty());
}

TEST_CASE("a user's department or role is changed only to something valid", "[store][scope]") {
  client_fixture f;
  auto admin = f.server_store();
  CHECK_FALSE(admin.update_user("nobody", f.p.fukushi, role::member));
  CHECK_FALSE(admin.update_user("fukushi1", 9999, role::member));
  CHECK_FALSE(admin.update_user("fukushi1", 0, role::member));  // a member needs a department
  CHECK(admin.find_user("fukushi1").value().department_id == f.p.fukushi);
}

TEST_CASE("the admin moves a user with set-user beside the running server",
          "[client][scope][admin]") {
  client_fixture f;
  auto a = f.sign_in("fukushi1");
  const std::string db = f.dir.file("master.db").string();
  auto moved = run_server_admin({"--db", db, "set-user", "fukushi1", "--department", "shakyo"});
  REQUIRE(moved.exit_code == 0);
  CHECK(moved.out.find("member of shakyo") != std::string::npos);
  auto report = f.sync(a);
  REQUIRE(report);
  CHECK(report->scope_changed);
  CHECK(a.who()->department_id == f.p.shakyo);

  auto promoted = run_server_admin({"--db", db, "set-user", "fukushi1", "--role", "coordinator"});
  REQUIRE(promoted.exit_code == 0);
  REQUIRE(f.sync(a));
  CHECK(a.who()->role == role::coordinator);
  CHECK(a.who()->department_id == f.p.shakyo);  // kept

  auto wrong = run_server_admin({"--db", db, "set-user", "fukushi1", "--role", "boss"});
  CHECK(wrong.exit_code == 2);
  CHECK(f.server_store().find_user("fukushi1").value().role == role::coordinator);
}

TEST_CASE("a device syncing by file takes a scope change from the answer",
          "[client][scope][bundle]") {
  client_fixture f;
  auto s = f.sign_in("shakyo1");
  auto a = f.sign_in("fukushi1");
  const cell_key shakyo_cell{f.p.shared_row, f.p.shakyo, 2023, "progress"};
  REQUIRE(s.edit(shakyo_cell, "社協が前に書いた実績"));
  REQUIRE(f.sync(s));
  REQUIRE(f.sync(a));
  const auto file = a.export_bundle().value();

  auto admin = f.server_store();
  REQUIRE(admin.update_user("fukushi1", f.p.shakyo, role::member));
  REQUIRE(a.import_answer(f.answer_for(file)));
  CHECK(a.who()->department_id == f.p.shakyo);
  CHECK(a.value_of(shakyo_cell) == "社協が前に書いた実績");
}
