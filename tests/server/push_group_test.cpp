// Group commit (api/push_group.h) on a real store, through the real router:
// pushes waiting together are applied in one transaction and answered only
// after it, each on its own, and a failed commit applies none of them.
#include "api/push_group.h"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <deque>
#include <vector>

#include "server/signed_in_store.h"

using namespace matome;
using namespace matome::test;

namespace {

struct fixture : signed_in_store {
  std::optional<server::router> api;
  server::push_group group;
  std::deque<server::api_request> requests;  // stay where they are while queued
  // A cell of each sender: 福祉課's, 社協's and the plan's (the coordinator's).
  const cell_key fukushi_cell{p.solo_row, p.fukushi, 2023, "progress"};
  const cell_key shakyo_cell{p.shared_row, p.shakyo, 2023, "progress"};
  const cell_key plan_cell{p.shared_row, 0, 2023, "marks"};

  // fukushi1@pc2 and @pc3: the same user's other machines, other senders.
  explicit fixture(std::size_t max_group_bytes = 4 * 1024 * 1024)
      : signed_in_store({"fukushi1", "shakyo1", "coord", "fukushi1@pc2", "fukushi1@pc3"}),
        group(max_group_bytes) {
    api.emplace(*s);
  }

  std::shared_ptr<server::push_group::ticket> queue(const std::string& who,
                                                    const std::vector<std::string>& changes,
                                                    record_id plan_in_body = 0) {
    auto& r = requests.emplace_back(
        request(who, "POST", plan_path(p.plan_id) + "/changes", push_body(changes)));
    if (plan_in_body != 0) {
      r.body.replace(r.body.find(R"("plan":0)"), 8, R"("plan":)" + std::to_string(plan_in_body));
    }
    return group.enqueue(r);
  }
  server::api_response run(const std::shared_ptr<server::push_group::ticket>& t) {
    return group.run(t, *api, *s);
  }
};

// While it lives: counts the store's commits, or refuses each (the COMMIT
// becomes a ROLLBACK, and fails).
class commit_hook {
 public:
  enum mode { count, refuse };
  commit_hook(store& s, mode m) : db_(s.db().handle()), mode_(m) {
    sqlite3_commit_hook(db_, &commit_hook::on_commit, this);
  }
  commit_hook(const commit_hook&) = delete;
  commit_hook& operator=(const commit_hook&) = delete;
  ~commit_hook() { sqlite3_commit_hook(db_, nullptr, nullptr); }
  int commits() const { return commits_; }

 private:
  static int on_commit(void* self) {
    auto* hook = static_cast<commit_hook*>(self);
    ++hook->commits_;
    return hook->mode_ == refuse ? 1 : 0;
  }
  sqlite3* db_;
  mode mode_;
  int commits_ = 0;
};

// 福祉課's and 社協's changes pushed together, in a group whose commit fails.
void fail_group(fixture& f, const std::string& fukushi_change, const std::string& shakyo_change) {
  const auto first = f.queue("fukushi1", {fukushi_change});
  const auto second = f.queue("shakyo1", {shakyo_change});
  const commit_hook refusing(*f.s, commit_hook::refuse);
  REQUIRE(f.run(first).status == 503);
  REQUIRE(f.run(second).status == 503);
}

}  // namespace

TEST_CASE("pushes waiting together are committed once, and each gets its own answer",
          "[server][sync][group]") {
  fixture f;
  const auto first = f.queue("fukushi1", {change_json("g-a", f.fukushi_cell, 0, "福祉課の実績")});
  const auto second = f.queue("shakyo1", {change_json("g-b", f.shakyo_cell, 0, "社協の実績")});
  const auto third = f.queue("coord", {change_json("g-c", f.plan_cell, 0, "●")});

  std::vector<server::api_response> replies;
  {
    const commit_hook counted(*f.s, commit_hook::count);
    replies.push_back(f.run(first));
    // The first to get the database thread took the other two with it.
    CHECK(counted.commits() == 1);
    REQUIRE(second->reply);
    REQUIRE(third->reply);
    replies.push_back(f.run(second));
    replies.push_back(f.run(third));
    CHECK(counted.commits() == 1);
  }
  for (const auto& r : replies) {
    REQUIRE(r.status == 200);
    CHECK(first_outcome(r.body) == "applied");
    CHECK(r.notify_seq > 0);
  }
  CHECK(replies[0].user == "fukushi1");
  CHECK(replies[1].user == "shakyo1");
  CHECK(f.value_of(f.fukushi_cell) == "福祉課の実績");
  CHECK(f.value_of(f.shakyo_cell) == "社協の実績");
  CHECK(f.value_of(f.plan_cell) == "●");

  // Sent again (their answers lost), in a group again: answered from the
  // first outcome, nothing applied twice.
  const auto again_a = f.queue("fukushi1", {change_json("g-a", f.fukushi_cell, 0, "福祉課の実績")});
  const auto again_c = f.queue("coord", {change_json("g-c", f.plan_cell, 0, "●")});
  const server::api_response retried[] = {f.run(again_a), f.run(again_c)};
  for (const auto& r : retried) {
    REQUIRE(r.status == 200);
    const auto d = parse(r.body);
    CHECK(first_outcome(r.body) == "applied");
    CHECK(d["outcomes"][0]["repeated"].GetBool());
  }
  CHECK(f.s->history_of(f.fukushi_cell).size() == 1);
  CHECK(f.s->history_of(f.plan_cell).size() == 1);
}

