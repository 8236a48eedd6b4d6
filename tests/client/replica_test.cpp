// The outbox's rules, with a real server behind the replica.
#include <spawn.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <csignal>

#include "client/client_fixture.h"
#include "server/api_helpers.h"
#include "support/catch_result.h"

extern char** environ;

using namespace matome;
using namespace matome::test;

TEST_CASE("several edits of one cell before a sync travel as one change", "[client][outbox]") {
  client_fixture f;
  auto r = f.sign_in("fukushi1");
  const cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(r.edit(key, "一"));
  REQUIRE(r.edit(key, "一二"));
  REQUIRE(r.edit(key, "一二三"));
  REQUIRE(r.outbox().size() == 1);
  CHECK(r.value_of(key) == "一二三");
  auto report = f.sync(r).value();
  CHECK(report.sent == 1);
  CHECK(f.server_store().history_of(key).size() == 1);
  CHECK(f.server_store().find_cell(key)->value == "一二三");
}

TEST_CASE("typing back the server's value leaves nothing to send", "[client][outbox]") {
  client_fixture f;
  auto r = f.sign_in("fukushi1");
  const cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(r.edit(key, "送信済みの値"));
  REQUIRE(f.sync(r));
  REQUIRE(r.edit(key, "やっぱり変える"));
  REQUIRE(r.edit(key, "送信済みの値"));
  CHECK(r.outbox().empty());
}

TEST_CASE("an edit typed on a value the user saw is based on that value, not a newer one",
          "[client][outbox]") {
  // The form loaded version v1 into an editor; a pull brought v2 before the
  // first keystroke was saved. Based on v2 the user's text would overwrite
  // a value they never saw; based on v1 the server shows a conflict.
  client_fixture f;
  auto a = f.sign_in("fukushi1");
  auto c = f.sign_in("coord");
  const cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(c.edit(key, "最初の値"));
  REQUIRE(f.sync(c));
  REQUIRE(f.sync(a));
  const auto seen = a.db().find_cell(key)->version;
  REQUIRE(c.edit(key, "取りまとめが直した値"));
  REQUIRE(f.sync(c));
  REQUIRE(f.sync(a));  // the pull lands while the editor still shows 最初の値

  REQUIRE(a.edit(key, "最初の値に書き足した", seen));
  CHECK(a.outbox().at(0).change.base_version == seen);
  CHECK(a.status().stale_edits == 1);
  auto report = f.sync(a);
  REQUIRE(report);
  CHECK(report->conflicts == 1);
  CHECK(f.server_value(key) == "取りまとめが直した値");
}

TEST_CASE("an edit made while the cell's change is in flight is sent after it, on its version",
          "[client][outbox]") {
  client_fixture f;
  auto r = f.sign_in("fukushi1");
  const cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(r.edit(key, "送信中の値"));
  auto in_flight = r.begin_push(100, client::sync_options{}.push_bytes);
  REQUIRE(in_flight.size() == 1);
  REQUIRE(r.edit(key, "送信中に打った値"));  // parked, the change in flight is untouched
  CHECK(r.value_of(key) == "送信中に打った値");

  // The push completes (as a sync would), then the parked edit follows.
  auto transport = client::make_http_transport(f.url(), f.tokens.at("fukushi1"));
  wire::push_request request;
  request.plan_id = f.p.plan_id;
  request.changes = in_flight;
  r.record_outcomes(transport->push(request).value().outcomes);
  REQUIRE(r.outbox().size() == 1);
  CHECK(r.outbox()[0].change.base_version == f.server_store().find_cell(key)->version);
  REQUIRE(f.sync(r));
  auto server = f.server_store();
  CHECK(server.find_cell(key)->value == "送信中に打った値");
  CHECK(server.history_of(key).size() == 2);
  CHECK(server.open_conflicts(f.p.plan_id).empty());
}

