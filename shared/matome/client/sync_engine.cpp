#include "matome/client/sync_engine.h"

#include <deque>
#include <future>
#include <optional>
#include <set>

namespace matome::client {
namespace {

result<void> refresh_structure(replica& local, transport& server, record_id plan_id) {
  auto snapshot = server.snapshot(plan_id);
  if (!snapshot) return snapshot.error();
  local.take_structure(*snapshot);
  return {};
}

// Pulls until up to date. The next page is asked for while this one is
// written to the replica: the server's reading and encoding and the
// network overlap the replica's writing (a first pull of a large plan is
// a dozen pages). It starts from this page's cursor, which is where the
// replica's cursor stands once the page is written. `first`, when given,
// is the first page asked for from the start (a first sync): taken if the
// replica still stands there.
result<void> pull_all(replica& local, transport& server, record_id plan_id,
                      const sync_options& options, sync_report& report,
                      std::future<result<wire::pull_page>> first = {}) {
  auto page = first.valid() && local.cursor() == 0
                  ? first.get()
                  : server.pull(plan_id, local.cursor(), options.page_size);
  for (;;) {
    if (!page) return page.error();
    std::future<result<wire::pull_page>> next;
    if (page->more) {
      next = std::async(std::launch::async,
                        [&server, plan_id, since = page->cursor, size = options.page_size] {
                          return server.pull(plan_id, since, size);
                        });
    }
    if (page->structure_version != local.db().structure_version(plan_id)) {
      if (auto ok = refresh_structure(local, server, plan_id); !ok) return ok.error();
    }
    local.db().apply_feed(plan_id, *page);
    report.received += static_cast<int>(page->size());
    if (!page->more) return {};
    page = next.get();
  }
}

// Pushes the outbox with two batches in flight: the next batch is taken
// from the outbox and sent while the server applies the last one, so the
// client's encoding, the network and the server's reading of a request
// overlap the server's applying of the one before (the server applies one
// batch at a time). The two never hold the same cell: an edit typed while
// its change is in flight waits in the outbox until the answer.
// Every round settles what it sent (at least one change), so the rounds
// end; the bound only guards against a server that answers for other
// change ids.
result<void> push_all(replica& local, transport& server, const identity& id,
                      const std::string& timeline, const outbox_counts& before,
                      const sync_options& options, sync_report& report) {
  struct flight {
    wire::push_request request;
    // Declared after the request, so destroyed first: an async future's
    // destructor waits for the push, which reads the request (if a replica
    // write throws while a push is in flight).
    std::future<result<wire::push_response>> answer;
  };
  std::deque<flight> flying;
  std::set<std::string> sending;
  std::optional<error> failed;
  // Waits for the oldest batch and stores its outcomes; after a failure,
  // still stores what the other batch got, so it is not sent again.
  const auto land_oldest = [&] {
    // The request stays where it is until its answer is in: the push reads it.
    auto response = flying.front().answer.get();
    const flight f = std::move(flying.front());
    flying.pop_front();
    for (const auto& c : f.request.changes) sending.erase(c.change_id);
    if (!response) {
      if (!failed) failed = response.error();
      return;
    }
    local.record_outcomes(response->outcomes);
    report.sent += static_cast<int>(f.request.changes.size());
    for (const auto& o : response->outcomes) {
      report.applied += o.kind == outcome_kind::applied;
      report.conflicts += o.kind == outcome_kind::conflict;
    }
  };
  for (int round = 0; round < before.pending + 16 && !failed; ++round) {
    auto changes = local.begin_push(options.push_batch, options.push_bytes, sending);
    if (changes.empty()) break;
    // In place first: a deque keeps its elements where they are as it
    // grows and shrinks at the ends, and the push refers to its request.
    auto& f = flying.emplace_back();
    f.request.plan_id = id.plan_id;
    f.request.changes = std::move(changes);
    f.request.timeline = timeline;
    for (const auto& c : f.request.changes) sending.insert(c.change_id);
    f.answer = std::async(std::launch::async,
                          [&server, &request = f.request] { return server.push(request); });
    if (flying.size() == 2) land_oldest();
  }
  while (!flying.empty()) land_oldest();
  if (failed) return *failed;
  return {};
}

}  // namespace

result<sync_report> sync(replica& local, transport& server, const sync_options& options) {
  auto id = local.who();
  if (!id) return make_error(errc::unauthenticated, "サインインしてから同期してください。");
  sync_report report;
  // A first sync (nothing pulled, no structure yet) asks for its first
  // page at once: the server reads and encodes it while the view and the
  // plan's structure are fetched, the wait before a new computer's replica
  // starts filling.
  std::future<result<wire::pull_page>> first_page;
  if (local.cursor() == 0 && local.db().structure_version(id->plan_id) == 0) {
    first_page =
        std::async(std::launch::async, [&server, plan_id = id->plan_id, size = options.page_size] {
          return server.pull(plan_id, 0, size);
        });
  }
  auto view = server.view(local.cursor());
  if (!view) return view.error();
  // A user moved to another department or role sees other rows now, older
  // ones included: pulled again from the start (replica::change_scope).
  if (view->department_id != id->department_id || view->role != id->role) {
    local.change_scope(view->department_id, view->role);
    report.scope_changed = true;
  }
  // A restored server hands out its numbers again: nothing numbered before
  // is trusted. Pull everything anew, then rebase the unsent edits and the
  // own values it lost on what it has now, before anything is pushed.
  if (!view->timeline.empty()) {
    const auto known = local.server_timeline();
    if (!known) {
      local.set_setting("server_timeline", view->timeline);
    } else if (*known != view->timeline) {
      local.begin_timeline(view->timeline);
      report.rewound = true;
    }
  }
  if (local.rebasing()) {
    // Structure numbers belong to the old timeline too: fetched, not compared.
    if (auto ok = refresh_structure(local, server, id->plan_id); !ok) return ok.error();
    if (auto ok = pull_all(local, server, id->plan_id, options, report); !ok) return ok.error();
    report.resent = local.finish_timeline();
    report.rewound = true;
  }
  const auto timeline = local.server_timeline().value_or("");
  if (local.db().structure_version(id->plan_id) == 0) {
    if (auto ok = refresh_structure(local, server, id->plan_id); !ok) return ok.error();
  }

  const auto before = local.count_outbox();
  if (auto ok = push_all(local, server, *id, timeline, before, options, report); !ok)
    return ok.error();
  // By the server, or here before sending (replica::begin_push).
  report.refused = local.count_outbox().refused - before.refused;

  // Then the actions, in the order they were made, after the edits they
  // may depend on (a submit after its last edits).
  for (int round = 0; round < 64; ++round) {
    auto actions = local.begin_actions(options.push_batch);
    if (actions.empty()) break;
    wire::action_request request;
    request.plan_id = id->plan_id;
    request.actions = std::move(actions);
    request.timeline = timeline;
    auto response = server.push_actions(request);
    if (!response) return response.error();
    local.record_action_outcomes(response->outcomes);
    for (const auto& o : response->outcomes) report.refused += !o.done;
    report.actions += static_cast<int>(request.actions.size());
  }

  if (auto ok = pull_all(local, server, id->plan_id, options, report, std::move(first_page)); !ok)
    return ok.error();
  report.cursor = local.cursor();
  local.set_setting("last_sync", local.now());
  return report;
}

}  // namespace matome::client
