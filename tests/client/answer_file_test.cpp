// Answer files are bound to the request they answer (issues 9.3 and 9.4),
// reproduced as the issue tells them against the server's real bundle code
// on its database file: an answer imported again, or older than what the
// replica holds, changes nothing and says so; an answer to another device's
// file is refused.
#include <catch2/catch.hpp>

#include "client/client_fixture.h"
#include "support/catch_result.h"

using namespace matome;
using namespace matome::test;

TEST_CASE("an answer imported again after a sync changes nothing and says so", "[client][bundle]") {
  client_fixture f;
  auto a = f.sign_in("fukushi1");
  auto c = f.sign_in("coord");
  const cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(c.edit(key, "取りまとめの値"));
  REQUIRE(f.sync(c));
  REQUIRE(a.edit(key, "ファイルの値"));
  const auto ans1 = f.answer_for(a.export_bundle().value());
  REQUIRE(a.import_answer(ans1));
  const auto conflict = a.db().open_conflicts(f.p.plan_id).at(0);

  REQUIRE(f.sync(c));
  REQUIRE(c.queue_resolution(conflict.id, "incoming"));
  REQUIRE(f.sync(c));
  REQUIRE(c.db().finalized_years(f.p.plan_id).empty());
  auto coordinator = f.server_store();
  REQUIRE(coordinator.finalize_year(f.p.plan_id, f.p.coordinator(), 2023));
  REQUIRE(f.sync(a));
  REQUIRE(a.status().conflicts == 0);
  REQUIRE(a.db().finalized_years(f.p.plan_id) == std::vector<int>{2023});
  const auto cursor = a.cursor();

  auto again = a.import_answer(ans1);
  REQUIRE_FALSE(again);
  CHECK(again.error().message.find("古い") != std::string::npos);
  CHECK(a.status().conflicts == 0);  // the resolved conflict stays resolved
  CHECK(a.db().finalized_years(f.p.plan_id) == std::vector<int>{2023});
  CHECK(a.cursor() == cursor);
  REQUIRE(f.sync(a));
  CHECK(a.status().conflicts == 0);
  CHECK(a.value_of(key) == "ファイルの値");
}

TEST_CASE("the same answer imported twice in a row changes nothing the second time",
          "[client][bundle]") {
  client_fixture f;
  auto a = f.sign_in("fukushi1");
  REQUIRE(a.edit({f.p.solo_row, f.p.fukushi, 2023, "progress"}, "一度だけ"));
  const auto ans = f.answer_for(a.export_bundle().value());
  REQUIRE(a.import_answer(ans));
  const auto cursor = a.cursor();
  auto twice = a.import_answer(ans);
  REQUIRE_FALSE(twice);
  CHECK(twice.error().code == errc::stale);
  CHECK(a.cursor() == cursor);
  CHECK(a.outbox().empty());
}

TEST_CASE("an answer to another device's file is refused and changes nothing", "[client][bundle]") {
  client_fixture f;
  auto s = f.sign_in("shakyo1");
  auto a = f.sign_in("fukushi1");
  auto c = f.sign_in("coord");
  const cell_key draft{f.p.shared_row, f.p.shakyo, 2023, "progress"};
  REQUIRE(s.edit(draft, "社協の下書き"));
  REQUIRE(c.edit({f.p.solo_row, 0, 0, "content"}, "後の変更"));
  REQUIRE(f.sync(c));
  const auto ans_s = f.answer_for(s.export_bundle().value());
  const auto cursor = a.cursor();

  auto foreign = a.import_answer(ans_s);
  REQUIRE_FALSE(foreign);
  CHECK(foreign.error().message.find("別の端末") != std::string::npos);
  CHECK(a.cursor() == cursor);
  CHECK(a.value_of(draft).empty());  // never holds 社協's draft
  // Its own sync still brings what it lacks.
  REQUIRE(f.sync(a));
  CHECK(a.value_of({f.p.solo_row, 0, 0, "content"}) == "後の変更");
  // The answer still works on the device that asked for it.
  REQUIRE(s.import_answer(ans_s));
  CHECK(s.outbox().empty());
}
