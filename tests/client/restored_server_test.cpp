// A server put back from a backup (issue 9.1): its sequence numbers are
// handed out again, so replicas must notice, pull everything anew and send
// again what the server lost — applied when it lands on what the user saw,
// a conflict when someone else wrote the cell meanwhile, never dropped and
// never overwriting silently.
#include <catch2/catch.hpp>

#include "client/client_fixture.h"
#include "support/catch_result.h"
#include "support/run_cli.h"

using namespace matome;
using namespace matome::test;

namespace {
// `matome-server backup` beside the running server, as an administrator runs it.
void backup(client_fixture& f, const std::string& name) {
  auto done = run_server_admin(
      {"--db", f.dir.file("master.db").string(), "backup", f.dir.file(name).string()});
  REQUIRE(done.exit_code == 0);
}

// The backup copied back over the database with the server stopped.
void restore(client_fixture& f, const std::string& name) {
  f.restart_server([&] {
    for (const char* suffix : {"-wal", "-shm"})
      std::filesystem::remove(f.dir.file(std::string("master.db") + suffix));
    std::filesystem::copy_file(f.dir.file(name), f.dir.file("master.db"),
                               std::filesystem::copy_options::overwrite_existing);
  });
}
}  // namespace

TEST_CASE("replicas notice a restored server, resend their own values and conflict on new ones",
          "[client][restore]") {
  client_fixture f;
  auto a = f.sign_in("fukushi1");
  auto c = f.sign_in("coord");
  backup(f, "bk.db");

  const cell_key own{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  const cell_key shared{f.p.shared_row, f.p.fukushi, 2023, "reason"};
  REQUIRE(c.edit(shared, "取りまとめの値"));
  REQUIRE(f.sync(c));
  REQUIRE(a.edit(own, "福祉課の実績"));
  REQUIRE(f.sync(a));  // acknowledged: the server has it, a's cursor is past it
  REQUIRE(a.value_of(shared) == "取りまとめの値");
  REQUIRE(a.edit(shared, "福祉課の追記"));  // offline, on 取りまとめの値

  restore(f, "bk.db");
  // Someone else writes the cell first: it gets the very number a's edit
  // was based on before the restore.
  auto c2 = f.sign_in("coord", 0, "pc2");
  REQUIRE(c2.edit(shared, "復元後に別の人が書いた値"));
  REQUIRE(f.sync(c2));

  auto report = f.sync(a);
  REQUIRE(report);
  CHECK(report->rewound);
  CHECK(report->resent == 2);
  // a's acknowledged value, lost by the restore, is back on the server.
  CHECK(f.server_value(own) == "福祉課の実績");
  // a's unsent edit did not overwrite what a never saw: a conflict, both kept.
  CHECK(f.server_value(shared) == "復元後に別の人が書いた値");
  REQUIRE(report->conflicts == 1);
  const auto open = f.server_store().open_conflicts(f.p.plan_id);
  REQUIRE(open.size() == 1);
  CHECK(open[0].incoming_value == "福祉課の追記");
  CHECK(open[0].server_value == "復元後に別の人が書いた値");
  CHECK(a.value_of(shared) == "復元後に別の人が書いた値");  // the conflict shows both sides
  CHECK(a.status().conflicts == 1);

  // Later edits on the restored server reach a (before, their numbers were
  // at or below a's cursor and never came).
  const cell_key later{f.p.shared_row, f.p.fukushi, 2024, "progress"};
  REQUIRE(c2.edit(later, "復元後の新しい値"));
  REQUIRE(f.sync(c2));
  REQUIRE(f.sync(a));
  CHECK(a.value_of(later) == "復元後の新しい値");
  CHECK_FALSE(f.sync(a)->rewound);  // once only
}

TEST_CASE("a copied-back file with the live timeline is caught by a client ahead of it",
          "[client][restore]") {
  client_fixture f;
  auto a = f.sign_in("fukushi1");
  // A plain file copy, not `backup`: same timeline id as the live database.
  f.restart_server(
      [&] { std::filesystem::copy_file(f.dir.file("master.db"), f.dir.file("copy.db")); });
  const cell_key own{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(a.edit(own, "コピー後の実績"));
  REQUIRE(f.sync(a));
  restore(f, "copy.db");
  auto report = f.sync(a);
  REQUIRE(report);
  CHECK(report->rewound);
  CHECK(f.server_value(own) == "コピー後の実績");
}

TEST_CASE("a queued resolution is not sent to a restored server", "[client][restore]") {
  client_fixture f;
  auto a = f.sign_in("fukushi1");
  auto c = f.sign_in("coord");
  backup(f, "bk.db");
  const cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(c.edit(key, "取りまとめの値"));
  REQUIRE(f.sync(c));
  REQUIRE(a.edit(key, "福祉課の値"));
  REQUIRE(f.sync(a));
  const auto conflict = a.db().open_conflicts(f.p.plan_id).at(0);
  REQUIRE(a.queue_resolution(conflict.id, "incoming"));

  restore(f, "bk.db");
  auto report = f.sync(a);
  REQUIRE(report);
  CHECK(report->rewound);
  const auto actions = a.actions();
  REQUIRE(actions.size() == 1);
  CHECK(actions[0].refused);
  CHECK(actions[0].reason.find("以前の状態") != std::string::npos);
  CHECK(f.server_store().open_conflicts(f.p.plan_id).empty());
}

TEST_CASE("an answer file from a restored server applies nothing and starts afresh",
          "[client][restore][bundle]") {
  client_fixture f;
  auto a = f.sign_in("fukushi1");
  backup(f, "bk.db");
  const cell_key acknowledged{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(a.edit(acknowledged, "届いた実績"));
  REQUIRE(f.sync(a));
  const cell_key offline{f.p.shared_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(a.edit(offline, "ファイルで送る実績"));
  const auto file = a.export_bundle().value();

  restore(f, "bk.db");
  const auto answer = f.answer_for(file);
  CHECK(f.server_value(offline).empty());  // not applied on a base from before
  REQUIRE(a.import_answer(answer));
  CHECK(a.value_of(offline) == "ファイルで送る実績");
  // The next file carries the rebased edits and the lost value.
  const auto again = a.export_bundle().value();
  REQUIRE(a.import_answer(f.answer_for(again)));
  CHECK(f.server_value(offline) == "ファイルで送る実績");
  CHECK(f.server_value(acknowledged) == "届いた実績");
  CHECK(a.outbox().empty());
}

TEST_CASE("a backup gets a timeline of its own", "[server][restore]") {
  client_fixture f;
  backup(f, "bk.db");
  auto live = f.server_store();
  auto copy = store::open(f.dir.file("bk.db")).value();
  CHECK_FALSE(live.timeline().empty());
  CHECK(copy.timeline() != live.timeline());
  CHECK(copy.last_seq() == live.last_seq());
}
