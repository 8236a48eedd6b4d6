// Every route refuses a request without a valid token (401), and a token of
// the wrong role or department (403). Table-driven over router::routes(), so
// a new route without a sample here fails the test instead of going untested.
#include <catch2/catch.hpp>
#include <functional>
#include <map>

#include "api/router.h"
#include "server/api_helpers.h"
#include "support/catch_result.h"
#include "support/test_server.h"

using namespace matome;
using namespace matome::test;

namespace {

struct sample {
  std::string path;  // a concrete path for the pattern
  std::string body;
  // The user who must be refused with 403, if the route has rights beyond
  // being signed in; empty when every signed-in user may call it (the data
  // is then filtered by visibility, checked in other tests).
  std::string forbidden_user;
  // Who may make the same request (not refused with 403).
  std::string allowed_user = "coord";
};

}  // namespace

TEST_CASE("every route needs a valid token and refuses the wrong role or department",
          "[server][auth]") {
  temp_dir dir;
  test_server server(dir.file("master.db"));
  auto client = server.client();
  const auto& p = server.plan();
  const std::string plan = plan_path(p.plan_id);
  const std::string fukushi_entry =
      plan + "/entries/" + std::to_string(p.solo_row) + "/" + std::to_string(p.fukushi) + "/2023";

  // A conflict on 福祉課's cell, for the resolve route.
  const std::string fukushi = client.login("fukushi1");
  const cell_key key{p.solo_row, p.fukushi, 2023, "progress"};
  REQUIRE(
      client.post(plan + "/changes", push_body({change_json("a", key, 0, "一")}), fukushi).status ==
      200);
  const auto conflict = parse(
      client.post(plan + "/changes", push_body({change_json("b", key, 0, "二")}), fukushi).body);
  const auto conflict_id = std::to_string(conflict["outcomes"][0]["conflict_id"].GetInt64());

  const std::map<std::string, sample> samples = {
      {"GET /api/v1/health", {"/api/v1/health", "", ""}},
      {"POST /api/v1/login", {"/api/v1/login", "", ""}},
      {"GET /api/v1/me", {"/api/v1/me", "", ""}},
      {"GET /api/v1/plans", {"/api/v1/plans", "", ""}},
      {"GET /api/v1/plans/{plan}", {plan, "", ""}},
      {"POST /api/v1/plans/{plan}/changes", {plan + "/changes", push_body({}), ""}},
      {"GET /api/v1/plans/{plan}/changes", {plan + "/changes", "", ""}},
      {"GET /api/v1/plans/{plan}/conflicts", {plan + "/conflicts", "", ""}},
      {"POST /api/v1/plans/{plan}/conflicts/{conflict}/resolve",
       {plan + "/conflicts/" + conflict_id + "/resolve", R"({"take":"server"})", "shakyo1"}},
      {"GET /api/v1/plans/{plan}/entries/{item}/{department}/{year}",
       {fukushi_entry, "", "shakyo1"}},
      {"POST /api/v1/plans/{plan}/entries/{item}/{department}/{year}/comments",
       {fukushi_entry + "/comments", R"({"body":"質問です"})", "shakyo1"}},
      {"POST /api/v1/plans/{plan}/entries/{item}/{department}/{year}/{action}",
       {fukushi_entry + "/submit", "", "shakyo1", "fukushi1"}},
      {"POST /api/v1/plans/{plan}/years/{year}/finalize",
       {plan + "/years/2023/finalize", "", "fukushi1"}},
      {"PUT /api/v1/plans/{plan}/years/{year}/due-date",
       {plan + "/years/2023/due-date", R"({"due_date":"2024-05-31"})", "fukushi1"}},
      {"GET /api/v1/plans/{plan}/history",
       {plan + "/history?item=" + std::to_string(p.solo_row) +
            "&department=" + std::to_string(p.fukushi) + "&year=2023&field=progress",
        "", "shakyo1"}},
      {"GET /api/v1/plans/{plan}/dashboard", {plan + "/dashboard", "", "fukushi1"}},
      {"POST /api/v1/plans/{plan}/actions",
       {plan + "/actions", R"({"protocol":1,"plan":0,"actions":[]})", ""}},
      {"POST /api/v1/bundles", {"/api/v1/bundles", "MATOME-BUNDLE 1\n", "fukushi1"}},
      {"POST /api/v1/import-sheet",
       {"/api/v1/import-sheet", R"({"name":"a.csv","file":"YSxiCg==","mapping":"{}"})",
        "fukushi1"}},
  };

  store listing = store::open(dir.file("routes.db")).value();
  server::router routes(listing);
  for (const auto& r : routes.routes()) {
    const std::string name = std::string(r.method) + " " + std::string(r.pattern);
    INFO(name);
    auto it = samples.find(name);
    REQUIRE(it != samples.end());  // a new route needs a sample above
    const auto& s = it->second;
    const std::string method(r.method);
    if (r.need == server::access::open) {
      CHECK(client.request(method, s.path, s.body).status != 401);
      continue;
    }
    auto anonymous = client.request(method, s.path, s.body);
    CHECK(anonymous.status == 401);
    CHECK(anonymous.body.find("\"error\":\"unauthenticated\"") != std::string::npos);
    CHECK(client.request(method, s.path, s.body, "mt_not-a-real-token").status == 401);
    if (!s.forbidden_user.empty()) {
      auto refused = client.request(method, s.path, s.body, client.login(s.forbidden_user));
      CHECK(refused.status == 403);
      CHECK(refused.body.find("\"error\":\"forbidden\"") != std::string::npos);
      // The same request by someone entitled to it is not refused.
      CHECK(client.request(method, s.path, s.body, client.login(s.allowed_user)).status != 403);
    }
  }
}

