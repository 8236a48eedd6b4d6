// matome-cli as a script uses it: the real binary against a real server.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <fstream>
#include <map>
#include <thread>

#include "client/client_fixture.h"
#include "matome/util/rapidjson.h"
#include "support/catch_result.h"
#include "support/run_cli.h"

extern char** environ;

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

namespace {
rapidjson::Document parse_json(const std::string& text) {
  rapidjson::Document doc;
  doc.Parse(text.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  return doc;
}

void require_members(const rapidjson::Value& object, std::initializer_list<const char*> names) {
  REQUIRE(object.IsObject());
  for (const char* name : names) {
    INFO(name);
    CHECK(object.HasMember(name));
  }
}

// A signed-in matome-cli data directory for `login`.
std::string cli_login(client_fixture& f, const std::string& login) {
  const std::string data = f.dir.file(login + "-cli").string();
  REQUIRE(run_cli({"--data", data, "--server", f.url(), "login", login}).exit_code == 0);
  REQUIRE(run_cli({"--data", data, "sync"}).exit_code == 0);
  return data;
}
}  // namespace

TEST_CASE("an entry is named by ITEM, ITEM/DEPT or ITEM/DEPT/YEAR, the year in any form",
          "[client][cli]") {
  client_fixture f;
  const auto data = cli_login(f, "fukushi1");
  const std::string item = std::to_string(f.p.solo_row);
  const std::string dept = std::to_string(f.p.fukushi);
  REQUIRE(run_cli({"--data", data, "set", item, "progress", "形の確認"}).exit_code == 0);
  // The small plan reports FY2023 (令和5年度).
  for (const std::string& entry : {item, item + "/" + dept, item + "/" + dept + "/2023",
                                   item + "/" + dept + "/R5", item + "/" + dept + "/令和5年度"}) {
    INFO(entry);
    auto shown = run_cli({"--json", "--data", data, "show", entry});
    REQUIRE(shown.exit_code == 0);
    const auto doc = parse_json(shown.out);
    CHECK(std::string(doc["entry"].GetString()) == item + "/" + dept + "/2023");
  }
  auto other_year = run_cli({"--json", "--data", data, "show", item + "/" + dept + "/R4"});
  REQUIRE(other_year.exit_code == 0);
  CHECK(std::string(parse_json(other_year.out)["entry"].GetString()) ==
        item + "/" + dept + "/2022");
  auto nonsense = run_cli({"--data", data, "show", item + "/" + dept + "/昭和"});
  CHECK(nonsense.exit_code == 2);
  CHECK_FALSE(nonsense.err.empty());
}

TEST_CASE("exit codes: 2 for bad input changing nothing, 3 refused, 4 unreachable",
          "[client][cli]") {
  client_fixture f;
  const auto data = cli_login(f, "fukushi1");
  const std::string entry = std::to_string(f.p.solo_row);
  auto unknown_field = run_cli({"--data", data, "set", entry, "nosuchfield", "x"});
  CHECK(unknown_field.exit_code == 2);
  auto bad_choice = run_cli({"--data", data, "set", entry, "grade", "S"});
  CHECK(bad_choice.exit_code == 2);
  CHECK(bad_choice.err.find("A、B、C") != std::string::npos);
  auto status = parse_json(run_cli({"--json", "--data", data, "status"}).out);
  CHECK(status["pending"].GetInt() == 0);  // nothing was stored

  // Another department's row: refused offline with the reason.
  auto not_ours =
      run_cli({"--data", data, "set",
               std::to_string(f.p.shared_row) + "/" + std::to_string(f.p.shakyo), "progress", "x"});
  CHECK(not_ours.exit_code == 3);

  REQUIRE(run_cli({"--data", data, "set", entry, "progress", "オフラインで書いた"}).exit_code == 0);
  f.server->stop();
  auto offline = run_cli({"--data", data, "sync"});
  CHECK(offline.exit_code == 4);
  CHECK(parse_json(run_cli({"--json", "--data", data, "status"}).out)["pending"].GetInt() == 1);
}

TEST_CASE("json output (--json) has the documented shapes", "[client][cli]") {
  client_fixture f;
  auto c = f.sign_in("coord");
  const cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(c.edit(key, "取りまとめの値"));
  REQUIRE(f.sync(c));
  const auto data = cli_login(f, "fukushi1");
  const std::string entry = std::to_string(f.p.solo_row);
  // Typed on the value before the coordinator's: a conflict to list.
  REQUIRE(run_cli({"--data", data, "set", entry, "reason", "理由"}).exit_code == 0);

  auto sync = parse_json(run_cli({"--json", "--data", data, "sync"}).out);
  require_members(sync, {"sent", "applied", "conflicts", "refused", "received", "cursor", "rewound",
                         "resent", "scope_changed"});
  CHECK(sync["sent"].GetInt() == 1);

  auto status = parse_json(run_cli({"--json", "--data", data, "status"}).out);
  require_members(status, {"user", "pending", "actions", "refused", "conflicts", "stale_edits",
                           "cursor", "last_sync"});
  CHECK(std::string(status["user"].GetString()) == "fukushi1");

  auto list = parse_json(run_cli({"--json", "--data", data, "list"}).out);
  REQUIRE(list.IsArray());
  REQUIRE(list.Size() == 2);  // the two rows 福祉課 reports on
  require_members(list[0], {"entry", "label", "title", "department", "status"});

  auto show = parse_json(run_cli({"--json", "--data", data, "show", entry}).out);
  require_members(show, {"entry", "title", "department", "status", "fields"});
  REQUIRE(show["fields"].IsArray());
  require_members(show["fields"][0], {"field", "label", "value", "state"});

  REQUIRE(c.edit({f.p.solo_row, f.p.fukushi, 2023, "reason"}, "取りまとめの理由"));
  REQUIRE(f.sync(c));
  REQUIRE(run_cli({"--data", data, "set", entry, "reason", "福祉課の理由"}).exit_code == 0);
  REQUIRE(run_cli({"--data", data, "sync"}).exit_code == 0);
  auto conflicts = parse_json(run_cli({"--json", "--data", data, "conflicts"}).out);
  REQUIRE(conflicts.IsArray());
  REQUIRE(conflicts.Size() == 1);
  require_members(conflicts[0],
                  {"id", "cell", "base", "server", "incoming", "incoming_user", "incoming_device"});
}

TEST_CASE("discard drops an unsent edit; the replica file is the owner's alone", "[client][cli]") {
  client_fixture f;
  const auto data = cli_login(f, "fukushi1");
  const std::string entry = std::to_string(f.p.solo_row);
  REQUIRE(run_cli({"--data", data, "set", entry, "progress", "やめる下書き"}).exit_code == 0);
  CHECK(parse_json(run_cli({"--json", "--data", data, "status"}).out)["pending"].GetInt() == 1);
  REQUIRE(run_cli({"--data", data, "discard", entry, "progress"}).exit_code == 0);
  CHECK(parse_json(run_cli({"--json", "--data", data, "status"}).out)["pending"].GetInt() == 0);
  REQUIRE(run_cli({"--data", data, "sync"}).exit_code == 0);
  CHECK(f.server_value({f.p.solo_row, f.p.fukushi, 2023, "progress"}).empty());

  const auto mode =
      std::filesystem::status(std::filesystem::path(data) / "replica.db").permissions();
  CHECK((mode & std::filesystem::perms::all) ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
}

TEST_CASE("list shows the printed label beside the id to type", "[client][cli]") {
  client_fixture f;
  const auto data = cli_login(f, "fukushi1");
  auto list = run_cli({"--data", data, "list"});
  REQUIRE(list.exit_code == 0);
  // ① 福祉教育 is item id solo_row: the id, then its printed label.
  CHECK(list.out.find(std::to_string(f.p.solo_row) + "/" + std::to_string(f.p.fukushi) + "\t①\t") !=
        std::string::npos);
}

TEST_CASE("sync --watch picks up a change the server announces, and stops on SIGTERM",
          "[client][cli]") {
  client_fixture f;
  const auto data = cli_login(f, "fukushi1");
  auto c = f.sign_in("coord");
  const auto out_file = f.dir.file("watch.out").string();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_file.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  std::vector<std::string> args = {MATOME_CLI, "--data", data, "sync", "--watch"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t watch = 0;
  REQUIRE(posix_spawn(&watch, MATOME_CLI, &actions, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&actions);
  auto printed = [&] {
    std::ifstream in(out_file);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (printed().find("synced") == std::string::npos &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  REQUIRE(printed().find("synced") != std::string::npos);  // the first sync

  const cell_key content{f.p.solo_row, 0, 0, "content"};
  REQUIRE(c.edit(content, "見張りで届く値"));
  REQUIRE(f.sync(c));
  std::string seen;
  while (std::chrono::steady_clock::now() < deadline + std::chrono::seconds(5)) {
    seen =
        client::replica::open(std::filesystem::path(data) / "replica.db").value().value_of(content);
    if (seen == "見張りで届く値") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ::kill(watch, SIGTERM);
  int status = 0;
  waitpid(watch, &status, 0);
  CHECK(seen == "見張りで届く値");
  CHECK(printed().find("received 1") != std::string::npos);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("resolve --mine, --theirs and --value decide as documented", "[client][cli]") {
  client_fixture f;
  const auto data = cli_login(f, "fukushi1");
  auto c = f.sign_in("coord");
  const std::string entry = std::to_string(f.p.solo_row);
  const std::string shared = std::to_string(f.p.shared_row) + "/" + std::to_string(f.p.fukushi);
  const cell_key progress{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  const cell_key reason{f.p.solo_row, f.p.fukushi, 2023, "reason"};
  const cell_key other{f.p.shared_row, f.p.fukushi, 2023, "progress"};
  for (const auto& key : {progress, reason, other}) REQUIRE(c.edit(key, "取りまとめの値"));
  REQUIRE(f.sync(c));
  // Typed on the empty cells the CLI saw before its next sync.
  REQUIRE(run_cli({"--data", data, "set", entry, "progress", "福祉課の値1"}).exit_code == 0);
  REQUIRE(run_cli({"--data", data, "set", entry, "reason", "福祉課の値2"}).exit_code == 0);
  REQUIRE(run_cli({"--data", data, "set", shared, "progress", "福祉課の値3"}).exit_code == 0);
  REQUIRE(run_cli({"--data", data, "sync"}).exit_code == 0);

  auto listed = parse_json(run_cli({"--json", "--data", data, "conflicts"}).out);
  REQUIRE(listed.Size() == 3);
  std::map<std::string, std::string> id_of;  // cell → conflict id
  for (const auto& k : listed.GetArray())
    id_of[k["cell"].GetString()] = std::to_string(k["id"].GetInt64());
  REQUIRE(run_cli({"--data", data, "resolve", id_of.at(to_string(progress)), "--mine"}).exit_code ==
          0);
  REQUIRE(run_cli({"--data", data, "resolve", id_of.at(to_string(reason)), "--theirs"}).exit_code ==
          0);
  REQUIRE(run_cli({"--data", data, "resolve", id_of.at(to_string(other)), "--value", "合わせた値"})
              .exit_code == 0);
  REQUIRE(run_cli({"--data", data, "sync"}).exit_code == 0);
  CHECK(f.server_value(progress) == "福祉課の値1");   // mine: what I sent
  CHECK(f.server_value(reason) == "取りまとめの値");  // theirs: the other side
  CHECK(f.server_value(other) == "合わせた値");
  CHECK(f.server_store().open_conflicts(f.p.plan_id).empty());
}

TEST_CASE("exit code 5 when the local database cannot be used", "[client][cli]") {
  client_fixture f;
  const std::string data = f.dir.file("broken-cli").string();
  std::filesystem::create_directories(data);
  {
    std::ofstream garbage(std::filesystem::path(data) / "replica.db", std::ios::binary);
    garbage << std::string(8192, 'x');  // not a SQLite file
  }
  auto status = run_cli({"--data", data, "status"});
  CHECK(status.exit_code == 5);
  CHECK_FALSE(status.err.empty());
}
