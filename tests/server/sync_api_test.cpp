// Push, pull and notifications over real HTTP against a real server.
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>

#include "matome/store/schema.h"
#include "matome/wire/codec.h"
#include "server/api_helpers.h"
#include "support/catch_result.h"
#include "support/test_server.h"

using namespace matome;
using namespace matome::test;

namespace {
struct fixture {
  temp_dir dir;
  std::unique_ptr<test_server> server = std::make_unique<test_server>(dir.file("master.db"));
  http_client client = server->client();
  const small_plan& p = server->plan();
  std::string plan = plan_path(p.plan_id);

  rapidjson::Document push(const std::string& token, const std::vector<std::string>& changes) {
    auto reply = client.post(plan + "/changes", push_body(changes), token);
    REQUIRE(reply.status == 200);
    return parse(reply.body);
  }
};

std::string outcome(const rapidjson::Document& d, int i) {
  return d["outcomes"][i]["outcome"].GetString();
}
}  // namespace

TEST_CASE("the same change pushed twice is applied once with the same outcome", "[server][sync]") {
  fixture f;
  const auto token = f.client.login("fukushi1");
  const auto change =
      change_json("7c9e6679-7425-40de-944b-e07fc1f90ae7",
                  {f.p.solo_row, f.p.fukushi, 2023, "progress"}, 0, "講座を開催した。");
  auto first = f.push(token, {change});
  auto again = f.push(token, {change});
  CHECK(outcome(first, 0) == "applied");
  CHECK(outcome(again, 0) == "applied");
  CHECK(again["outcomes"][0]["repeated"].GetBool());
  CHECK(again["outcomes"][0]["version"].GetInt64() == first["outcomes"][0]["version"].GetInt64());
  auto history =
      parse(f.client
                .get(f.plan + "/history?item=" + std::to_string(f.p.solo_row) +
                         "&department=" + std::to_string(f.p.fukushi) + "&year=2023&field=progress",
                     token)
                .body);
  CHECK(history.Size() == 1);
  CHECK(std::string(history[0]["user"].GetString()) == "fukushi1");
  CHECK(std::string(history[0]["device"].GetString()) == "test-pc");
}

TEST_CASE("two departments' edits to different cells both apply", "[server][sync]") {
  fixture f;
  auto a = f.push(f.client.login("fukushi1"),
                  {change_json("a", {f.p.shared_row, f.p.fukushi, 2023, "grade"}, 0, "B")});
  auto b = f.push(f.client.login("shakyo1"),
                  {change_json("b", {f.p.shared_row, f.p.shakyo, 2023, "grade"}, 0, "A")});
  CHECK(outcome(a, 0) == "applied");
  CHECK(outcome(b, 0) == "applied");
}

TEST_CASE("two clients' edits of one cell from the same base give exactly one conflict",
          "[server][sync]") {
  fixture f;
  const auto coord = f.client.login("coord", "demo", "pc-a");
  const auto coord_b = f.client.login("coord", "demo", "pc-b");
  const cell_key key{f.p.shared_row, 0, 0, "content"};
  auto base = f.push(coord, {change_json("base", key, 0, "元の内容")});
  const auto v = base["outcomes"][0]["version"].GetInt64();
  auto mine = f.push(coord, {change_json("mine", key, v, "Aの修正")});
  auto theirs = f.push(coord_b, {change_json("theirs", key, v, "Bの修正")});
  CHECK(outcome(mine, 0) == "applied");
  REQUIRE(outcome(theirs, 0) == "conflict");
  CHECK(std::string(theirs["outcomes"][0]["server_value"].GetString()) == "Aの修正");

  auto conflicts = parse(f.client.get(f.plan + "/conflicts", coord).body);
  REQUIRE(conflicts.Size() == 1);
  CHECK(std::string(conflicts[0]["base_value"].GetString()) == "元の内容");
  CHECK(std::string(conflicts[0]["server_value"].GetString()) == "Aの修正");
  CHECK(std::string(conflicts[0]["incoming_value"].GetString()) == "Bの修正");
  CHECK(std::string(conflicts[0]["device"].GetString()) == "pc-b");

  const auto id = std::to_string(conflicts[0]["id"].GetInt64());
  auto resolved = f.client.post(f.plan + "/conflicts/" + id + "/resolve",
                                R"({"take":"merged","value":"AとBの修正"})", coord);
  CHECK(resolved.status == 200);
  CHECK(parse(f.client.get(f.plan + "/conflicts", coord).body).Size() == 0);
  auto again =
      f.client.post(f.plan + "/conflicts/" + id + "/resolve", R"({"take":"server"})", coord);
  CHECK(again.status == 409);
}

