// Sync by file against a real server: the same ids and outcomes as online
// sync, idempotent imports, and tampered or foreign files refused.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "admin/admin_commands.h"
#include "client/client_fixture.h"
#include "server/api_helpers.h"
#include "support/catch_result.h"
#include "sync/bundle_service.h"

using namespace matome;
using namespace matome::test;

namespace {
// Outcomes the server recorded: an applied change in its history row, any
// other outcome in applied_changes.
int applied_count(store& s) {
  auto stmt = s.db().prepare(
      "SELECT (SELECT count(*) FROM history) + (SELECT count(*) FROM applied_changes)");
  stmt.step();
  return stmt.integer(0);
}
}  // namespace

TEST_CASE("edits travel by file to the server and the answer brings everything back",
          "[client][bundle]") {
  client_fixture f;
  auto shakyo = f.sign_in("shakyo1");
  auto coord = f.sign_in("coord");
  REQUIRE(coord.edit({f.p.shared_row, 0, 0, "content"}, "取りまとめの更新"));
  REQUIRE(f.sync(coord));

  // 社協's machine has no route from here on.
  const cell_key progress{f.p.shared_row, f.p.shakyo, 2023, "progress"};
  REQUIRE(shakyo.edit(progress, "ファイルで届ける実績"));
  REQUIRE(shakyo.edit({f.p.shared_row, f.p.shakyo, 2023, "grade"}, "B"));
  const auto outgoing = shakyo.export_bundle().value();
  CHECK(outgoing.find("ファイルで届ける実績") !=
        std::string::npos);  // plain text, checkable at the gateway

  auto server = f.server_store();
  auto answered = server::answer_bundle(server, outgoing).value();
  REQUIRE(shakyo.import_answer(answered.answer));

  CHECK(shakyo.outbox().empty());
  CHECK(server.find_cell(progress)->value == "ファイルで届ける実績");
  CHECK(server.history_of(progress).at(0).device ==
        "shakyo1-pc");  // recorded as the device's own edit
  CHECK(shakyo.value_of({f.p.shared_row, 0, 0, "content"}) ==
        "取りまとめの更新");  // what it lacked came back
  const auto scope = feed_scope::of(shakyo.who()->as_actor());
  CHECK(visible_content(shakyo.db(), f.p.plan_id, scope) ==
        visible_content(server, f.p.plan_id, scope));
}

TEST_CASE("the same bundle imported twice changes nothing the second time", "[client][bundle]") {
  client_fixture f;
  auto fukushi = f.sign_in("fukushi1");
  const cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(fukushi.edit(key, "一度だけ"));
  const auto outgoing = fukushi.export_bundle().value();
  auto server = f.server_store();
  const auto first = server::answer_bundle(server, outgoing).value();
  const auto applied = applied_count(server);
  const auto second = server::answer_bundle(server, outgoing).value();
  CHECK(applied_count(server) == applied);
  CHECK(server.history_of(key).size() == 1);
  CHECK(second.answer.find("\"repeated\": true") != std::string::npos);

  REQUIRE(fukushi.import_answer(first.answer));
  const auto scope = feed_scope::of(fukushi.who()->as_actor());
  const auto after_first = visible_content(fukushi.db(), f.p.plan_id, scope);
  // Both hold nothing newer than the replica now: refused, and said so.
  CHECK(fukushi.import_answer(first.answer).error().code == errc::stale);
  CHECK(fukushi.import_answer(second.answer).error().code == errc::stale);
  CHECK(visible_content(fukushi.db(), f.p.plan_id, scope) == after_first);
  CHECK(fukushi.outbox().empty());
}

TEST_CASE("tampered, truncated or foreign files are refused and change nothing",
          "[client][bundle]") {
  client_fixture f;
  auto fukushi = f.sign_in("fukushi1");
  const cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(fukushi.edit(key, "正しい値"));
  const auto outgoing = fukushi.export_bundle().value();
  auto server = f.server_store();
  const auto applied = applied_count(server);

  auto tampered = outgoing;
  tampered.replace(tampered.find("正しい値"), std::string("正しい値").size(), "不正な値");
  auto refused = server::answer_bundle(server, tampered);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message.find("署名が内容と一致しません") != std::string::npos);
  CHECK_FALSE(server::answer_bundle(server, outgoing.substr(0, outgoing.size() / 2)));
  // Signed, but by a key no device registered.
  const auto stranger = seal_bundle("changes", f.p.plan_id, "{}", new_signing_key()).value();
  CHECK(server::answer_bundle(server, stranger).error().code == errc::unauthenticated);
  CHECK(applied_count(server) == applied);

  // An answer not signed by this device's server is refused too.
  const auto answer = server::answer_bundle(server, outgoing).value().answer;
  auto forged = seal_bundle("answer", f.p.plan_id, "{}", new_signing_key()).value();
  CHECK(fukushi.import_answer(forged).error().message.find("作ったものではありません") !=
        std::string::npos);
  auto broken = answer;
  broken[broken.size() / 2] = static_cast<char>(broken[broken.size() / 2] ^ 0x20);
  CHECK_FALSE(fukushi.import_answer(broken));
  CHECK(fukushi.outbox().size() == 1);  // still waiting for a good answer
  REQUIRE(fukushi.import_answer(answer));
  CHECK(fukushi.outbox().empty());
}

TEST_CASE("a coordinator's client carries a department's file to the server", "[client][bundle]") {
  client_fixture f;
  auto shakyo = f.sign_in("shakyo1");
  { auto coord = f.sign_in("coord"); }
  REQUIRE(shakyo.edit({f.p.shared_row, f.p.shakyo, 2023, "progress"}, "取りまとめ経由"));
  const auto outgoing = shakyo.export_bundle().value();
  CHECK(client::call_api(f.url(), f.tokens.at("shakyo1"), "POST", "/api/v1/bundles", outgoing)
            .error()
            .code == errc::forbidden);
  auto answer =
      client::call_api(f.url(), f.tokens.at("coord"), "POST", "/api/v1/bundles", outgoing);
  REQUIRE(answer);
  REQUIRE(shakyo.import_answer(*answer));
  CHECK(f.server_store().find_cell({f.p.shared_row, f.p.shakyo, 2023, "progress"})->value ==
        "取りまとめ経由");
  // Recorded as 社協's edit, not the coordinator's.
  CHECK(f.server_store().history_of({f.p.shared_row, f.p.shakyo, 2023, "progress"}).at(0).user ==
        "shakyo1");
}

TEST_CASE("the administrator imports a bundle file with matome-server", "[client][bundle]") {
  client_fixture f;
  auto fukushi = f.sign_in("fukushi1");
  REQUIRE(fukushi.edit({f.p.solo_row, f.p.fukushi, 2023, "progress"}, "管理者が取り込む"));
  const auto in = f.dir.file("from-fukushi.matome").string();
  const auto out = f.dir.file("answer.matome").string();
  std::ofstream(in) << fukushi.export_bundle().value();
  CHECK(server::admin::import_bundle(f.dir.file("master.db").string(), in, out) == 0);
  std::ifstream answer(out);
  std::stringstream text;
  text << answer.rdbuf();
  REQUIRE(fukushi.import_answer(text.str()));
  CHECK(fukushi.outbox().empty());
}
