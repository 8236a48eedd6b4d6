// Read-only views: a cell's history and the coordinator's dashboard.
#include <algorithm>
#include <map>

#include "api/json.h"
#include "api/router.h"
#include "matome/domain/fiscal_year.h"

namespace matome::server {
namespace {

result<api_response> history(request_context& ctx) {
  cell_key key;
  auto item = query_int(ctx.request, "item", 0);
  auto department = query_int(ctx.request, "department", 0);
  auto year = query_int(ctx.request, "year", 0);
  if (!item) return item.error();
  if (!department) return department.error();
  if (!year) return year.error();
  auto field = ctx.request.query.find("field");
  if (*item == 0 || field == ctx.request.query.end()) {
    return make_error(errc::invalid_argument,
                      "history needs ?item=ID&field=KEY (and department, year)");
  }
  key = {*item, *department, static_cast<int>(*year), field->second};
  if (ctx.plan->find_item(key.item_id) == nullptr) {
    return make_error(errc::not_found,
                      "事業 " + std::to_string(key.item_id) + " はこの計画にありません。");
  }
  const auto& who = ctx.who->user;
  if (who.role != role::coordinator && !key.is_plan_cell() &&
      key.department_id != who.department_id) {
    return make_error(errc::forbidden, "他の担当課の履歴は見られません。");
  }
  json::writer w;
  w.begin_array();
  for (const auto& h : ctx.db.history_of(key)) {
    w.begin_object()
        .member("seq", h.seq)
        .member("old_value", h.old_value)
        .member("new_value", h.new_value);
    w.member("user", h.user)
        .member("device", h.device)
        .member("at", h.at)
        .member("change_id", h.change_id);
    w.end_object();
  }
  w.end_array();
  return json_response(w.str());
}

result<api_response> dashboard(request_context& ctx) {
  auto year_param = query_int(ctx.request, "year", ctx.plan->plan.report_year);
  if (!year_param) return year_param.error();
  const int year = static_cast<int>(*year_param);
  if (!ctx.plan->plan.contains_year(year))
    return make_error(errc::invalid_value, "その年度は計画期間の外です。");

  std::map<record_id, std::map<entry_status, int>> counts;
  for (const auto& c : ctx.db.status_counts(ctx.plan->plan.id, year))
    counts[c.department_id][c.status] = c.count;
  const auto due = ctx.db.due_date(ctx.plan->plan.id, year);
  const bool past_due = due && utc_now_iso().substr(0, 10) > *due;

  json::writer w;
  w.begin_object().member("year", year).member("label", fiscal_year_label(year));
  w.key("due_date");
  if (due) {
    w.value(*due);
  } else {
    w.raw().Null();
  }
  w.member("past_due", past_due).key("departments").begin_array();
  std::vector<std::string> still_to_submit;
  for (const auto& d : ctx.db.departments()) {
    auto it = counts.find(d.id);
    if (it == counts.end()) continue;  // owns no rows
    int total = 0;
    for (const auto& [status, n] : it->second) total += n;
    auto count_of = [&](entry_status s) { return it->second.contains(s) ? it->second.at(s) : 0; };
    const int accepted = count_of(entry_status::accepted);
    const int handed_in = accepted + count_of(entry_status::submitted);
    const int open = total - handed_in;
    if (open > 0) still_to_submit.push_back(d.name);
    w.begin_object()
        .member("id", d.id)
        .member("code", d.code)
        .member("name", d.name)
        .key("counts")
        .begin_object();
    for (auto s : {entry_status::not_started, entry_status::draft, entry_status::checking,
                   entry_status::submitted, entry_status::returned, entry_status::accepted}) {
      w.member(to_string(s), count_of(s));
    }
    w.end_object().member("total", total).member("submitted_or_accepted", handed_in);
    w.member("percent_complete", total == 0 ? 0 : (100 * accepted) / total);
    w.member("overdue", past_due ? open : 0).end_object();
  }
  w.end_array().key("still_to_submit").begin_array();
  for (const auto& name : still_to_submit) w.value(name);
  w.end_array().end_object();
  return json_response(w.str());
}

}  // namespace

void add_report_routes(std::vector<route>& routes) {
  routes.push_back({"GET", "/api/v1/plans/{plan}/history", access::signed_in, history});
  routes.push_back({"GET", "/api/v1/plans/{plan}/dashboard", access::coordinator, dashboard});
}

}  // namespace matome::server
