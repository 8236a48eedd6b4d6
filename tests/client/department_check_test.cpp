// 課内確認 through the server and the client (issue 16): in a plan where a
// department's chief checks its entries, a member's submit goes to the
// chief, the chief's approve sends it on to the coordinator and the chief's
// send_back returns it to the member with the reason, each step queued on a
// replica and carried by a real sync.
#include <catch2/catch.hpp>

#include "client/client_fixture.h"
#include "matome/auth/password.h"
#include "support/catch_result.h"

using namespace matome;
using namespace matome::test;

namespace {
// The small plan with 課内確認, its users and 福祉課's chief.
void plan_with_department_check(const std::filesystem::path& file) {
  store s = store::open(file).value();
  plan definition = make_small_plan_definition();
  definition.department_check = true;
  const auto p = make_small_plan(s, definition);
  const std::string hash = hash_password("demo", hash_cost::minimal).value();
  s.add_user({0, "fukushi1", "福祉課 担当", p.fukushi, role::member, hash, false}).value();
  s.add_user({0, "fukushi_chief", "福祉課 課長", p.fukushi, role::chief, hash, false}).value();
  s.add_user({0, "coord", "取りまとめ", p.fukushi, role::coordinator, hash, false}).value();
}

entry_status on_server(client_fixture& f, const entry_key& e) {
  return f.server_store().find_entry(e).status;
}
}  // namespace

TEST_CASE("a member's submit waits for the chief, whose approve sends it to the coordinator",
          "[client][workflow]") {
  client_fixture f(test_server::quick_options(), plan_with_department_check);
  auto member = f.sign_in("fukushi1");
  auto chief = f.sign_in("fukushi_chief");
  auto coord = f.sign_in("coord");
  const entry_key e{f.p.solo_row, f.p.fukushi, 2023};

  client_fixture::fill_for_submit(member, e);
  REQUIRE(member.queue_transition(e, entry_action::submit));
  REQUIRE(f.sync(member));
  CHECK(on_server(f, e) == entry_status::checking);  // 課内確認中, not yet 提出済
  // The coordinator cannot accept what the chief has not approved.
  REQUIRE(f.sync(coord));
  REQUIRE(coord.queue_transition(e, entry_action::accept));
  REQUIRE(f.sync(coord));
  CHECK(on_server(f, e) == entry_status::checking);
  CHECK(coord.actions().at(0).refused);

  // A member may not approve their own department's entry: refused offline.
  CHECK_FALSE(member.queue_transition(e, entry_action::approve));

  REQUIRE(f.sync(chief));
  CHECK(chief.db().find_entry(e).status == entry_status::checking);
  REQUIRE(chief.queue_transition(e, entry_action::approve));
  REQUIRE(f.sync(chief));
  CHECK(on_server(f, e) == entry_status::submitted);

  REQUIRE(coord.discard_action(coord.actions().at(0).action.action_id));
  REQUIRE(coord.queue_transition(e, entry_action::accept));
  REQUIRE(f.sync(coord));
  CHECK(on_server(f, e) == entry_status::accepted);
  REQUIRE(f.sync(member));
  CHECK(member.db().find_entry(e).status == entry_status::accepted);
}

TEST_CASE("the chief's send_back returns the entry to the member with the reason",
          "[client][workflow]") {
  client_fixture f(test_server::quick_options(), plan_with_department_check);
  auto member = f.sign_in("fukushi1");
  auto chief = f.sign_in("fukushi_chief");
  const entry_key e{f.p.solo_row, f.p.fukushi, 2023};
  client_fixture::fill_for_submit(member, e);
  REQUIRE(member.queue_transition(e, entry_action::submit));
  REQUIRE(f.sync(member));

  REQUIRE(f.sync(chief));
  REQUIRE(chief.queue_transition(e, entry_action::send_back, "数値の根拠を書いてください"));
  REQUIRE(f.sync(chief));
  CHECK(on_server(f, e) == entry_status::draft);

  REQUIRE(f.sync(member));
  CHECK(member.db().find_entry(e).status == entry_status::draft);
  const auto comments = member.db().comments_of(e);
  REQUIRE_FALSE(comments.empty());
  CHECK(comments.back().body.find("数値の根拠を書いてください") != std::string::npos);
  // The member edits again and submits: back to the chief.
  REQUIRE(member.edit({e.item_id, e.department_id, e.year, "reason"}, "利用者数は台帳による。"));
  REQUIRE(member.queue_transition(e, entry_action::submit));
  REQUIRE(f.sync(member));
  CHECK(on_server(f, e) == entry_status::checking);
}
