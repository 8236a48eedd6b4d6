#include "matome/client/sync_engine.h"

#include <future>

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
// replica's cursor stands once the page is written.
result<void> pull_all(replica& local, transport& server, record_id plan_id,
                      const sync_options& options, sync_report& report) {
  auto page = server.pull(plan_id, local.cursor(), options.page_size);
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

}  // namespace

result<sync_report> sync(replica& local, transport& server, const sync_options& options) {
  auto id = local.who();
  if (!id) return make_error(errc::unauthenticated, "サインインしてから同期してください。");
  sync_report report;
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

  // Push. Every round settles what it sent (at least one change), so the
  // rounds end; the bound only guards against a server that answers for
  // other change ids.
  const auto before = local.count_outbox();
  for (int round = 0; round < before.pending + 16; ++round) {
    auto changes = local.begin_push(options.push_batch, options.push_bytes);
    if (changes.empty()) break;
    wire::push_request request;
    request.plan_id = id->plan_id;
    request.changes = std::move(changes);
    request.timeline = timeline;
    auto response = server.push(request);
    if (!response) return response.error();
    local.record_outcomes(response->outcomes);
    report.sent += static_cast<int>(request.changes.size());
    for (const auto& o : response->outcomes) {
      report.applied += o.kind == outcome_kind::applied;
      report.conflicts += o.kind == outcome_kind::conflict;
    }
  }
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

  if (auto ok = pull_all(local, server, id->plan_id, options, report); !ok) return ok.error();
  report.cursor = local.cursor();
  local.set_setting("last_sync", local.now());
  return report;
}

}  // namespace matome::client
