// End to end: a real matome-server on 127.0.0.1, the client's Session and
// sync loop signed in through the sign-in path, edits made through the
// form's controller, a conflict seen and resolved through the conflict list.
#include <catch2/catch.hpp>

#include "app_fixture.h"
#include "conflictlistmodel.h"
#include "entrycontroller.h"
#include "matome/client/sync_engine.h"
#include "matome/client/transport.h"
#include "plantreemodel.h"
#include "support/catch_result.h"
#include "support/test_server.h"

using namespace matome;
using namespace matome::test;

namespace {

std::string server_value(const std::filesystem::path& db, const cell_key& key) {
  auto s = store::open(db).value();
  auto c = s.find_cell(key);
  return c ? c->value : std::string();
}

}  // namespace

TEST_CASE("Edit, sync, conflict and resolve through the client's models", "[app][e2e]") {
  temp_dir dir;
  test_server server(dir.file("master.db"));
  const auto url = "http://127.0.0.1:" + std::to_string(server.port());
  const auto& p = server.plan();
  live_app app(dir.file("fukushi1-app"), url, "fukushi1");
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
  REQUIRE(
      wait_until([&] { return server_value(dir.file("master.db"), key) == "講座を開催した。"; }));
  REQUIRE(wait_until([&] { return app.sync->pending() == 0; }));

  // 2. The coordinator changes the same cell while this client is cut off.
  app.sync->stop();
  auto coord = client::replica::open(dir.file("coord.replica")).value();
  auto who = client::sign_in(url, "coord", "demo", "coord-pc").value();
  coord.set_identity({url, who.user, "coord-pc", who.department_id, who.role, who.plan_ids.at(0)});
  auto transport = client::make_http_transport(url, who.token, std::chrono::seconds(5));
  REQUIRE(client::sync(coord, *transport));
  REQUIRE(coord.edit(key, "講座を2回開催した。"));
  REQUIRE(client::sync(coord, *transport));

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
  CHECK(server_value(dir.file("master.db"), key) == "講座を2回開催した。");  // nothing overwritten
  const int fieldRow = entry.fields()->indexOfKey(QStringLiteral("progress"));
  CHECK(entry.fields()
            ->data(entry.fields()->index(fieldRow), Matome::FieldListModel::ConflictRole)
            .toBool());

  // 4. Taking this side settles it on the server and on the client.
  REQUIRE(conflicts.takeMine(0));
  REQUIRE(wait_until([&] { return app.sync->conflicts() == 0 && conflicts.rowCount() == 0; }));
  CHECK(server_value(dir.file("master.db"), key) == "講座を3回開催した。");
  CHECK(app.session->replica().value_of(key) == "講座を3回開催した。");
  CHECK(app.sync->pending() == 0);
}

TEST_CASE("The client works offline and says so", "[app][e2e]") {
  temp_dir dir;
  auto server = std::make_unique<test_server>(dir.file("master.db"));
  const auto url = "http://127.0.0.1:" + std::to_string(server->port());
  const auto& p = server->plan();
  live_app app(dir.file("fukushi1-app"), url, "fukushi1");
  server->stop();

  Matome::EntryController entry;
  entry.setItemId(p.solo_row);
  entry.setDepartmentId(p.fukushi);
  entry.setValue(QStringLiteral("progress"), QStringLiteral("オフラインで入力。"));
  entry.flush();
  app.sync->syncNow();
  REQUIRE(wait_until([&] { return !app.sync->online() && !app.sync->syncing(); }));
  CHECK(app.sync->pending() == 1);
  CHECK(app.sync->message().contains(QStringLiteral("接続できません")));
  REQUIRE_FALSE(app.sync->recentErrors().isEmpty());  // kept for the diagnostics list
  CHECK(app.sync->recentErrors().front().contains(QStringLiteral("127.0.0.1")));
  CHECK(app.session->replica().value_of({p.solo_row, p.fukushi, 2023, "progress"}) ==
        "オフラインで入力。");
}
