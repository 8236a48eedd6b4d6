// End to end: a real matome-server on 127.0.0.1, the client's Session and
// sync loop signed in through the sign-in path, edits made through the
// form's controller, a conflict seen and resolved through the conflict list.
#include <catch2/catch.hpp>

#include "app_fixture.h"
#include "client/client_fixture.h"
#include "conflictlistmodel.h"
#include "entrycontroller.h"
#include "plantreemodel.h"
#include "support/catch_result.h"
#include "support/cut_proxy.h"
#include "support/run_cli.h"

using namespace matome;
using namespace matome::test;

namespace {
// 福祉課 types `text` into its own row's 進捗状況 through the form, then asks
// for a sync.
void type_progress_and_sync(live_app& app, const small_plan& p, const QString& text) {
  Matome::EntryController entry;
  entry.setItemId(p.solo_row);
  entry.setDepartmentId(p.fukushi);
  entry.setValue(QStringLiteral("progress"), text);
  entry.flush();
  app.sync->syncNow();
}
}  // namespace

TEST_CASE("Edit, sync, conflict and resolve through the client's models", "[app][e2e]") {
  client_fixture f;
  const auto& p = f.p;
  live_app app(f.dir.file("fukushi1-app"), f.url(), "fukushi1");
  REQUIRE(app.session->hasPlan());
  CHECK(app.sync->online());

  Matome::PlanTreeModel tree;
  CHECK(tree.rowCountTotal() == 2);
  Matome::EntryController entry;
  entry.setItemId(p.solo_row);
  entry.setDepartmentId(p.fukushi);
  REQUIRE(entry.valid());
  const cell_key key{p.solo_row, p.fukushi, 2023, "progress"};

  // 1. An edit reaches the server.
  entry.setValue(QStringLiteral("progress"), QStringLiteral("講座を開催した。"));
  entry.flush();
  app.sync->syncNow();
  REQUIRE(wait_until([&] { return f.server_value(key) == "講座を開催した。"; }));
  REQUIRE(wait_until([&] { return app.sync->pending() == 0; }));

  // 2. The coordinator changes the same cell while this client is cut off.
  app.sync->stop();
  auto coord = f.sign_in("coord");
  REQUIRE(coord.edit(key, "講座を2回開催した。"));
  REQUIRE(f.sync(coord));

  entry.setValue(QStringLiteral("progress"), QStringLiteral("講座を3回開催した。"));
  entry.flush();
  app.sync->start();
  REQUIRE(wait_until([&] { return app.sync->conflicts() == 1; }));

  // 3. The conflict list shows both sides against their base; the form marks the field.
  Matome::ConflictListModel conflicts;
  REQUIRE(conflicts.rowCount() == 1);
  const auto row = conflicts.index(0);
  using C = Matome::ConflictListModel;
  CHECK(conflicts.data(row, C::BaseRole) == QStringLiteral("講座を開催した。"));
  CHECK(conflicts.data(row, C::MineRole) == QStringLiteral("講座を3回開催した。"));
  CHECK(conflicts.data(row, C::TheirsRole) == QStringLiteral("講座を2回開催した。"));
  CHECK(conflicts.data(row, C::MineIsOwnRole).toBool());
  CHECK(conflicts.data(row, C::FieldRole).toString().startsWith(QStringLiteral("進捗状況")));
  CHECK(conflicts.data(row, C::MineHtmlRole).toString().contains(QStringLiteral("3回")));
  CHECK(f.server_value(key) == "講座を2回開催した。");  // nothing overwritten
  const int fieldRow = entry.fields()->indexOfKey(QStringLiteral("progress"));
  CHECK(entry.fields()
            ->data(entry.fields()->index(fieldRow), Matome::FieldListModel::ConflictRole)
            .toBool());

  // 4. Taking this side settles it on the server and on the client.
  REQUIRE(conflicts.takeMine(0));
  REQUIRE(wait_until([&] { return app.sync->conflicts() == 0 && conflicts.rowCount() == 0; }));
  CHECK(f.server_value(key) == "講座を3回開催した。");
  CHECK(app.session->replica().value_of(key) == "講座を3回開催した。");
  CHECK(app.sync->pending() == 0);
}

