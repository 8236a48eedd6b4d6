// Entries and their workflow: read an entry, move it (submit, return,
// accept, reopen, ...), comment on it, finalize a year, set a due date.
#include <algorithm>

#include "api/json.h"
#include "api/router.h"
#include "matome/domain/fiscal_year.h"

namespace matome::server {
namespace {

result<entry_key> entry_of(const request_context& ctx) {
  auto item = int_param(ctx, "item");
  if (!item) return item.error();
  auto department = int_param(ctx, "department");
  if (!department) return department.error();
  auto year = int_param(ctx, "year");
  if (!year) return year.error();
  entry_key key{*item, *department, static_cast<int>(*year)};
  const plan_item* row = ctx.plan->find_item(key.item_id);
  if (row == nullptr || !ctx.plan->plan.is_row(*row) ||
      std::ranges::find(row->owner_ids, key.department_id) == row->owner_ids.end()) {
    return make_error(errc::not_found, "その報告（事業 " + std::to_string(key.item_id) +
                                           "・担当課 " + std::to_string(key.department_id) +
                                           "）はありません。");
  }
  const auto& who = ctx.who->user;
  if (who.role != role::coordinator && who.department_id != key.department_id) {
    return make_error(errc::forbidden, "他の担当課の報告は見られません。");
  }
  return key;
}

void write_entry(json::writer& w, const entry& e) {
  w.begin_object().key("entry").begin_object();
  w.member("item", e.key.item_id)
      .member("department", e.key.department_id)
      .member("year", e.key.year);
  w.end_object().member("status", to_string(e.status)).member("status_label", label_ja(e.status));
  w.member("version", e.version).end_object();
}

result<api_response> show_entry(request_context& ctx) {
  auto key = entry_of(ctx);
  if (!key) return key.error();
  json::writer w;
  w.begin_object().key("entry");
  write_entry(w, ctx.db.find_entry(*key));
  w.key("cells").begin_array();
  for (const auto& c : ctx.db.cells_of_entry(*key)) {
    w.begin_object()
        .member("field", c.key.field)
        .member("value", c.value)
        .member("version", c.version)
        .end_object();
  }
  w.end_array().key("comments").begin_array();
  for (const auto& c : ctx.db.comments_of(*key)) {
    w.begin_object()
        .member("id", c.id)
        .member("author", c.author)
        .member("body", c.body)
        .member("at", c.at);
    w.end_object();
  }
  w.end_array().end_object();
  return json_response(w.str());
}

result<api_response> move_entry(request_context& ctx) {
  auto key = entry_of(ctx);
  if (!key) return key.error();
  const auto& name = ctx.params.at("action");
  auto action = parse_entry_action(name);
  if (!action || *action == entry_action::edit) {
    return make_error(errc::not_found,
                      "\"" + name +
                          "\" is not a workflow step; use submit, approve, send_back,"
                          " accept, return or reopen");
  }
  std::string comment;
  if (!ctx.request.body.empty()) {
    auto body = json::parse_object(ctx.request.body);
    if (!body) return body.error();
    auto text = json::optional_string(*body, "comment");
    if (!text) return text.error();
    comment = std::move(*text);
  }
  auto moved = ctx.db.transition(*ctx.plan, ctx.who->as_actor(), *key, *action, comment);
  if (!moved) return moved.error();
  json::writer w;
  write_entry(w, *moved);
  auto r = json_response(w.str());
  r.notify_seq = ctx.db.last_seq();
  r.notify_departments.insert(key->department_id);
  return r;
}

result<api_response> add_comment(request_context& ctx) {
  auto key = entry_of(ctx);
  if (!key) return key.error();
  auto body = json::parse_object(ctx.request.body);
  if (!body) return body.error();
  auto text = json::required_string(*body, "body");
  if (!text) return text.error();
  auto id = ctx.db.add_comment(*ctx.plan, ctx.who->as_actor(), *key, *text);
  if (!id) return id.error();
  json::writer w;
  w.begin_object().member("id", *id).end_object();
  auto r = json_response(w.str(), 201);
  r.notify_seq = ctx.db.last_seq();
  r.notify_departments.insert(key->department_id);
  return r;
}

result<int> year_param(const request_context& ctx) {
  auto year = int_param(ctx, "year");
  if (!year) return year.error();
  return static_cast<int>(*year);
}

result<api_response> finalize(request_context& ctx) {
  auto year = year_param(ctx);
  if (!year) return year.error();
  if (auto done = ctx.db.finalize_year(ctx.plan->plan.id, ctx.who->as_actor(), *year); !done)
    return done.error();
  json::writer w;
  w.begin_object()
      .member("year", *year)
      .member("label", fiscal_year_label(*year))
      .member("finalized", true);
  w.end_object();
  auto r = json_response(w.str());
  r.notify_seq = ctx.db.last_seq();
  r.notify_departments.insert(0);
  return r;
}

result<api_response> set_due_date(request_context& ctx) {
  auto year = year_param(ctx);
  if (!year) return year.error();
  auto body = json::parse_object(ctx.request.body);
  if (!body) return body.error();
  auto date = json::required_string(*body, "due_date");
  if (!date) return date.error();
  if (auto set = ctx.db.set_due_date(ctx.plan->plan.id, ctx.who->as_actor(), *year, *date); !set) {
    return set.error();
  }
  json::writer w;
  w.begin_object().member("year", *year).member("due_date", *date).end_object();
  return json_response(w.str());
}

}  // namespace

void add_workflow_routes(std::vector<route>& routes) {
  routes.push_back({"GET", "/api/v1/plans/{plan}/entries/{item}/{department}/{year}",
                    access::signed_in, show_entry});
  routes.push_back({"POST", "/api/v1/plans/{plan}/entries/{item}/{department}/{year}/comments",
                    access::signed_in, add_comment});
  routes.push_back({"POST", "/api/v1/plans/{plan}/entries/{item}/{department}/{year}/{action}",
                    access::signed_in, move_entry});
  routes.push_back(
      {"POST", "/api/v1/plans/{plan}/years/{year}/finalize", access::coordinator, finalize});
  routes.push_back(
      {"PUT", "/api/v1/plans/{plan}/years/{year}/due-date", access::coordinator, set_due_date});
}

}  // namespace matome::server
