// Change and action ids belong to the device that sent them (issue 9.5).
// An id read from another department's plain-text sync file, pushed first,
// must not suppress that department's change; and an id a device reuses for
// something else is refused, not answered with the first change's outcome.
#include <catch2/catch.hpp>

#include "client/client_fixture.h"
#include "matome/wire/codec.h"
#include "support/catch_result.h"

using namespace matome;
using namespace matome::test;

namespace {
// The change ids in a "changes" file, as anyone holding the file can read them.
std::vector<cell_change> changes_in(const std::string& file) {
  auto opened = open_bundle(file).value();
  return wire::decode<wire::bundle_changes>(opened.payload, wire::format::json).value().changes;
}

}  // namespace

TEST_CASE("another user's change id pushed first does not suppress the change it names",
          "[client][sync]") {
  client_fixture f;
  auto s = f.sign_in("shakyo1");
  auto a = f.sign_in("fukushi1");
  auto c = f.sign_in("coord");
  const cell_key shakyo_cell{f.p.shared_row, f.p.shakyo, 2023, "progress"};
  REQUIRE(s.edit(shakyo_cell, "社協の実績"));
  const auto bs2 = s.export_bundle().value();
  const auto stolen = changes_in(bs2).at(0);

  // fukushi1 reads the id and sends it first, pointed at one of its own cells.
  const cell_key own{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  auto first = f.push_as("fukushi1", {{stolen.change_id, own, 0, "先回り"}});
  REQUIRE(first.outcomes.at(0).kind == outcome_kind::applied);

  // The coordinator forwards shakyo's file; shakyo imports the answer.
  const auto answer = f.answer_for(bs2);
  REQUIRE(s.import_answer(answer));
  CHECK(f.server_value(shakyo_cell) == "社協の実績");
  CHECK(s.outbox().empty());
  REQUIRE(f.sync(c));
  CHECK(c.value_of(shakyo_cell) == "社協の実績");
  CHECK(c.value_of(own) == "先回り");
}

TEST_CASE("a device reusing its change id for another cell or value is refused", "[client][sync]") {
  client_fixture f;
  auto a = f.sign_in("fukushi1");
  const cell_key cell{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  const cell_key other{f.p.shared_row, f.p.fukushi, 2023, "progress"};
  const std::string id = "0b0f3a52-5d8e-4f43-9d31-reused";
  REQUIRE(f.push_as("fukushi1", {{id, cell, 0, "一度目"}}).outcomes.at(0).kind ==
          outcome_kind::applied);

  // The same change again (a retry) gets its first outcome.
  auto retry = f.push_as("fukushi1", {{id, cell, 0, "一度目"}}).outcomes.at(0);
  CHECK(retry.kind == outcome_kind::applied);
  CHECK(retry.repeated);

  // The same id for another value or another cell is a different change.
  for (const auto& reused :
       {cell_change{id, cell, 0, "別の値"}, cell_change{id, other, 0, "一度目"}}) {
    auto outcome = f.push_as("fukushi1", {reused}).outcomes.at(0);
    CHECK(outcome.kind == outcome_kind::refused);
    CHECK(outcome.reason_code == "invalid_argument");
    CHECK(outcome.reason.find("change id") != std::string::npos);
  }
  CHECK(f.server_value(cell) == "一度目");
  CHECK(f.server_value(other).empty());
}

TEST_CASE("two users' conflicts with the same change id are both kept", "[client][sync]") {
  client_fixture f;
  auto s = f.sign_in("shakyo1");
  auto a = f.sign_in("fukushi1");
  auto c = f.sign_in("coord");
  const cell_key ours{f.p.shared_row, f.p.fukushi, 2023, "progress"};
  const cell_key theirs{f.p.shared_row, f.p.shakyo, 2023, "progress"};
  REQUIRE(c.edit(ours, "取りまとめ 1"));
  REQUIRE(c.edit(theirs, "取りまとめ 2"));
  REQUIRE(f.sync(c));
  const std::string id = "same-id-on-two-devices";
  CHECK(f.push_as("fukushi1", {{id, ours, 0, "福祉課の値"}}).outcomes.at(0).kind ==
        outcome_kind::conflict);
  CHECK(f.push_as("shakyo1", {{id, theirs, 0, "社協の値"}}).outcomes.at(0).kind ==
        outcome_kind::conflict);
  REQUIRE(f.sync(c));
  CHECK(c.status().conflicts == 2);
  CHECK(f.server_store().open_conflicts(f.p.plan_id).size() == 2);
}

TEST_CASE("another user's action id sent first does not suppress the action it names",
          "[client][actions]") {
  client_fixture f;
  auto s = f.sign_in("shakyo1");
  auto a = f.sign_in("fukushi1");
  const entry_key shakyo_entry{f.p.shared_row, f.p.shakyo, 2023};
  const auto action_id = s.queue_comment(shakyo_entry, "社協からの連絡").value();

  workflow_action first;
  first.action_id = action_id;
  first.kind = action_kind::comment;
  first.entry = {f.p.solo_row, f.p.fukushi, 2023};
  first.text = "先回りのコメント";
  auto transport = client::make_http_transport(f.url(), f.tokens.at("fukushi1"));
  wire::action_request request;
  request.plan_id = f.p.plan_id;
  request.actions = {first};
  REQUIRE(transport->push_actions(request).value().outcomes.at(0).done);

  REQUIRE(f.sync(s));
  CHECK(s.actions().empty());
  auto server = f.server_store();
  const auto comments = server.comments_of(shakyo_entry);
  REQUIRE(comments.size() == 1);
  CHECK(comments[0].body == "社協からの連絡");
}

TEST_CASE("a refused change sent again gets its first refusal and still changes nothing",
          "[client][sync]") {
  client_fixture f;
  auto a = f.sign_in("fukushi1");
  const cell_key grade{f.p.solo_row, f.p.fukushi, 2023, "grade"};
  const cell_change wrong{"refused-once", grade, 0, "S"};
  const auto first = f.push_as("fukushi1", {wrong}).outcomes.at(0);
  REQUIRE(first.kind == outcome_kind::refused);
  CHECK_FALSE(first.repeated);
  const auto again = f.push_as("fukushi1", {wrong}).outcomes.at(0);
  CHECK(again.kind == outcome_kind::refused);
  CHECK(again.repeated);
  CHECK(again.reason == first.reason);
  CHECK(f.server_value(grade).empty());
  CHECK(f.server_store().history_of(grade).empty());
}
