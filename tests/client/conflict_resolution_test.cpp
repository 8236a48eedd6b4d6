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
  // Who wrote the server's side, and when, reach the replica with it.
  CHECK(conflict.server_user == "coord");
  CHECK_FALSE(conflict.server_at.empty());
  CHECK(f.server_store().find_conflict(conflict.id).value().server_user == "coord");

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
  CHECK(shown[0].server_user == "coord");
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
  const auto sent = a.begin_push(10, client::sync_options{}.push_bytes);
  REQUIRE(f.push_as("fukushi1", sent).outcomes.at(0).kind == outcome_kind::conflict);
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

// Issue 9.6: offline, a department fills in an entry and submits; the
// coordinator edits the same field meanwhile. The submit went through with
// the coordinator's text, the department's text was left only in the
// conflict, and resolving it was refused because the entry was submitted.
TEST_CASE("a submit queued after an edit that conflicted is held until the conflict is resolved",
          "[client][conflict][actions]") {
  client_fixture f;
  auto a = f.sign_in("fukushi1");
  auto c = f.sign_in("coord");
  const entry_key e{f.p.solo_row, f.p.fukushi, 2023};
  const cell_key progress{e.item_id, e.department_id, e.year, "progress"};
  client_fixture::fill_for_submit(a, e);
  REQUIRE(a.queue_transition(e, entry_action::submit));
  REQUIRE(c.edit(progress, "取りまとめが書いた実績"));
  REQUIRE(f.sync(c));

  REQUIRE(f.sync(a));
  CHECK(f.server_store().find_entry(e).status == entry_status::draft);  // not submitted
  REQUIRE(a.actions().size() == 1);
  CHECK_FALSE(a.actions()[0].refused);
  CHECK(a.actions()[0].reason.find("競合") != std::string::npos);  // the user is told why
  REQUIRE(f.sync(a));  // still held while the conflict is open
  CHECK(f.server_store().find_entry(e).status == entry_status::draft);

  const auto conflict = a.db().open_conflicts(f.p.plan_id).at(0);
  REQUIRE(a.queue_resolution(conflict.id, "incoming"));
  REQUIRE(f.sync(a));  // the resolution goes; the pull shows it resolved
  REQUIRE(f.sync(a));  // then the submit
  CHECK(a.actions().empty());
  CHECK(f.server_store().find_entry(e).status == entry_status::submitted);
  CHECK(f.server_value(progress) == "実施した。");
}

TEST_CASE("a submit after an edit the server refused is held, not sent", "[client][actions]") {
  client_fixture f;
  auto a = f.sign_in("fukushi1");
  auto c = f.sign_in("coord");
  const entry_key e{f.p.solo_row, f.p.fukushi, 2023};
  client_fixture::fill_for_submit(a, e);
  REQUIRE(a.queue_transition(e, entry_action::submit));
  // The coordinator finalizes the year before the department's edits arrive.
  auto server = f.server_store();
  REQUIRE(server.finalize_year(f.p.plan_id, f.p.coordinator(), 2023));
  REQUIRE(f.sync(a));
  CHECK(a.status().refused > 0);
  REQUIRE(a.actions().size() == 1);
  CHECK_FALSE(a.actions()[0].refused);
  CHECK(a.actions()[0].reason.find("拒否") != std::string::npos);
  CHECK(server.find_entry(e).status == entry_status::not_started);
}