TEST_CASE("pull pages return every change exactly once and only what the user may see",
          "[server][sync]") {
  fixture f;
  const auto coord = f.client.login("coord");
  const auto fukushi = f.client.login("fukushi1");
  const auto shakyo = f.client.login("shakyo1");
  std::vector<std::string> plan_changes;
  for (int i = 0; i < 3; ++i) {
    plan_changes.push_back(
        change_json("p" + std::to_string(i),
                    {i == 0 ? f.p.solo_row : f.p.shared_row, 0, 2022 + i, "marks"}, 0, "●"));
  }
  f.push(coord, plan_changes);
  f.push(fukushi,
         {change_json("f1", {f.p.solo_row, f.p.fukushi, 2023, "progress"}, 0, "福祉課"),
          change_json("f2", {f.p.shared_row, f.p.fukushi, 2023, "progress"}, 0, "福祉課2")});
  f.push(shakyo, {change_json("s1", {f.p.shared_row, f.p.shakyo, 2023, "progress"}, 0, "社協")});

  auto collect = [&](const std::string& token, int limit) {
    std::multiset<std::string> values;
    std::int64_t cursor = 0;
    for (int pages = 0; pages < 50; ++pages) {
      auto page = parse(f.client
                            .get(f.plan + "/changes?since=" + std::to_string(cursor) +
                                     "&limit=" + std::to_string(limit),
                                 token)
                            .body);
      for (const auto& c : page["cells"].GetArray()) values.insert(c["value"].GetString());
      cursor = page["cursor"].GetInt64();
      if (!page["more"].GetBool()) break;
    }
    return values;
  };
  const auto all = collect(coord, 1000);
  CHECK(all.size() == 6);
  CHECK(collect(coord, 1) == all);
  CHECK(collect(coord, 2) == all);
  const auto seen_by_shakyo = collect(shakyo, 2);
  CHECK(seen_by_shakyo.count("社協") == 1);
  CHECK(seen_by_shakyo.count("福祉課") == 0);
  CHECK(seen_by_shakyo.count("●") == 3);  // plan cells are everyone's
}

TEST_CASE("the bulk binary format carries the same page", "[server][sync]") {
  fixture f;
  const auto coord = f.client.login("coord");
  f.push(coord, {change_json("p", {f.p.solo_row, 0, 0, "content"}, 0, "内容")});
  auto binary =
      f.client.request("GET", f.plan + "/changes", "", coord, "application/x-matome-binary");
  CHECK(binary.status == 200);
  CHECK(binary.content_type == "application/x-matome-binary");
  auto page = wire::decode<wire::pull_page>(binary.body, wire::format::binary);
  REQUIRE(page);
  REQUIRE(page->cells.size() == 1);
  CHECK(page->cells[0].value == "内容");
}

TEST_CASE("a restart of the server loses no acknowledged change", "[server][sync]") {
  fixture f;
  const cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  auto token = f.client.login("fukushi1");
  auto pushed = f.push(token, {change_json("durable", key, 0, "再起動後も残る")});
  REQUIRE(outcome(pushed, 0) == "applied");
  f.server->stop();
  f.server.reset();

  test_server again(f.dir.file("master.db"));
  auto client = again.client();
  auto page = parse(
      client.get(plan_path(again.plan().plan_id) + "/changes", token).body);  // token survives too
  bool found = false;
  for (const auto& c : page["cells"].GetArray())
    found |= std::string(c["value"].GetString()) == "再起動後も残る";
  CHECK(found);
  auto retry = parse(client
                         .post(plan_path(again.plan().plan_id) + "/changes",
                               push_body({change_json("durable", key, 0, "再起動後も残る")}), token)
                         .body);
  CHECK(retry["outcomes"][0]["repeated"].GetBool());
}

TEST_CASE("online clients hear of new changes within seconds", "[server][events]") {
  fixture f;
  const auto shakyo = f.client.login("shakyo1");
  const auto fukushi = f.client.login("fukushi1");
  event_listener shakyo_events(f.client.port(), shakyo);
  auto hello = shakyo_events.next();
  REQUIRE(hello);
  CHECK(hello->find("\"hello\"") != std::string::npos);

  // 福祉課's own entry: nothing for 社協.
  f.push(fukushi,
         {change_json("f", {f.p.solo_row, f.p.fukushi, 2023, "progress"}, 0, "福祉課だけ")});
  CHECK_FALSE(shakyo_events.next(std::chrono::milliseconds(500)));

  auto pushed = f.push(f.client.login("coord"),
                       {change_json("c", {f.p.shared_row, 0, 0, "content"}, 0, "全員に")});
  auto news = shakyo_events.next(std::chrono::seconds(5));
  REQUIRE(news);
  CHECK(news->find("\"changes\"") != std::string::npos);
  CHECK(news->find(std::to_string(pushed["last_seq"].GetInt64())) != std::string::npos);
}

// What monitoring reads without signing in: the schema the database is at,
// and how large it has grown (the file and its write-ahead log).
TEST_CASE("health says the database's schema and size", "[server][health]") {
  fixture f;
  const auto reply = f.client.get("/api/v1/health");
  REQUIRE(reply.status == 200);
  const auto doc = parse(reply.body);
  REQUIRE(doc.HasMember("schema"));
  CHECK(doc["schema"].GetInt() == current_schema_version());
  REQUIRE(doc.HasMember("database_bytes"));
  const auto before = doc["database_bytes"].GetInt64();
  CHECK(before >= static_cast<std::int64_t>(std::filesystem::file_size(f.dir.file("master.db"))));

  // Grows as the plan fills.
  const auto token = f.client.login("coord");
  std::vector<std::string> changes;
  for (int i = 0; i < 200; ++i) {
    changes.push_back(change_json("grow-" + std::to_string(i), {f.p.shared_row, 0, 0, "content"},
                                  -1, std::string(300, 'x') + std::to_string(i)));
  }
  f.push(token, changes);
  CHECK(parse(f.client.get("/api/v1/health").body)["database_bytes"].GetInt64() > before);
}