TEST_CASE("a department's change to another department's cell is refused with the reason",
          "[server][auth]") {
  temp_dir dir;
  test_server server(dir.file("master.db"));
  auto client = server.client();
  const auto& p = server.plan();
  const auto token = client.login("shakyo1");
  const cell_key theirs{p.shared_row, p.fukushi, 2023, "progress"};
  const cell_key plan_cell{p.shared_row, 0, 0, "content"};
  auto reply = parse(client
                         .post(plan_path(p.plan_id) + "/changes",
                               push_body({change_json("x", theirs, 0, "他課の欄"),
                                          change_json("y", plan_cell, 0, "計画")}),
                               token)
                         .body);
  CHECK(std::string(reply["outcomes"][0]["outcome"].GetString()) == "refused");
  CHECK(std::string(reply["outcomes"][0]["reason_code"].GetString()) == "forbidden");
  CHECK(std::string(reply["outcomes"][1]["reason_code"].GetString()) == "forbidden");
  CHECK_FALSE(std::string(reply["outcomes"][1]["reason"].GetString()).empty());
}

TEST_CASE("a revoked device token no longer signs in", "[server][auth]") {
  temp_dir dir;
  test_server server(dir.file("master.db"));
  auto client = server.client();
  const auto token = client.login("fukushi1", "demo", "laptop-3");
  REQUIRE(client.get("/api/v1/me", token).status == 200);
  {
    store s = store::open(dir.file("master.db")).value();
    auto devices = server::list_devices(s);
    REQUIRE(devices.size() == 1);
    CHECK(devices[0].name == "laptop-3");
    REQUIRE(server::revoke_device(s, devices[0].id));
  }
  CHECK(client.get("/api/v1/me", token).status == 401);
}

TEST_CASE("wrong passwords are slowed down", "[server][auth]") {
  temp_dir dir;
  test_server server(dir.file("master.db"));
  auto client = server.client();
  const std::string wrong = R"({"login":"fukushi1","password":"nope","device":"pc"})";
  for (int i = 0; i < 5; ++i) CHECK(client.post("/api/v1/login", wrong).status == 401);
  auto throttled = client.post("/api/v1/login", wrong);
  CHECK(throttled.status == 429);
  CHECK(throttled.body.find("秒後") != std::string::npos);
  // Even the right password waits until the pause is over.
  CHECK(client.post("/api/v1/login", R"({"login":"fukushi1","password":"demo","device":"pc"})")
            .status == 429);
}
