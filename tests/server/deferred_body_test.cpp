// The server's router leaves a push's or a pull's answer to be encoded by
// the I/O thread that sends it (api_response::encode_body), so the one
// database thread is free for the next request meanwhile. What the client
// receives must be the same as when the router encodes it itself.
#include <catch2/catch.hpp>
#include <stdexcept>

#include "api/router.h"
#include "server/signed_in_store.h"

using namespace matome;
using namespace matome::test;

TEST_CASE("a push's and a pull's answers are encoded by the caller, the same as by the router",
          "[server][sync]") {
  signed_in_store f({"fukushi1"});
  server::router by_caller(*f.s, server::body_encoding::by_caller);
  server::router in_handle(*f.s);
  const cell_key k{f.p.solo_row, f.p.fukushi, 2023, "progress"};

  auto push = f.request("fukushi1", "POST", plan_path(f.p.plan_id) + "/changes",
                        push_body({change_json("d-1", k, 0, "実績を記入した。")}));
  auto pushed = by_caller.handle(push);
  REQUIRE(pushed.status == 200);
  CHECK(pushed.body.empty());
  REQUIRE(pushed.encode_body);
  CHECK(pushed.changes.applied == 1);  // counted for the metrics before encoding
  CHECK(pushed.notify_seq > 0);
  server::render_body(push, pushed);
  CHECK_FALSE(pushed.encode_body);
  CHECK(first_outcome(pushed.body) == "applied");
  const auto first = parse(pushed.body);
  // The retry is answered by the router that encodes itself: same outcome.
  const auto again = parse(in_handle.handle(push).body);
  CHECK(again["outcomes"][0]["version"].GetInt64() == first["outcomes"][0]["version"].GetInt64());

  const auto pull = f.request("fukushi1", "GET", plan_path(f.p.plan_id) + "/changes");
  auto page = by_caller.handle(pull);
  REQUIRE(page.status == 200);
  CHECK(page.body.empty());
  CHECK(page.pull_page);
  server::render_body(pull, page);
  CHECK(page.body == in_handle.handle(pull).body);
  CHECK(page.body.find("実績を記入した。") != std::string::npos);
}

TEST_CASE("an answer that cannot be encoded asks the client to send again", "[server][sync]") {
  server::api_request push;
  push.method = "POST";
  push.path = "/api/v1/plans/1/changes";
  server::api_response r;
  r.user = "fukushi1";
  r.route = "/api/v1/plans/{plan}/changes";
  r.encode_body = []() -> std::string { throw std::length_error("the page is too large"); };
  server::render_body(push, r);
  CHECK(r.status == 503);
  CHECK_FALSE(r.encode_body);
  const auto body = parse(r.body);
  REQUIRE(body.IsObject());
  CHECK(std::string(body["message"].GetString()).find("もう一度同期") != std::string::npos);
  // Still counted and logged as the request it was.
  CHECK(r.user == "fukushi1");
  CHECK(r.route == "/api/v1/plans/{plan}/changes");
}
