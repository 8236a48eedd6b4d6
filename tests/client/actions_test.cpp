// Workflow steps, resolutions and comments made offline: sent after the
// edits, applied once, refusals kept with their reason.
#include <catch2/catch.hpp>

#include "client/client_fixture.h"
#include "support/catch_result.h"
#include "sync/bundle_service.h"

using namespace matome;
using namespace matome::test;

namespace {
std::size_t steps_recorded(store& s, const entry_key& e) {
  return s.history_of({e.item_id, e.department_id, e.year, "_status"}).size();
}
}  // namespace

TEST_CASE("an entry filled in and submitted offline arrives submitted, after its edits",
          "[client][actions]") {
  client_fixture f;
  auto fukushi = f.sign_in("fukushi1");
  const entry_key e{f.p.solo_row, f.p.fukushi, 2023};
  client_fixture::fill_for_submit(fukushi, e);
  REQUIRE(fukushi.queue_transition(e, entry_action::submit));
  CHECK(fukushi.status().actions == 1);
  auto report = f.sync(fukushi).value();
  CHECK(report.actions == 1);
  CHECK(report.refused == 0);
  CHECK(f.server_store().find_entry(e).status == entry_status::submitted);
  CHECK(fukushi.db().find_entry(e).status == entry_status::submitted);  // learned by the pull
  CHECK(fukushi.actions().empty());
}

TEST_CASE("an action whose answer was lost is applied once when sent again", "[client][actions]") {
  client_fixture f;
  auto fukushi = f.sign_in("fukushi1");
  const entry_key e{f.p.solo_row, f.p.fukushi, 2023};
  client_fixture::fill_for_submit(fukushi, e);
  REQUIRE(f.sync(fukushi));
  REQUIRE(fukushi.queue_transition(e, entry_action::submit));
  // Sent, applied, but the answer never arrives.
  auto transport = client::make_http_transport(f.url(), f.tokens.at("fukushi1"));
  wire::action_request request;
  request.plan_id = f.p.plan_id;
  request.actions = fukushi.begin_actions(10);
  REQUIRE(transport->push_actions(request));
  auto server = f.server_store();
  const auto steps = steps_recorded(server, e);
  REQUIRE(f.sync(fukushi));  // the same action id again
  CHECK(steps_recorded(server, e) == steps);
  CHECK(fukushi.actions().empty());  // settled as done, not refused as "already submitted"
}

TEST_CASE("a submit with a required field empty is refused offline, naming the field",
          "[client][actions]") {
  client_fixture f;
  auto fukushi = f.sign_in("fukushi1");
  REQUIRE(f.sync(fukushi));
  const entry_key e{f.p.solo_row, f.p.fukushi, 2023};
  auto refused = fukushi.queue_transition(e, entry_action::submit);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message.find("進捗状況") != std::string::npos);
  REQUIRE(fukushi.edit({e.item_id, e.department_id, e.year, "progress"}, "実施した。"));
  REQUIRE(fukushi.edit({e.item_id, e.department_id, e.year, "grade"}, "A"));
  refused = fukushi.queue_transition(e, entry_action::submit);
  REQUIRE_FALSE(refused);  // a grade needs its reason
  CHECK(refused.error().message.find("評価の理由・課題") != std::string::npos);
  CHECK(fukushi.actions().empty());
}

TEST_CASE("a refused action stays with the server's reason until discarded", "[client][actions]") {
  client_fixture f;
  auto fukushi = f.sign_in("fukushi1");
  REQUIRE(f.sync(fukushi));
  const entry_key e{f.p.solo_row, f.p.fukushi, 2023};
  client_fixture::fill_for_submit(fukushi, e, "B");
  REQUIRE(fukushi.queue_transition(e, entry_action::submit));
  REQUIRE(fukushi.queue_transition(e, entry_action::submit));  // twice: the second cannot apply
  auto report = f.sync(fukushi).value();
  CHECK(report.refused == 1);
  auto queued = fukushi.actions();
  REQUIRE(queued.size() == 1);
  CHECK(queued[0].refused);
  CHECK(queued[0].reason.find("提出済") != std::string::npos);  // names the status it met
  REQUIRE(f.sync(fukushi));
  CHECK(fukushi.actions().size() == 1);  // not sent again by itself
  REQUIRE(fukushi.discard_action(queued[0].action.action_id));
  CHECK(fukushi.actions().empty());
}

TEST_CASE("offline checks refuse what the role can never do", "[client][actions]") {
  client_fixture f;
  auto fukushi = f.sign_in("fukushi1");
  auto coord = f.sign_in("coord");
  const entry_key e{f.p.solo_row, f.p.fukushi, 2023};
  CHECK(fukushi.queue_transition(e, entry_action::accept).error().code == errc::forbidden);
  CHECK(fukushi.queue_transition({f.p.shared_row, f.p.shakyo, 2023}, entry_action::submit)
            .error()
            .code == errc::forbidden);
  CHECK(coord.queue_transition(e, entry_action::return_).error().code ==
        errc::invalid_value);  // needs a reason
  CHECK(fukushi.actions().empty());
}

TEST_CASE("a conflict resolved offline is resolved at the next sync", "[client][actions]") {
  client_fixture f;
  auto a = f.sign_in("coord");
  const cell_key key{f.p.solo_row, 0, 0, "content"};
  REQUIRE(a.edit(key, "元"));
  REQUIRE(f.sync(a));
  auto transport = client::make_http_transport(f.url(), f.tokens.at("coord"));
  wire::push_request stale;
  stale.plan_id = f.p.plan_id;
  stale.changes = {{"other-device", key, 0, "別の値"}};
  REQUIRE(transport->push(stale).value().outcomes.at(0).kind == outcome_kind::conflict);
  REQUIRE(f.sync(a));
  const auto conflicts = a.db().open_conflicts(f.p.plan_id);
  REQUIRE(conflicts.size() == 1);
  REQUIRE(a.queue_resolution(conflicts[0].id, "merged", "元と別の値"));
  REQUIRE(f.sync(a));
  CHECK(f.server_store().open_conflicts(f.p.plan_id).empty());
  CHECK(a.value_of(key) == "元と別の値");
  CHECK(a.status().conflicts == 0);
}

TEST_CASE("edits and a submit carried by file arrive in order", "[client][actions][bundle]") {
  client_fixture f;
  auto shakyo = f.sign_in("shakyo1");
  const entry_key e{f.p.shared_row, f.p.shakyo, 2023};
  client_fixture::fill_for_submit(shakyo, e, "B");
  REQUIRE(shakyo.queue_transition(e, entry_action::submit));
  REQUIRE(shakyo.queue_comment(e, "ご確認ください"));
  auto server = f.server_store();
  auto answered = server::answer_bundle(server, shakyo.export_bundle().value()).value();
  REQUIRE(shakyo.import_answer(answered.answer));
  CHECK(server.find_entry(e).status == entry_status::submitted);
  CHECK(server.comments_of(e).back().body == "ご確認ください");
  CHECK(shakyo.db().find_entry(e).status == entry_status::submitted);
  CHECK(shakyo.actions().empty());
}