TEST_CASE("a refused change stays visible with the reason until the user discards it",
          "[client][outbox]") {
  client_fixture f;
  auto fukushi = f.sign_in("fukushi1");
  auto coord = f.sign_in("coord");
  const cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  client_fixture::fill_for_submit(fukushi, key.entry(), "B");
  REQUIRE(f.sync(fukushi));
  // The entry is submitted and accepted online; 福祉課's replica does not know yet.
  REQUIRE(client::call_api(f.url(), f.tokens.at("fukushi1"), "POST",
                           plan_path(f.p.plan_id) + "/entries/" + std::to_string(f.p.solo_row) +
                               "/" + std::to_string(f.p.fukushi) + "/2023/submit"));
  REQUIRE(client::call_api(f.url(), f.tokens.at("coord"), "POST",
                           plan_path(f.p.plan_id) + "/entries/" + std::to_string(f.p.solo_row) +
                               "/" + std::to_string(f.p.fukushi) + "/2023/accept"));
  REQUIRE(fukushi.edit(key, "確定後の修正"));  // offline, the replica still thinks it is a draft...
  auto report = f.sync(fukushi).value();
  CHECK(report.refused == 1);
  auto outbox = fukushi.outbox();
  REQUIRE(outbox.size() == 1);
  CHECK(outbox[0].refused);
  CHECK(outbox[0].reason_code == "locked");
  CHECK_FALSE(outbox[0].reason.empty());
  CHECK(fukushi.value_of(key) == "確定後の修正");  // the user's value is kept visible
  CHECK(fukushi.status().refused == 1);

  REQUIRE(f.sync(fukushi));  // a refused change is not sent again by itself
  CHECK(fukushi.outbox().size() == 1);
  REQUIRE(fukushi.discard(key));
  CHECK(fukushi.outbox().empty());
  CHECK(fukushi.value_of(key) == "実施した。");
  // And now that the replica knows the entry is accepted, it refuses locally.
  auto local = fukushi.edit(key, "もう一度");
  REQUIRE_FALSE(local);
  CHECK(local.error().code == errc::locked);
}

TEST_CASE("an unsent edit whose cell changed on the server is flagged, not overwritten",
          "[client][outbox]") {
  client_fixture f;
  auto a = f.sign_in("coord");
  const cell_key key{f.p.solo_row, 0, 0, "content"};
  REQUIRE(a.edit(key, "先の値"));
  REQUIRE(f.sync(a));
  // Another coordinator device changes the cell meanwhile.
  auto other = client::replica::open(f.dir.file("coord-2.replica")).value();
  other.set_identity([&] {
    auto id = *a.who();
    id.device = "coord-pc-2";
    return id;
  }());
  other.set_setting("token", f.tokens.at("coord"));
  REQUIRE(f.sync(other));
  REQUIRE(other.edit(key, "別端末の値"));
  REQUIRE(f.sync(other));

  REQUIRE(a.edit(key, "手元の値"));
  // Pull only (as a sync does after pushing nothing): the server's value arrives.
  auto transport = client::make_http_transport(f.url(), f.tokens.at("coord"));
  a.db().apply_feed(f.p.plan_id, transport->pull(f.p.plan_id, a.cursor(), 1000).value());
  CHECK(a.value_of(key) == "手元の値");  // mine is not overwritten
  CHECK(a.status().stale_edits == 1);    // and the change is flagged
  REQUIRE(f.sync(a));
  auto conflicts = f.server_store().open_conflicts(f.p.plan_id);
  REQUIRE(conflicts.size() == 1);  // theirs is not overwritten either
  CHECK(conflicts[0].server_value == "別端末の値");
  CHECK(conflicts[0].incoming_value == "手元の値");
}

TEST_CASE("edits are checked offline with the server's rules", "[client][outbox]") {
  client_fixture f;
  auto r = f.sign_in("shakyo1");
  CHECK(r.edit({f.p.shared_row, f.p.shakyo, 2023, "grade"}, "S").error().code ==
        errc::invalid_value);
  CHECK(r.edit({f.p.shared_row, 0, 0, "content"}, "計画").error().code == errc::forbidden);
  CHECK(r.edit({f.p.shared_row, f.p.fukushi, 2023, "progress"}, "他課").error().code ==
        errc::forbidden);
  CHECK(r.edit({f.p.shared_row, f.p.shakyo, 2040, "progress"}, "x").error().code ==
        errc::invalid_value);
  CHECK(r.outbox().empty());
}

