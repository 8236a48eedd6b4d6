// Sync: the plan's structure, push (apply a batch), pull (the change feed),
// and conflicts.
#include <spdlog/spdlog.h>

#include <type_traits>

#include "api/json.h"
#include "api/router.h"
#include "matome/wire/codec.h"
#include "matome/wire/push_answer.h"
#include "matome/wire/push_decode.h"
#include "sync/bundle_service.h"
#include "sync/timeline_check.h"

namespace matome::server {
namespace {

constexpr std::size_t max_changes_per_push = 10000;
constexpr std::int64_t default_page = 5000;
constexpr std::int64_t max_page = 50000;
// Pages this large are a catch-up (a first sync); the pull after a push
// asks for what is new, and its page is not full.
constexpr std::int64_t read_ahead_from = 1000;

// Base versions and cursors from another timeline mean nothing here: a
// client that has not yet noticed a restore must pull again first.
error rewound() {
  return {errc::stale,
          "サーバーのデータベースが以前の状態に戻されました（復元）。送った変更は適用せずに"
          "端末に残してあります。もう一度同期すると、最初から受け取り直してから送ります。"};
}

result<void> check_timeline(store& db, const std::string& client_timeline) {
  if (client_timeline.empty() || client_timeline == db.timeline()) return {};
  return rewound();
}

// The message is encoded later, off the database thread (render_body):
// a page of 20,000 cells or the outcomes of 1,000 changes would keep the
// one database thread from the next request while it encodes them.
template <class Message>
api_response message_response(const request_context& ctx, Message m) {
  api_response r;
  auto format = wire::format::json;
  if (wants_binary(ctx.request)) {
    r.content_type = std::string(binary_media_type);
    format = wire::format::binary;
  }
  r.encode_body = [message = std::make_shared<const Message>(std::move(m)), format] {
    if constexpr (std::is_same_v<Message, wire::push_response>) {
      // The same bytes as encode(), written directly (wire/push_answer.h).
      if (format == wire::format::binary) return wire::encode_push_answer(*message);
    }
    return wire::encode(*message, format);
  };
  return r;
}

result<api_response> snapshot(request_context& ctx) {
  wire::plan_snapshot s;
  s.structure_version = ctx.db.structure_version(ctx.plan->plan.id);
  s.plan = ctx.plan->plan;
  s.departments = ctx.db.departments();
  s.items = ctx.plan->items;
  return message_response(ctx, s);
}

result<api_response> push(request_context& ctx) {
  // Clients push JSON only: the server never decodes binary from a client
  // (see wire/codec.h for why).
  std::optional<result<wire::push_request>> decoded_here;
  const auto& request = ctx.request.decoded_push
                            ? *ctx.request.decoded_push
                            : decoded_here.emplace(wire::decode_push_request(ctx.request.body));
  if (!request) return request.error();
  if (request->plan_id != 0 && request->plan_id != ctx.plan->plan.id) {
    return make_error(errc::invalid_argument,
                      "\"plan\" in the body does not match the plan in the path");
  }
  if (auto same = check_timeline(ctx.db, request->timeline); !same) return same.error();
  if (request->changes.size() > max_changes_per_push) {
    return make_error(errc::too_large, "send at most " + std::to_string(max_changes_per_push) +
                                           " changes per request; split the batch");
  }
  wire::push_response response;
  response.outcomes = ctx.db.apply(*ctx.plan, ctx.who->as_actor(), request->changes);
  response.last_seq = ctx.db.last_seq();
  api_response::change_counts counts;
  std::set<record_id> departments;
  for (std::size_t i = 0; i < response.outcomes.size(); ++i) {
    const auto& o = response.outcomes[i];
    if (o.repeated) continue;
    switch (o.kind) {
      case outcome_kind::applied:
        ++counts.applied;
        break;
      case outcome_kind::conflict:
        ++counts.conflicts;
        break;
      case outcome_kind::refused:
        ++counts.refused;
        continue;
    }
    departments.insert(request->changes[i].key.department_id);
  }
  const auto last_seq = response.last_seq;
  auto r = message_response(ctx, std::move(response));
  r.changes = counts;
  r.notify_departments = std::move(departments);
  if (!r.notify_departments.empty()) r.notify_seq = last_seq;
  return r;
}

result<api_response> pull(request_context& ctx) {
  auto since = query_int(ctx.request, "since", 0);
  if (!since) return since.error();
  auto limit = query_int(ctx.request, "limit", default_page);
  if (!limit) return limit.error();
  if (*since < 0 || *limit < 1 || *limit > max_page) {
    return make_error(errc::invalid_argument,
                      "since must be ≥ 0 and limit between 1 and " + std::to_string(max_page));
  }
  if (*since > ctx.db.last_seq()) {
    timeline_seen_by(ctx.db, *since);
    return rewound();
  }
  const auto plan_id = ctx.plan->plan.id;
  const auto scope = feed_scope::of(ctx.who->as_actor());
  const auto page_size = static_cast<std::size_t>(*limit);
  wire::pull_page page;
  static_cast<feed_page&>(page) = ctx.db.pull(plan_id, scope, *since, page_size);
  // A client catching up in large pages asks for the next one as soon as
  // this one arrives: read it while this one travels.
  if (page.more && *limit >= read_ahead_from && ctx.later != nullptr) {
    (*ctx.later)([&db = ctx.db, plan_id, scope, cursor = page.cursor, page_size] {
      try {
        db.read_ahead(plan_id, scope, cursor, page_size);
      } catch (const std::exception& e) {
        // Nothing is kept; the pull reads for itself.
        spdlog::warn(
            "reading a pull page ahead failed ({}); nothing to do: the client's next pull reads "
            "the page itself",
            e.what());
      }
    });
  }
  auto r = message_response(ctx, std::move(page));
  r.pull_page = true;
  return r;
}

bool may_see(const session& who, const cell_key& key) {
  return who.user.role == role::coordinator ||
         (!key.is_plan_cell() && key.department_id == who.user.department_id);
}

void write_conflict(json::writer& w, const conflict_record& c) {
  w.begin_object().member("id", c.id).key("cell").begin_object();
  w.member("item", c.key.item_id)
      .member("department", c.key.department_id)
      .member("year", c.key.year);
  w.member("field", c.key.field).end_object();
  w.member("base_version", c.base_version).member("base_value", c.base_value);
  w.member("server_version", c.server_version).member("server_value", c.server_value);
  w.member("incoming_value", c.incoming_value).member("user", c.user).member("device", c.device);
  w.member("created_at", c.created_at).member("resolved", c.resolved);
  if (c.resolved) {
    w.member("resolved_value", c.resolved_value).member("resolved_by", c.resolved_by);
    w.member("resolved_at", c.resolved_at);
  }
  w.end_object();
}

result<api_response> conflicts(request_context& ctx) {
  json::writer w;
  w.begin_array();
  for (const auto& c : ctx.db.open_conflicts(ctx.plan->plan.id)) {
    if (may_see(*ctx.who, c.key)) write_conflict(w, c);
  }
  w.end_array();
  return json_response(w.str());
}

result<api_response> resolve(request_context& ctx) {
  auto id = int_param(ctx, "conflict");
  if (!id) return id.error();
  auto body = json::parse_object(ctx.request.body);
  if (!body) return body.error();
  auto take = json::required_string(*body, "take");
  if (!take) return take.error();
  auto value = json::optional_string(*body, "value");
  if (!value) return value.error();
  // The server version of the cell the resolver was shown; without it the
  // resolution applies to whatever the cell holds now.
  version_t seen_version = 0;
  if (body->HasMember("server_version")) {
    const auto& v = (*body)["server_version"];
    if (!v.IsInt64() || v.GetInt64() < 0) {
      return make_error(errc::invalid_argument, "\"server_version\" must be a version number");
    }
    seen_version = v.GetInt64();
  }
  store::resolution how;
  if (*take == "server") {
    how = store::resolution::keep_server;
  } else if (*take == "incoming") {
    how = store::resolution::take_incoming;
  } else if (*take == "merged" && body->HasMember("value")) {
    how = store::resolution::merged;
  } else {
    return make_error(errc::invalid_argument,
                      "\"take\" must be \"server\", \"incoming\", or \"merged\" with a \"value\"");
  }
  auto resolved =
      ctx.db.resolve_conflict(*ctx.plan, ctx.who->as_actor(), *id, how, *value, seen_version);
  if (!resolved) return resolved.error();
  json::writer w;
  write_conflict(w, *resolved);
  auto r = json_response(w.str());
  r.notify_seq = ctx.db.last_seq();
  r.notify_departments.insert(resolved->key.department_id);
  return r;
}

// Workflow steps, resolutions and comments made offline, each applied at
// most once per action id.
result<api_response> apply_actions(request_context& ctx) {
  auto request = wire::decode<wire::action_request>(ctx.request.body, wire::format::json);
  if (!request) return request.error();
  if (request->plan_id != 0 && request->plan_id != ctx.plan->plan.id) {
    return make_error(errc::invalid_argument,
                      "\"plan\" in the body does not match the plan in the path");
  }
  if (auto same = check_timeline(ctx.db, request->timeline); !same) return same.error();
  if (request->actions.size() > max_changes_per_push) {
    return make_error(errc::too_large, "send at most " + std::to_string(max_changes_per_push) +
                                           " actions per request");
  }
  wire::action_response response;
  response.outcomes = ctx.db.apply_actions(*ctx.plan, ctx.who->as_actor(), request->actions);
  response.last_seq = ctx.db.last_seq();
  std::set<record_id> departments;
  for (std::size_t i = 0; i < response.outcomes.size(); ++i) {
    if (!response.outcomes[i].done || response.outcomes[i].repeated) continue;
    departments.insert(request->actions[i].entry.department_id);
  }
  const auto last_seq = response.last_seq;
  auto r = message_response(ctx, std::move(response));
  r.notify_departments = std::move(departments);
  if (!r.notify_departments.empty()) {
    r.notify_seq = last_seq;
    r.notify_departments.insert(0);  // a resolution's cell may be a plan cell
  }
  return r;
}

// A coordinator's client forwards a department's bundle and carries the
// answer back; the bundle's own signature says whose changes they are.
result<api_response> forward_bundle(request_context& ctx) {
  auto answered = answer_bundle(ctx.db, ctx.request.body);
  if (!answered) return answered.error();
  api_response r;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::move(answered->answer);
  if (!answered->departments.empty()) {
    r.notify_seq = answered->last_seq;
    r.notify_departments = std::move(answered->departments);
  }
  return r;
}

}  // namespace

void add_sync_routes(std::vector<route>& routes) {
  routes.push_back({"GET", "/api/v1/plans/{plan}", access::signed_in, snapshot});
  routes.push_back({"POST", "/api/v1/plans/{plan}/changes", access::signed_in, push});
  routes.push_back({"GET", "/api/v1/plans/{plan}/changes", access::signed_in, pull});
  routes.push_back({"GET", "/api/v1/plans/{plan}/conflicts", access::signed_in, conflicts});
  routes.push_back(
      {"POST", "/api/v1/plans/{plan}/conflicts/{conflict}/resolve", access::signed_in, resolve});
  routes.push_back({"POST", "/api/v1/plans/{plan}/actions", access::signed_in, apply_actions});
  routes.push_back({"POST", "/api/v1/bundles", access::coordinator, forward_bundle});
}

}  // namespace matome::server
