// matome-cli as a script uses it: the real binary against a real server.
#include <catch2/catch.hpp>

#include "client/client_fixture.h"
#include "support/catch_result.h"
#include "support/run_cli.h"

using namespace matome;
using namespace matome::test;

// Issue 9.7: with an older refused step in the queue, a new command was
// reported as refused with the old reason (exit 3) although it was done, so
// a script retrying on 3 duplicated it.
TEST_CASE("each command reports its own action's outcome, not an older refusal", "[client][cli]") {
  client_fixture f;
  const entry_key e{f.p.solo_row, f.p.fukushi, 2023};
  auto fukushi = f.sign_in("fukushi1");
  client_fixture::fill_for_submit(fukushi, e);
  REQUIRE(fukushi.queue_transition(e, entry_action::submit));
  REQUIRE(f.sync(fukushi));

  const std::string data = f.dir.file("coord-cli").string();
  REQUIRE(run_cli({"--data", data, "--server", f.url(), "login", "coord"}).exit_code == 0);
  REQUIRE(run_cli({"--data", data, "sync"}).exit_code == 0);
  // Another device of the coordinator returns the entry meanwhile.
  auto other = f.sign_in("coord");
  REQUIRE(other.queue_transition(e, entry_action::return_, "数値を確認してください"));
  REQUIRE(f.sync(other));

  const std::string entry = std::to_string(e.item_id) + "/" + std::to_string(e.department_id);
  auto accept = run_cli({"--data", data, "accept", entry});
  CHECK(accept.exit_code == 3);  // its own refusal: the entry is returned now
  CHECK(accept.err.find("accept of " + entry + " refused") != std::string::npos);

  auto comment = run_cli({"--data", data, "comment", entry, "確認しました"});
  CHECK(comment.exit_code == 0);
  CHECK(comment.out.find("comment done") != std::string::npos);
  CHECK(comment.err.empty());
  auto comments = f.server_store().comments_of(e);
  CHECK(std::count_if(comments.begin(), comments.end(),
                      [](const comment_record& c) { return c.body == "確認しました"; }) == 1);
}