TEST_CASE("an edit survives the client being killed right after it", "[client][durability]") {
  client_fixture f;
  { auto r = f.sign_in("fukushi1"); }
  const auto data = f.dir.path() / "cli";
  std::filesystem::create_directories(data);
  std::filesystem::copy_file(f.dir.file("fukushi1-pc.replica"), data / "replica.db");

  int out[2];
  REQUIRE(pipe(out) == 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  const std::string item = std::to_string(f.p.solo_row);
  std::vector<std::string> args = {MATOME_CLI, "--data",   data.string(),         "set",
                                   item,       "progress", "強制終了の直前に保存"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t child = 0;
  REQUIRE(posix_spawn(&child, MATOME_CLI, &actions, nullptr, argv.data(), environ) == 0);
  close(out[1]);
  // As soon as it says "saved", kill it: no destructor, no clean close.
  std::string said;
  char c;
  while (said.find("saved") == std::string::npos && read(out[0], &c, 1) == 1) said += c;
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  close(out[0]);
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE(said.find("saved") != std::string::npos);

  auto reopened = client::replica::open(data / "replica.db").value();
  REQUIRE(reopened.outbox().size() == 1);
  CHECK(reopened.outbox()[0].change.value == "強制終了の直前に保存");
}

TEST_CASE("a change of the plan's structure reaches the checks of the next edit",
          "[client][outbox]") {
  client_fixture f;
  auto r = f.sign_in("fukushi1");
  const cell_key grade{f.p.solo_row, f.p.fukushi, 2023, "grade"};
  CHECK(r.edit(grade, "S").error().code ==
        errc::invalid_value);  // the checks have the plan loaded now
  // A new structure arrives (as a sync would write it): the template gains grade S.
  auto index = r.plan().value();
  auto changed = index.plan;
  for (auto& field : changed.tmpl.fields) {
    if (field.key == "grade") field.options.push_back({"S", "特に優れている"});
  }
  r.db().replace_structure(changed, r.db().departments(), index.items,
                           r.db().structure_version(changed.id) + 1);
  CHECK(r.edit(grade, "S"));
}

TEST_CASE("a replica refuses a sign-in as another user or on another server", "[client][replica]") {
  temp_dir dir;
  auto r = client::replica::open(dir.file("r.replica")).value();
  CHECK(r.check_owner("http://127.0.0.1:8750", "anyone"));  // nobody yet
  r.set_identity({"http://127.0.0.1:8750", "fukushi1", "pc", 1, role::member, 1});
  CHECK(r.check_owner("http://127.0.0.1:8750", "fukushi1"));  // signing in again
  auto other = r.check_owner("http://127.0.0.1:8750", "shakyo1");
  REQUIRE_FALSE(other);
  CHECK(other.error().message.find("fukushi1@http://127.0.0.1:8750") != std::string::npos);
  CHECK(other.error().message.find("別のデータフォルダー") != std::string::npos);
  CHECK_FALSE(r.check_owner("https://matome.city.local", "fukushi1"));
}

namespace {

std::vector<std::string> feed_indexes_of(sqlite::database& db) {
  auto names = db.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('cells_by_version',"
      " 'cells_by_department') ORDER BY name");
  std::vector<std::string> out;
  while (names.step()) out.push_back(names.text(0));
  return out;
}

}  // namespace

TEST_CASE("a replica keeps no index that only the server's change feed reads",
          "[client][replica][schema]") {
  // Each would cost the replica a B-tree write per cell it stores (a
  // quarter of a first pull's time) and it never answers a pull.
  client_fixture f;
  const cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  {
    auto c = f.sign_in("coord");
    REQUIRE(c.edit(key, "取りまとめの値"));
    REQUIRE(f.sync(c));
  }
  auto r = f.sign_in("fukushi1");
  REQUIRE(f.sync(r));
  CHECK(feed_indexes_of(r.db().db()).empty());
  CHECK(r.value_of(key) == "取りまとめの値");
  // The server keeps the one its pulls walk.
  auto master = f.server_store();
  CHECK(feed_indexes_of(master.db()) == std::vector<std::string>{"cells_by_department"});

  // A replica made by an earlier build, with the index, loses it when it
  // is opened, and keeps its cells and its sign-in.
  temp_dir other;
  master.db().exec("VACUUM INTO '" + other.file("old.replica").string() + "'");
  {
    auto old = client::replica::open(other.file("old.replica"));
    REQUIRE(old.has_value());
    CHECK(feed_indexes_of(old->db().db()).empty());
    CHECK(old->db().find_cell(key)->value == "取りまとめの値");
  }
  auto again = client::replica::open(other.file("old.replica"));  // nothing left to drop
  REQUIRE(again.has_value());
  CHECK(again->db().find_cell(key)->value == "取りまとめの値");
}
