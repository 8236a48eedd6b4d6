// Randomized convergence with fixed seeds: several replicas edit, sync, get
// cut off mid-sync, "crash" with changes in flight, and sync by file (with
// some answer files lost on the way back), in random order.
// Afterwards, checked against the real server's history:
//  - every replica equals the server, for what its user may see;
//  - every client's last value for a cell reached the server: in the cell's
//    history, or kept as the incoming value of a conflict (nothing lost);
//  - every applied change was based on exactly the version it replaced, so
//    no edit ever overwrote one its author had not seen (every concurrent
//    same-cell edit became a conflict).
#include <catch2/catch.hpp>
#include <map>
#include <random>

#include "client/client_fixture.h"
#include "support/catch_result.h"
#include "support/cut_proxy.h"
#include "sync/bundle_service.h"

using namespace matome;
using namespace matome::test;

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
    for (const auto& c : request.changes) bases_[c.change_id] = c.base_version;
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
};

struct actor_replica {
  std::string login;
  client::replica r;
  std::vector<cell_key> writable;
};

}  // namespace

TEST_CASE(
    "random edits, steps, resolutions, syncs, cuts and crashes converge without losing anything",
    "[client][convergence]") {
  int total_conflicts = 0, total_cuts = 0, total_resends = 0, total_bundles = 0;
  int total_resolutions = 0, total_steps = 0, total_comments = 0;
  for (unsigned seed : {1u, 2u, 3u}) {
    INFO("seed " << seed);
    client_fixture f;
    cut_proxy proxy(f.server->port());
    std::mt19937 random(seed);
    std::map<std::string, version_t> bases;

    const cell_key solo{f.p.solo_row, f.p.fukushi, 2023, "progress"};
    const cell_key shared_fukushi{f.p.shared_row, f.p.fukushi, 2023, "progress"};
    const cell_key shared_shakyo{f.p.shared_row, f.p.shakyo, 2023, "progress"};
    const cell_key content{f.p.shared_row, 0, 0, "content"};
    const cell_key marks{f.p.solo_row, 0, 2024, "marks"};
    std::vector<actor_replica> clients;
    clients.push_back({"fukushi1", f.sign_in("fukushi1", proxy.port()), {solo, shared_fukushi}});
    clients.push_back({"shakyo1", f.sign_in("shakyo1", proxy.port()), {shared_shakyo}});
    clients.push_back(
        {"coord", f.sign_in("coord", proxy.port()), {solo, shared_shakyo, content, marks}});

    std::map<std::pair<std::size_t, cell_key>, std::string> last_intent;
    auto sync_through_proxy = [&](actor_replica& c) {
      recording_transport t(client::make_http_transport(f.url(proxy.port()), *c.r.setting("token"),
                                                        std::chrono::seconds(5)),
                            bases);
      return client::sync(c.r, t);
    };

    const entry_key solo_entry{f.p.solo_row, f.p.fukushi, 2023};
    const entry_key shared_shakyo_entry{f.p.shared_row, f.p.shakyo, 2023};
    for (int step = 0; step < 200; ++step) {
      const std::size_t who = random() % clients.size();
      auto& c = clients[who];
      switch (random() % 9) {
        case 0:
        case 1: {  // edit
          const auto& key = c.writable[random() % c.writable.size()];
          const std::string value = key.field == "marks" ? (random() % 2 ? "●" : "○")
                                                         : c.login + "-" + std::to_string(step);
          // Refused offline only when the entry is locked (submitted or
          // accepted, as this replica last saw it); then nothing is queued.
          auto written = c.r.edit(key, value);
          if (!written) {
            REQUIRE(written.error().code == errc::locked);
            break;
          }
          last_intent[{who, key}] = value;
          break;
        }
        case 2:  // sync
          (void)sync_through_proxy(c);
          break;
        case 3: {  // sync over a connection cut somewhere
          proxy.cut_after(1 + random() % 3000);
          (void)sync_through_proxy(c);
          proxy.cut_after(0);
          break;
        }
        case 4:  // crash mid-push: changes marked in flight, never answered
          total_resends += static_cast<int>(
              c.r.begin_push(1 + random() % 3, client::sync_options{}.push_bytes).size());
          break;
        case 5: {  // by file; a third of the answers are lost on the way back
          for (const auto& o : c.r.outbox()) {
            if (!o.refused) bases[o.change.change_id] = o.change.base_version;
          }
          auto server = f.server_store();
          auto answer = server::answer_bundle(server, c.r.export_bundle().value());
          REQUIRE(answer);
          if (random() % 3 != 0) REQUIRE(c.r.import_answer(answer->answer));
          ++total_bundles;
          break;
        }
        case 6: {  // resolve a conflict this user sees, one way or another
          const auto open = c.r.db().open_conflicts(f.p.plan_id);
          if (open.empty()) break;
          const auto& k = open[random() % open.size()];
          const char* how[] = {"server", "incoming", "merged"};
          const std::string choice = how[random() % 3];
          if (c.r.queue_resolution(
                  k.id, choice,
                  choice == "merged" ? c.login + "-merged-" + std::to_string(step) : std::string()))
            ++total_resolutions;
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
            ++total_steps;
          break;
        }
        case 8: {  // a comment
          const auto& e = c.login == "shakyo1" ? shared_shakyo_entry : solo_entry;
          if (c.r.queue_comment(e, c.login + " のコメント " + std::to_string(step)))
            ++total_comments;
          break;
        }
      }
    }
    // Everyone comes online and syncs until nothing moves.
    for (int round = 0; round < 3; ++round) {
      for (auto& c : clients) REQUIRE(sync_through_proxy(c));
    }

    auto server = f.server_store();
    for (auto& c : clients) {
      INFO(c.login);
      CHECK(c.r.status().pending == 0);
      const auto scope = feed_scope::of(c.r.who()->as_actor());
      CHECK(visible_content(c.r.db(), f.p.plan_id, scope) ==
            visible_content(server, f.p.plan_id, scope));
    }
    const auto conflicts = server.open_conflicts(f.p.plan_id);
    total_conflicts += static_cast<int>(conflicts.size());
    total_cuts += proxy.cuts();
    // Every user's last value of a cell reached the server (its history,
    // or a conflict, resolved since or not), or is still on their screen,
    // refused with the reason (an entry submitted or accepted meanwhile).
    auto in_a_conflict = server.db().prepare(
        "SELECT count(*) FROM conflicts WHERE item_id = ? AND department_id = ? AND year = ?"
        " AND field = ? AND incoming_value = ?");
    for (const auto& [at, value] : last_intent) {
      const auto& key = at.second;
      bool reached = false;
      for (const auto& h : server.history_of(key)) reached |= h.new_value == value;
      in_a_conflict.bind(1, key.item_id).bind(2, key.department_id).bind(3, key.year);
      in_a_conflict.bind(4, key.field).bind(5, value);
      in_a_conflict.step();
      reached |= in_a_conflict.int64(0) > 0;
      in_a_conflict.reset();
      for (const auto& o : clients[at.first].r.outbox())
        reached |= o.refused && o.reason_code == "locked" && o.change.key == key &&
                   o.change.value == value;
      INFO(clients[at.first].login << " " << to_string(key) << " = " << value);
      CHECK(reached);
    }
    // Each applied change was based on the version before it; a resolution
    // (change id resolve:…) writes the decided value on the current one.
    for (const auto& key : {solo, shared_fukushi, shared_shakyo, content, marks}) {
      version_t previous = 0;
      for (const auto& h : server.history_of(key)) {
        INFO(to_string(key) << " seq " << h.seq << " change " << h.change_id);
        if (!h.change_id.starts_with("resolve:")) {
          REQUIRE(bases.contains(h.change_id));
          CHECK(bases.at(h.change_id) == previous);
        }
        previous = h.seq;
      }
    }
  }
  // The runs must have exercised what they claim to.
  CHECK(total_conflicts > 0);
  CHECK(total_cuts > 0);
  CHECK(total_resends > 0);
  CHECK(total_bundles > 0);
  CHECK(total_resolutions > 0);
  CHECK(total_steps > 0);
  CHECK(total_comments > 0);
}