TEST_CASE("a push refused in a group leaves the others applied", "[server][sync][group]") {
  fixture f;
  const auto fine = f.queue("fukushi1", {change_json("r-a", f.fukushi_cell, 0, "実施した。")});
  // Its body names another plan than its address: refused as a whole.
  const auto stale =
      f.queue("shakyo1", {change_json("r-b", f.shakyo_cell, 0, "別の計画あて")}, 999);
  const auto answered = f.run(fine);
  const auto refused = f.run(stale);
  CHECK(answered.status == 200);
  CHECK(refused.status == 400);
  CHECK(f.value_of(f.fukushi_cell) == "実施した。");
  CHECK(f.value_of(f.shakyo_cell).empty());
}

TEST_CASE("a group whose commit fails answers every push with the failure and applies none",
          "[server][sync][group]") {
  fixture f;
  const auto first =
      f.queue("fukushi1", {change_json("f-a", f.fukushi_cell, 0, "消えてはならない値")});
  const auto second = f.queue("shakyo1", {change_json("f-b", f.shakyo_cell, 0, "社協の値")});
  std::vector<server::api_response> replies;
  {
    const commit_hook refusing(*f.s, commit_hook::refuse);
    replies = {f.run(first), f.run(second)};
  }
  for (const auto& r : replies) {
    CHECK(r.status == 503);  // the server's storage failed: try again later
    CHECK(r.notify_seq == 0);
    CHECK(r.body.find("変更は適用されていません") != std::string::npos);
  }
  CHECK(f.value_of(f.fukushi_cell).empty());
  CHECK(f.value_of(f.shakyo_cell).empty());

  // The senders send them again: applied now, once, not answered as
  // repeats of changes that were never stored.
  const auto again_a =
      f.queue("fukushi1", {change_json("f-a", f.fukushi_cell, 0, "消えてはならない値")});
  const auto again_b = f.queue("shakyo1", {change_json("f-b", f.shakyo_cell, 0, "社協の値")});
  const server::api_response retried[] = {f.run(again_a), f.run(again_b)};
  for (const auto& r : retried) {
    REQUIRE(r.status == 200);
    const auto d = parse(r.body);
    CHECK(first_outcome(r.body) == "applied");
    CHECK_FALSE(d["outcomes"][0]["repeated"].GetBool());
  }
  CHECK(f.value_of(f.fukushi_cell) == "消えてはならない値");
  CHECK(f.s->history_of(f.fukushi_cell).size() == 1);
  CHECK(f.s->history_of(f.shakyo_cell).size() == 1);
}

TEST_CASE("after a failed group the server still finds changes another connection applied",
          "[server][sync][group]") {
  // The second push of a group reads the first one's history rows, not
  // yet committed. If the group then fails, the server must read from its
  // last commit again: the next change another connection applies
  // (matome-server import-bundle beside it) takes one of those numbers.
  fixture f;
  fail_group(f, change_json("l-a", f.fukushi_cell, 0, "失敗する束"),
             change_json("l-b", f.shakyo_cell, 0, "失敗する束"));

  const auto bundled = f.queue("coord", {change_json("l-c", f.plan_cell, 0, "●")});
  {
    auto beside = store::open(f.dir.file("master.db")).value();
    server::router other(beside);
    REQUIRE(other.handle(*bundled->request).status == 200);
  }
  // The same change reaches the server too (sent again over the network):
  // answered from its first outcome, not applied a second time.
  const auto again = f.run(bundled);
  REQUIRE(again.status == 200);
  const auto d = parse(again.body);
  CHECK(first_outcome(again.body) == "applied");
  CHECK(d["outcomes"][0]["repeated"].GetBool());
  CHECK(f.s->history_of(f.plan_cell).size() == 1);
}

