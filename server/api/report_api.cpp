// Read-only views: a cell's history and the coordinator's dashboard.
#include <algorithm>
#include <map>

#include "api/json.h"
#include "api/router.h"
#include "matome/domain/fiscal_year.h"
#include "matome/report/dashboard.h"

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

  const auto board = compute_dashboard(ctx.db, ctx.plan->plan.id, year, utc_now_iso().substr(0, 10),
                                       ctx.db.due_date(ctx.plan->plan.id, year));

  json::writer w;
  w.begin_object().member("year", year).member("label", fiscal_year_label(year));
  w.key("due_date");
  if (board.due_date) {
    w.value(*board.due_date);
  } else {
    w.raw().Null();
  }
  w.member("past_due", board.past_due).key("departments").begin_array();
  for (const auto& row : board.departments) {
    w.begin_object()
        .member("id", row.department.id)
        .member("code", row.department.code)
        .member("name", row.department.name)
        .key("counts")
        .begin_object();
    for (const auto& [status, n] : row.counts) w.member(to_string(status), n);
    w.end_object().member("total", row.total).member("submitted_or_accepted", row.handed_in);
    w.member("percent_complete", row.percent_complete);
    w.member("overdue", row.overdue).end_object();
  }
  w.end_array().key("still_to_submit").begin_array();
  for (const auto& name : board.still_to_submit) w.value(name);
  w.end_array().end_object();
  return json_response(w.str());
}

}  // namespace

void add_report_routes(std::vector<route>& routes) {
  routes.push_back({"GET", "/api/v1/plans/{plan}/history", access::signed_in, history});
  routes.push_back({"GET", "/api/v1/plans/{plan}/dashboard", access::coordinator, dashboard});
}

}  // namespace matome::server