TEST_CASE("The client works offline and says so", "[app][e2e]") {
  client_fixture f;
  const auto& p = f.p;
  live_app app(f.dir.file("fukushi1-app"), f.url(), "fukushi1");
  f.server->stop();

  type_progress_and_sync(app, p, QStringLiteral("オフラインで入力。"));
  REQUIRE(wait_until([&] { return !app.sync->online() && !app.sync->syncing(); }));
  CHECK(app.sync->pending() == 1);
  CHECK(app.sync->message().contains(QStringLiteral("接続できません")));
  REQUIRE_FALSE(app.sync->recentErrors().isEmpty());  // kept for the diagnostics list
  CHECK(app.sync->recentErrors().front().contains(QStringLiteral("127.0.0.1")));
  CHECK(app.session->replica().value_of({p.solo_row, p.fukushi, 2023, "progress"}) ==
        "オフラインで入力。");
  CHECK_FALSE(app.sync->recentErrors().front().contains(QStringLiteral("解決")));
}

TEST_CASE("After the connection comes back, the problems it caused read as resolved",
          "[app][e2e]") {
  client_fixture f;
  const auto& p = f.p;
  cut_proxy line(f.server->port());
  const std::string via = "http://127.0.0.1:" + std::to_string(line.port());
  live_app app(f.dir.file("fukushi1-app"), via, "fukushi1");
  line.cut_after(1);  // the cable is pulled

  type_progress_and_sync(app, p, QStringLiteral("切れている間の入力。"));
  REQUIRE(wait_until([&] { return !app.sync->recentErrors().isEmpty(); }));
  CHECK_FALSE(app.sync->recentErrors().front().contains(QStringLiteral("解決")));

  line.cut_after(0);  // back
  REQUIRE(wait_until([&] { return !app.sync->syncing(); }));
  app.sync->syncNow();
  REQUIRE(wait_until([&] { return app.sync->pending() == 0 && !app.sync->syncing(); }));
  REQUIRE(wait_until(
      [&] { return app.sync->recentErrors().front().contains(QStringLiteral("（解決済み ")); }));
  CHECK(f.server_value({p.solo_row, p.fukushi, 2023, "progress"}) == "切れている間の入力。");
}

TEST_CASE("A user moved to another department sees it in the client after the next sync",
          "[app][e2e]") {
  client_fixture f;
  live_app app(f.dir.file("fukushi1-app"), f.url(), "fukushi1");
  REQUIRE(app.session->departmentId() == f.p.fukushi);
  auto s = f.sign_in("shakyo1");
  REQUIRE(s.edit({f.p.shared_row, f.p.shakyo, 2023, "progress"}, "社協の実績"));
  REQUIRE(f.sync(s));

  auto admin = f.server_store();
  REQUIRE(admin.update_user("fukushi1", f.p.shakyo, role::member));
  app.sync->syncNow();
  REQUIRE(wait_until([&] { return app.session->departmentId() == f.p.shakyo; }));
  CHECK(app.session->departmentName() == QStringLiteral("社協"));
  Matome::EntryController entry;
  entry.setItemId(f.p.shared_row);
  entry.setDepartmentId(f.p.shakyo);
  REQUIRE(entry.valid());
  REQUIRE(wait_until([&] {
    return app.session->replica().value_of({f.p.shared_row, f.p.shakyo, 2023, "progress"}) ==
           "社協の実績";
  }));
}

TEST_CASE("A server restored from a backup is noticed and said in one line", "[app][e2e]") {
  client_fixture f;
  live_app app(f.dir.file("fukushi1-app"), f.url(), "fukushi1");
  // Taken once the device is registered (a backup from before would not
  // know it: the device would be asked to sign in again).
  REQUIRE(run_server_admin(
              {"--db", f.dir.file("master.db").string(), "backup", f.dir.file("bk.db").string()})
              .exit_code == 0);
  const cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  type_progress_and_sync(app, f.p, QStringLiteral("復元で失われる実績"));
  REQUIRE(wait_until([&] { return f.server_value(key) == "復元で失われる実績"; }));
  REQUIRE(wait_until([&] { return app.sync->pending() == 0; }));

  app.sync->stop();
  f.restart_server([&] {
    std::filesystem::copy_file(f.dir.file("bk.db"), f.dir.file("master.db"),
                               std::filesystem::copy_options::overwrite_existing);
  });
  REQUIRE(f.server_value(key).empty());
  app.sync->start();
  REQUIRE(wait_until([&] { return f.server_value(key) == "復元で失われる実績"; }));
  REQUIRE(wait_until([&] { return app.sync->message().contains(QStringLiteral("以前の状態")); }));
  CHECK(app.sync->message().contains(QStringLiteral("1件")));
}