TEST_CASE("a change applied again after a failed group is a repeat ever after, not a third write",
          "[server][sync][group]") {
  // The failed group numbered f-a's row before f-b's. Sent again in the
  // other order, f-b takes f-a's old number and f-a a new one: the server
  // must know f-a by the new number, not only by the stale one.
  fixture f;
  fail_group(f, change_json("r-a", f.fukushi_cell, 0, "一度だけ"),
             change_json("r-b", f.shakyo_cell, 0, "社協の値"));
  const auto again_b = f.queue("shakyo1", {change_json("r-b", f.shakyo_cell, 0, "社協の値")});
  const auto again_a = f.queue("fukushi1", {change_json("r-a", f.fukushi_cell, 0, "一度だけ")});
  REQUIRE(f.run(again_b).status == 200);
  const auto applied = f.run(again_a);
  REQUIRE(applied.status == 200);
  CHECK_FALSE(parse(applied.body)["outcomes"][0]["repeated"].GetBool());

  const auto third = f.queue("fukushi1", {change_json("r-a", f.fukushi_cell, 0, "一度だけ")});
  const auto repeated = f.run(third);
  REQUIRE(repeated.status == 200);
  CHECK(first_outcome(repeated.body) == "applied");
  CHECK(parse(repeated.body)["outcomes"][0]["repeated"].GetBool());
  CHECK(f.s->history_of(f.fukushi_cell).size() == 1);
}

TEST_CASE("a group stops at its size, and a push that gets the thread out of turn is in it",
          "[server][sync][group]") {
  const cell_key a{0, 0, 2023, "progress"};
  // Room for two of these pushes, not three.
  const auto body_size = push_body({change_json("s-1", a, 0, "値")}).size();
  fixture f(body_size * 5 / 2);
  const cell_key keys[] = {{f.p.solo_row, f.p.fukushi, 2023, "progress"},
                           {f.p.solo_row, f.p.fukushi, 2024, "progress"},
                           {f.p.solo_row, f.p.fukushi, 2025, "progress"}};
  const auto first = f.queue("fukushi1", {change_json("s-1", keys[0], 0, "値")});
  const auto second = f.queue("fukushi1@pc2", {change_json("s-2", keys[1], 0, "値")});
  const auto third = f.queue("fukushi1@pc3", {change_json("s-3", keys[2], 0, "値")});
  // The third asks first: it takes the oldest waiting with it, and no more.
  const auto answered_third = f.run(third);
  CHECK(first->reply);
  CHECK_FALSE(second->reply);
  const server::api_response replies[] = {answered_third, f.run(first), f.run(second)};
  for (const auto& r : replies) {
    REQUIRE(r.status == 200);
    CHECK(first_outcome(r.body) == "applied");
  }
  for (const auto& k : keys) CHECK(f.s->history_of(k).size() == 1);
}

TEST_CASE("a device's pushes waiting together are applied in turn, each answered on its own",
          "[server][sync][group]") {
  // A client keeps two batches in flight so that it sends the next while
  // the server applies the last. Were both applied in one group, both
  // answers would come together, the client would send its next two
  // together, and the server would wait idle while they travel.
  fixture f;
  const cell_key a{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  const cell_key b{f.p.solo_row, f.p.fukushi, 2024, "progress"};
  const cell_key c{f.p.shared_row, f.p.shakyo, 2023, "progress"};
  const auto first = f.queue("fukushi1", {change_json("t-a", a, 0, "一つ目の束")});
  const auto second = f.queue("fukushi1", {change_json("t-b", b, 0, "二つ目の束")});
  const auto other = f.queue("shakyo1", {change_json("t-c", c, 0, "社協の実績")});

  std::vector<server::api_response> replies;
  {
    const commit_hook counted(*f.s, commit_hook::count);
    replies.push_back(f.run(first));
    CHECK(counted.commits() == 1);
    CHECK(other->reply);  // another device's push joins the group
    CHECK_FALSE(second->reply);
    CHECK(f.value_of(a) == "一つ目の束");
    CHECK(f.value_of(b).empty());
    replies.push_back(f.run(second));
    replies.push_back(f.run(other));
    CHECK(counted.commits() == 2);
  }
  for (const auto& r : replies) {
    REQUIRE(r.status == 200);
    CHECK(first_outcome(r.body) == "applied");
  }
  CHECK(f.value_of(b) == "二つ目の束");
}
