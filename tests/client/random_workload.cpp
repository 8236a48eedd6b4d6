#include "client/random_workload.h"

#include <catch2/catch.hpp>
#include <mutex>

#include "support/catch_result.h"

namespace matome::test {
namespace {

// Forwards to the real HTTP transport and remembers each change's base.
class recording_transport final : public client::transport {
 public:
  recording_transport(std::unique_ptr<client::transport> real,
                      std::map<std::string, version_t>& bases)
      : real_(std::move(real)), bases_(bases) {}
  result<client::server_view> view(std::int64_t cursor) override { return real_->view(cursor); }
  result<wire::plan_snapshot> snapshot(record_id plan_id) override {
    return real_->snapshot(plan_id);
  }
  result<wire::push_response> push(const wire::push_request& request) override {
    {
      // Two pushes may be in flight at once (client::sync).
      std::lock_guard lock(mutex_);
      for (const auto& c : request.changes) bases_[c.change_id] = c.base_version;
    }
    return real_->push(request);
  }
  result<wire::pull_page> pull(record_id plan_id, std::int64_t since, std::size_t limit) override {
    return real_->pull(plan_id, since, limit);
  }
  result<wire::action_response> push_actions(const wire::action_request& request) override {
    return real_->push_actions(request);
  }

 private:
  std::unique_ptr<client::transport> real_;
  std::map<std::string, version_t>& bases_;
  std::mutex mutex_;
};

}  // namespace

random_workload::random_workload(const small_plan& p, const std::filesystem::path& dir,
                                 std::string url, cut_proxy* cuts,
                                 std::function<store()> server_store)
    : p_(p), url_(std::move(url)), cuts_(cuts), server_store_(std::move(server_store)) {
  const cell_key solo{p.solo_row, p.fukushi, 2023, "progress"};
  const cell_key shared_fukushi{p.shared_row, p.fukushi, 2023, "progress"};
  const cell_key shared_shakyo{p.shared_row, p.shakyo, 2023, "progress"};
  const cell_key content{p.shared_row, 0, 0, "content"};
  const cell_key marks{p.solo_row, 0, 2024, "marks"};
  cells_ = {solo, shared_fukushi, shared_shakyo, content, marks};
  auto replica_of = [&](const std::string& login) {
    return signed_in_replica(dir / (login + ".replica"), url_, login, login + "-pc");
  };
  clients.push_back({"fukushi1", replica_of("fukushi1"), {solo, shared_fukushi}});
  clients.push_back({"shakyo1", replica_of("shakyo1"), {shared_shakyo}});
  clients.push_back({"coord", replica_of("coord"), {solo, shared_shakyo, content, marks}});
  for (auto& c : clients) REQUIRE(sync(c));
}

result<client::sync_report> random_workload::sync(workload_client& c,
                                                  std::chrono::seconds deadline) {
  recording_transport t(client::make_http_transport(url_, *c.r.setting("token"), deadline), bases_);
  auto report = client::sync(c.r, t);
  if (!report) ++done.failed_syncs;
  return report;
}

void random_workload::act(std::mt19937& random) {
  const int step = step_++;
  const std::size_t who = random() % clients.size();
  auto& c = clients[who];
  const entry_key solo_entry{p_.solo_row, p_.fukushi, 2023};
  const entry_key shared_shakyo_entry{p_.shared_row, p_.shakyo, 2023};
  switch (random() % 9) {
    case 0:
    case 1: {  // edit
      const auto& key = c.writable[random() % c.writable.size()];
      const std::string value =
          key.field == "marks" ? (random() % 2 ? "●" : "○") : c.login + "-" + std::to_string(step);
      // Refused offline only when the entry is locked (submitted or
      // accepted, as this replica last saw it); then nothing is queued.
      auto written = c.r.edit(key, value);
      if (!written) {
        REQUIRE(written.error().code == errc::locked);
        break;
      }
      last_intent_[{who, key}] = value;
      break;
    }
    case 2:  // sync
      (void)sync(c);
      break;
    case 3: {  // sync over a connection cut somewhere
      if (cuts_ == nullptr) break;
      const int before = cuts_->cuts();
      cuts_->cut_after(1 + random() % 3000);
      (void)sync(c);
      cuts_->cut_after(0);
      done.cuts += cuts_->cuts() - before;
      break;
    }
    case 4:  // crash mid-push: changes marked in flight, never answered
      done.resends += static_cast<int>(
          c.r.begin_push(1 + random() % 3, client::sync_options{}.push_bytes).size());
      break;
    case 5: {  // by file; a third of the answers are lost on the way back
      for (const auto& o : c.r.outbox()) {
        if (!o.refused) bases_[o.change.change_id] = o.change.base_version;
      }
      auto server = server_store_();
      auto answer = server::answer_bundle(server, c.r.export_bundle().value());
      REQUIRE(answer);
      if (random() % 3 != 0) REQUIRE(c.r.import_answer(answer->answer));
      ++done.bundles;
      break;
    }
    case 6: {  // resolve a conflict this user sees, one way or another
      const auto open = c.r.db().open_conflicts(p_.plan_id);
      if (open.empty()) break;
      const auto& k = open[random() % open.size()];
      const char* how[] = {"server", "incoming", "merged"};
      const std::string choice = how[random() % 3];
      if (c.r.queue_resolution(
              k.id, choice,
              choice == "merged" ? c.login + "-merged-" + std::to_string(step) : std::string()))
        ++done.resolutions;
      break;
    }
    case 7: {  // a workflow step of the user's role (refused ones stay, with the reason)
      const bool coordinator = c.login == "coord";
      const auto& e = c.login == "shakyo1" ? shared_shakyo_entry : solo_entry;
      const entry_action steps[] = {entry_action::return_, entry_action::accept,
                                    entry_action::reopen};
      const auto action = coordinator ? steps[random() % 3] : entry_action::submit;
      if (c.r.queue_transition(e, action,
                               action == entry_action::return_ ? "確認してください" : ""))
        ++done.steps;
      break;
    }
    case 8: {  // a comment
      const auto& e = c.login == "shakyo1" ? shared_shakyo_entry : solo_entry;
      if (c.r.queue_comment(e, c.login + " のコメント " + std::to_string(step))) ++done.comments;
      break;
    }
  }
}

void random_workload::settle_then_check() {
  for (int round = 0; round < 3; ++round) {
    for (auto& c : clients) {
      auto synced = sync(c, std::chrono::seconds(60));
      INFO(c.login << ", round " << round);
      REQUIRE(synced);
    }
  }
  auto server = server_store_();
  for (auto& c : clients) {
    INFO(c.login);
    CHECK(c.r.status().pending == 0);
    const auto scope = feed_scope::of(c.r.who()->as_actor());
    CHECK(visible_content(c.r.db(), p_.plan_id, scope) ==
          visible_content(server, p_.plan_id, scope));
  }
  // Every user's last value of a cell reached the server (its history,
  // or a conflict, resolved since or not), or is still on their screen,
  // refused with the reason (an entry submitted or accepted meanwhile).
  auto in_a_conflict = server.db().prepare(
      "SELECT count(*) FROM conflicts WHERE item_id = ? AND department_id = ? AND year = ?"
      " AND field = ? AND incoming_value = ?");
  for (const auto& [at, value] : last_intent_) {
    const auto& key = at.second;
    bool reached = false;
    for (const auto& h : server.history_of(key)) reached |= h.new_value == value;
    in_a_conflict.bind(1, key.item_id).bind(2, key.department_id).bind(3, key.year);
    in_a_conflict.bind(4, key.field).bind(5, value);
    in_a_conflict.step();
    reached |= in_a_conflict.int64(0) > 0;
    in_a_conflict.reset();
    for (const auto& o : clients[at.first].r.outbox())
      reached |=
          o.refused && o.reason_code == "locked" && o.change.key == key && o.change.value == value;
    INFO(clients[at.first].login << " " << to_string(key) << " = " << value);
    CHECK(reached);
  }
  // Each applied change was based on the version before it; a resolution
  // (change id resolve:…) writes the decided value on the current one.
  for (const auto& key : cells_) {
    version_t previous = 0;
    for (const auto& h : server.history_of(key)) {
      INFO(to_string(key) << " seq " << h.seq << " change " << h.change_id);
      if (!h.change_id.starts_with("resolve:")) {
        REQUIRE(bases_.contains(h.change_id));
        CHECK(bases_.at(h.change_id) == previous);
      }
      previous = h.seq;
    }
  }
  // No sender's change id was applied twice.
  auto twice = server.db().prepare(
      "SELECT count(*) FROM (SELECT 1 FROM history GROUP BY change_id, user_name, device"
      " HAVING count(*) > 1)");
  twice.step();
  CHECK(twice.int64(0) == 0);
}

}  // namespace matome::test
