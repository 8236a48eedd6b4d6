// Issue 9.2, reproduced as the issue tells it, against a real server: a
// conflict whose cell changes again must still be resolvable, and an edit
// typed while its change was in flight must not leave two conflicts.
#include <catch2/catch.hpp>

#include "client/client_fixture.h"
#include "support/catch_result.h"

using namespace matome;
using namespace matome::test;

TEST_CASE("a conflict stays resolvable after its cell changes again", "[client][conflict]") {
  client_fixture f;
  auto a = f.sign_in("fukushi1");
  auto c = f.sign_in("coord");
  const cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(a.edit(key, "担当課の実績"));
  REQUIRE(c.edit(key, "取りまとめの修正1"));
  REQUIRE(f.sync(c));
  REQUIRE(f.sync(a).value().conflicts == 1);
  const auto conflict = a.db().open_conflicts(f.p.plan_id).at(0);
  CHECK(conflict.server_value == "取りまとめの修正1");

  // The coordinator edits again before the department resolves.
  REQUIRE(c.edit(key, "取りまとめの修正2"));
  REQUIRE(f.sync(c));
  // Decided on the old value: refused, and the new value is shown.
  REQUIRE(a.queue_resolution(conflict.id, "incoming"));
  REQUIRE(f.sync(a));
  REQUIRE(a.actions().size() == 1);
  CHECK(a.actions()[0].refused);
  CHECK(a.actions()[0].reason.find("取りまとめの修正2") != std::string::npos);
  CHECK(f.server_value(key) == "取りまとめの修正2");
  auto shown = a.db().open_conflicts(f.p.plan_id);
  REQUIRE(shown.size() == 1);
  CHECK(shown[0].server_value == "取りまとめの修正2");  // the new "theirs"
  CHECK(shown[0].incoming_value == "担当課の実績");

  // Decided again on what the server holds now: it goes through.
  REQUIRE(a.discard_action(a.actions()[0].action.action_id));
  REQUIRE(a.queue_resolution(conflict.id, "incoming"));
  REQUIRE(f.sync(a));
  CHECK(a.actions().empty());
  CHECK(f.server_value(key) == "担当課の実績");
  CHECK(f.server_store().open_conflicts(f.p.plan_id).empty());
  REQUIRE(f.sync(c));
  CHECK(a.status().conflicts == 0);
  CHECK(c.status().conflicts == 0);
  CHECK(c.value_of(key) == "担当課の実績");
}

TEST_CASE("an edit typed while its change was in flight folds into one conflict",
          "[client][conflict]") {
  client_fixture f;
  auto a = f.sign_in("fukushi1");
  auto c = f.sign_in("coord");
  const cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(c.edit(key, "取りまとめの値"));
  REQUIRE(f.sync(c));
  REQUIRE(a.edit(key, "一回目"));
  // Sent, but the answer is lost; the user types on meanwhile.
  auto transport = client::make_http_transport(f.url(), f.tokens.at("fukushi1"));
  wire::push_request request;
  request.plan_id = f.p.plan_id;
  request.changes = a.begin_push(10);
  REQUIRE(transport->push(request).value().outcomes.at(0).kind == outcome_kind::conflict);
  REQUIRE(a.edit(key, "二回目"));
  REQUIRE(f.sync(a));
  REQUIRE(f.sync(a));  // the value typed since goes out on the old base
  auto open = a.db().open_conflicts(f.p.plan_id);
  REQUIRE(open.size() == 1);
  CHECK(open[0].incoming_value == "二回目");
  CHECK(f.server_store().open_conflicts(f.p.plan_id).size() == 1);
  REQUIRE(a.queue_resolution(open[0].id, "incoming"));
  REQUIRE(f.sync(a));
  CHECK(f.server_value(key) == "二回目");
  CHECK(f.server_store().open_conflicts(f.p.plan_id).empty());
  CHECK(a.status().conflicts == 0);
}
