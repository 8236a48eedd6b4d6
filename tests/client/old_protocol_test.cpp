// A desktop that speaks an older protocol than the server accepts (issue
// #15: "a client of an older protocol version fails closed with a message
// in Japanese, keeps its outbox, and works again after updating").
#include <catch2/catch.hpp>

#include "client/client_fixture.h"
#include "support/catch_result.h"

using namespace matome;
using namespace matome::test;

namespace {

// What a desktop built for the protocol before the server's oldest sends:
// the same messages, numbered with the old protocol.
class older_protocol_transport : public client::transport {
 public:
  explicit older_protocol_transport(std::unique_ptr<client::transport> inner)
      : inner_(std::move(inner)) {}
  result<client::server_view> view(std::int64_t cursor) override { return inner_->view(cursor); }
  result<wire::plan_snapshot> snapshot(record_id plan_id) override {
    return inner_->snapshot(plan_id);
  }
  result<wire::push_response> push(const wire::push_request& request) override {
    auto old = request;
    old.protocol = wire::min_protocol - 1;
    return inner_->push(old);
  }
  result<wire::pull_page> pull(record_id plan_id, std::int64_t since, std::size_t limit) override {
    return inner_->pull(plan_id, since, limit);
  }
  result<wire::action_response> push_actions(const wire::action_request& request) override {
    auto old = request;
    old.protocol = wire::min_protocol - 1;
    return inner_->push_actions(old);
  }

 private:
  std::unique_ptr<client::transport> inner_;
};

}  // namespace

TEST_CASE(
    "a desktop of an older protocol is refused in Japanese, keeps its edits, syncs once updated",
    "[client][sync][protocol]") {
  client_fixture f;
  auto desk = f.sign_in("fukushi1");
  const cell_key cell{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(desk.edit(cell, "更新前に入力した実績"));

  older_protocol_transport old(
      client::make_http_transport(f.url(), *desk.setting("token"), std::chrono::seconds(5)));
  auto refused = client::sync(desk, old);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == errc::unsupported_version);
  CHECK(refused.error().message.find("Matome を更新してください") != std::string::npos);
  CHECK(refused.error().message.find("未送信の変更はこの端末に残っています") != std::string::npos);
  // Failed closed: nothing reached the server, the edit waits in the outbox.
  CHECK(f.server_value(cell).empty());
  REQUIRE(desk.outbox().size() == 1);
  CHECK(desk.outbox()[0].change.value == "更新前に入力した実績");
  CHECK_FALSE(desk.outbox()[0].refused);

  // Updated: the same replica syncs, the edit lands once.
  REQUIRE(f.sync(desk));
  CHECK(desk.outbox().empty());
  CHECK(f.server_value(cell) == "更新前に入力した実績");
  CHECK(f.server_store().history_of(cell).size() == 1);
}
