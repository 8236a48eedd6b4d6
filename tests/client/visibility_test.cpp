// What one department may never see of another's, and whose signature the
// server never trusts (issue 16): negative tests against a real server.
#include <catch2/catch.hpp>

#include "auth/device_tokens.h"
#include "client/client_fixture.h"
#include "support/catch_result.h"
#include "sync/bundle_service.h"

using namespace matome;
using namespace matome::test;

TEST_CASE("a department never receives another department's comments, conflicts or history",
          "[client][visibility]") {
  client_fixture f;
  auto fukushi = f.sign_in("fukushi1");
  auto shakyo = f.sign_in("shakyo1");
  auto coord = f.sign_in("coord");
  const entry_key theirs{f.p.shared_row, f.p.shakyo, 2023};
  const entry_key ours{f.p.shared_row, f.p.fukushi, 2023};
  const cell_key their_cell{theirs.item_id, theirs.department_id, theirs.year, "progress"};
  REQUIRE(coord.queue_comment(theirs, "社協あての内密な指摘"));
  REQUIRE(coord.queue_comment(ours, "福祉課あての指摘"));
  // A conflict on 社協's cell: the coordinator's value lands first.
  REQUIRE(coord.edit(their_cell, "取りまとめの修正"));
  REQUIRE(f.sync(coord));
  REQUIRE(shakyo.edit(their_cell, "社協の競合する値"));
  REQUIRE(f.sync(shakyo).value().conflicts == 1);

  // By the pull.
  REQUIRE(f.sync(fukushi));
  CHECK(fukushi.db().comments_of(theirs).empty());
  CHECK(fukushi.db().comments_of(ours).size() == 1);
  CHECK(fukushi.db().open_conflicts(f.p.plan_id).empty());
  CHECK(fukushi.value_of(their_cell).empty());
  // By an answer file.
  REQUIRE(fukushi.edit({ours.item_id, ours.department_id, ours.year, "progress"}, "ファイルで"));
  auto server = f.server_store();
  const auto answer = server::answer_bundle(server, fukushi.export_bundle().value()).value();
  CHECK(answer.answer.find("社協あての内密な指摘") == std::string::npos);
  CHECK(answer.answer.find("社協の競合する値") == std::string::npos);
  CHECK(answer.answer.find("取りまとめの修正") == std::string::npos);
  // By asking for the history of 社協's cell.
  const auto history = f.server->client().get(
      "/api/v1/plans/" + std::to_string(f.p.plan_id) +
          "/history?item=" + std::to_string(their_cell.item_id) +
          "&department=" + std::to_string(their_cell.department_id) + "&year=2023&field=progress",
      f.tokens.at("fukushi1"));
  CHECK(history.status == 403);
  CHECK(history.body.find("取りまとめの修正") == std::string::npos);
  // By opening 社協's entry or listing the conflicts online.
  const auto entry_view = f.server->client().get(
      "/api/v1/plans/" + std::to_string(f.p.plan_id) + "/entries/" +
          std::to_string(theirs.item_id) + "/" + std::to_string(theirs.department_id) + "/2023",
      f.tokens.at("fukushi1"));
  CHECK(entry_view.status == 403);
  CHECK(entry_view.body.find("社協あての内密な指摘") == std::string::npos);
  const auto conflicts = f.server->client().get(
      "/api/v1/plans/" + std::to_string(f.p.plan_id) + "/conflicts", f.tokens.at("fukushi1"));
  CHECK(conflicts.status == 200);
  CHECK(conflicts.body.find("社協の競合する値") == std::string::npos);
}

TEST_CASE("a bundle signed by a revoked device or a disabled user is refused and changes nothing",
          "[client][bundle][trust]") {
  client_fixture f;
  auto shakyo = f.sign_in("shakyo1");
  const cell_key key{f.p.shared_row, f.p.shakyo, 2023, "progress"};
  REQUIRE(shakyo.edit(key, "取り消された端末から"));
  const auto file = shakyo.export_bundle().value();

  SECTION("revoked device") {
    auto server = f.server_store();
    for (const auto& d : server::list_devices(server))
      if (d.login == "shakyo1") REQUIRE(server::revoke_device(server, d.id));
  }
  SECTION("disabled user") {
    auto server = f.server_store();
    server.db().exec("UPDATE users SET disabled = 1 WHERE login = 'shakyo1'");
  }
  auto server = f.server_store();
  const auto seq = server.last_seq();
  auto refused = server::answer_bundle(server, file);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == errc::unauthenticated);
  CHECK(server.last_seq() == seq);
  CHECK(f.server_value(key).empty());
}
