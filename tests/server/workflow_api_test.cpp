// The submission workflow over HTTP: legal steps, illegal ones (409), locks.
#include <catch2/catch.hpp>

#include "server/api_helpers.h"
#include "support/catch_result.h"
#include "support/test_server.h"

using namespace matome;
using namespace matome::test;

namespace {
struct fixture {
  temp_dir dir;
  test_server server{dir.file("master.db")};
  http_client client = server.client();
  const small_plan& p = server.plan();
  std::string plan = plan_path(p.plan_id);
  std::string entry =
      plan + "/entries/" + std::to_string(p.solo_row) + "/" + std::to_string(p.fukushi) + "/2023";
  std::string fukushi = client.login("fukushi1");
  std::string coord = client.login("coord");

  void fill() {
    auto reply = client.post(
        plan + "/changes",
        push_body(
            {change_json("p", {p.solo_row, p.fukushi, 2023, "progress"}, 0, "実施した。"),
             change_json("g", {p.solo_row, p.fukushi, 2023, "grade"}, 0, "B"),
             change_json("r", {p.solo_row, p.fukushi, 2023, "reason"}, 0, "参加者が減った。")}),
        fukushi);
    REQUIRE(reply.status == 200);
  }
  std::string status() {
    return parse(client.get(entry, coord).body)["entry"]["status"].GetString();
  }
};
}  // namespace

TEST_CASE("submit, return with a comment, resubmit and accept over HTTP", "[server][workflow]") {
  fixture f;
  f.fill();
  CHECK(f.status() == "draft");
  CHECK(f.client.post(f.entry + "/submit", "", f.fukushi).status == 200);
  CHECK(f.status() == "submitted");

  auto no_comment = f.client.post(f.entry + "/return", "", f.coord);
  CHECK(no_comment.status == 422);
  CHECK(f.client.post(f.entry + "/return", R"({"comment":"理由を具体的に書いてください"})", f.coord)
            .status == 200);
  auto returned = parse(f.client.get(f.entry, f.fukushi).body);
  CHECK(std::string(returned["entry"]["status"].GetString()) == "returned");
  CHECK(std::string(returned["comments"][0]["body"].GetString()) == "理由を具体的に書いてください");

  CHECK(f.client.post(f.entry + "/submit", "", f.fukushi).status == 200);
  CHECK(f.client.post(f.entry + "/accept", "", f.fukushi).status == 403);
  CHECK(f.client.post(f.entry + "/accept", "", f.coord).status == 200);
  CHECK(f.status() == "accepted");
  CHECK(f.client.post(f.entry + "/reopen", "", f.coord).status == 200);
  CHECK(f.status() == "returned");
}

TEST_CASE("illegal workflow steps are 409 and change nothing", "[server][workflow]") {
  fixture f;
  f.fill();
  auto accept_draft = f.client.post(f.entry + "/accept", "", f.coord);
  CHECK(accept_draft.status == 409);
  CHECK(accept_draft.body.find("\"error\":\"illegal_transition\"") != std::string::npos);
  CHECK(f.status() == "draft");
  CHECK(f.client.post(f.entry + "/reopen", "", f.coord).status == 409);
  CHECK(f.client.post(f.entry + "/dance", "", f.coord).status == 404);
}

TEST_CASE("a submit with a missing required field names the field", "[server][workflow]") {
  fixture f;
  auto reply = f.client.post(f.entry + "/submit", "", f.fukushi);
  CHECK(reply.status == 422);
  CHECK(reply.body.find("進捗状況") != std::string::npos);
}

TEST_CASE("an accepted entry refuses the department's writes; a finalized year refuses everyone's",
          "[server][workflow]") {
  fixture f;
  f.fill();
  REQUIRE(f.client.post(f.entry + "/submit", "", f.fukushi).status == 200);
  REQUIRE(f.client.post(f.entry + "/accept", "", f.coord).status == 200);
  const cell_key grade{f.p.solo_row, f.p.fukushi, 2023, "grade"};
  auto late = parse(
      f.client.post(f.plan + "/changes", push_body({change_json("late", grade, 0, "A")}), f.fukushi)
          .body);
  CHECK(std::string(late["outcomes"][0]["outcome"].GetString()) == "refused");
  CHECK(std::string(late["outcomes"][0]["reason_code"].GetString()) == "locked");

  CHECK(f.client.post(f.plan + "/years/2023/finalize", "", f.coord).status == 200);
  CHECK(f.client.post(f.plan + "/years/2023/finalize", "", f.coord).status == 409);
  CHECK(f.client.post(f.entry + "/reopen", "", f.coord).status == 409);
  auto by_coord = parse(
      f.client.post(f.plan + "/changes", push_body({change_json("fix", grade, 0, "A")}), f.coord)
          .body);
  CHECK(std::string(by_coord["outcomes"][0]["reason_code"].GetString()) == "locked");
}

TEST_CASE("the dashboard counts entries by department and status", "[server][dashboard]") {
  fixture f;
  f.fill();
  REQUIRE(f.client.post(f.entry + "/submit", "", f.fukushi).status == 200);
  REQUIRE(
      f.client
          .request("PUT", f.plan + "/years/2023/due-date", R"({"due_date":"2000-01-01"})", f.coord)
          .status == 200);
  auto d = parse(f.client.get(f.plan + "/dashboard?year=2023", f.coord).body);
  CHECK(d["past_due"].GetBool());
  REQUIRE(d["departments"].Size() == 2);
  const auto& fukushi = d["departments"][0];
  CHECK(std::string(fukushi["name"].GetString()) == "福祉課");
  CHECK(fukushi["total"].GetInt() == 2);  // the solo row and the shared row
  CHECK(fukushi["counts"]["submitted"].GetInt() == 1);
  CHECK(fukushi["counts"]["not_started"].GetInt() == 1);
  CHECK(fukushi["overdue"].GetInt() == 1);
  CHECK(d["still_to_submit"].Size() == 2);
}
