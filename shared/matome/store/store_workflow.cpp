// The entry workflow, year finalization and comment threads. Every status
// change is numbered from the change sequence (so it replicates like a cell)
// and recorded in the history under the pseudo-field "_status".
#include <algorithm>

#include "matome/domain/fiscal_year.h"
#include "matome/store/cell_writer.h"
#include "matome/store/store.h"

namespace matome {
namespace {

result<const plan_item*> find_entry_row(const plan_index& index, const entry_key& key) {
  const plan_item* item = index.find_item(key.item_id);
  if (item == nullptr || !index.plan.is_row(*item)) {
    return make_error(errc::not_found,
                      "事業 " + std::to_string(key.item_id) + " はこの計画にありません。");
  }
  if (std::ranges::find(item->owner_ids, key.department_id) == item->owner_ids.end()) {
    return make_error(errc::not_found, "この担当課は「" + item->title + "」の担当ではありません。");
  }
  if (!index.plan.contains_year(key.year)) {
    return make_error(errc::invalid_value, fiscal_year_label(key.year) + "は計画期間の外です。");
  }
  return item;
}

}  // namespace

result<entry> store::transition(const plan_index& index, const actor& who, const entry_key& key,
                                entry_action action, std::string_view comment) {
  auto item = find_entry_row(index, key);
  if (!item) return item.error();
  if (action == entry_action::edit) {
    return make_error(errc::invalid_argument, "edit is not a workflow step; write a cell instead");
  }
  const bool own_department_step = action == entry_action::submit ||
                                   action == entry_action::approve ||
                                   action == entry_action::send_back;
  if (own_department_step && who.role != role::coordinator &&
      who.department_id != key.department_id) {
    return make_error(errc::forbidden, "他の担当課の報告は提出・承認できません。");
  }
  if (action == entry_action::return_ && comment.empty()) {
    return make_error(errc::invalid_value, "差戻しには理由のコメントが必要です。");
  }

  sqlite::transaction tx(db_);
  if (is_finalized(index.plan.id, key.year)) {
    return make_error(errc::locked,
                      fiscal_year_label(key.year) + "は確定済みのため変更できません。");
  }
  const entry current = find_entry(key);
  auto next = next_status(current.status, action, who.role, index.plan.department_check);
  if (!next) return next.error();
  if (action == entry_action::submit) {
    const auto cells = cells_of_entry(key);
    auto value_of = [&](std::string_view field) {
      auto it = std::ranges::find(cells, field,
                                  [](const cell& c) { return std::string_view(c.key.field); });
      return it == cells.end() ? std::string() : it->value;
    };
    if (auto problem = check_ready_to_submit(index.plan.tmpl, value_of))
      return make_error(errc::invalid_value, problem->message);
  }

  const std::string now = clock_();
  const auto seq = next_seq();
  auto upsert = db_.prepare(
      "INSERT INTO entries(item_id, department_id, year, status, version, accepted_version)"
      " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(item_id, department_id, year) DO UPDATE SET"
      " status = excluded.status, version = excluded.version,"
      " accepted_version = excluded.accepted_version");
  const std::int64_t accepted_version =
      *next == entry_status::accepted ? seq : current.accepted_version;
  upsert.bind(1, key.item_id)
      .bind(2, key.department_id)
      .bind(3, key.year)
      .bind(4, to_string(*next));
  upsert.bind(5, seq).bind(6, accepted_version).run();
  // Not linked (0): the workflow's rows are found by their own index.
  cell_writer(db_).record(seq, 0,
                          {key.item_id, key.department_id, key.year, std::string(workflow_field)},
                          "workflow:" + std::string(to_string(action)), to_string(current.status),
                          to_string(*next), {who.user, who.device, now});
  if (!comment.empty()) insert_comment(key, who.user, comment, now, seq);

  tx.commit();
  return entry{key, *next, seq, accepted_version};
}

void store::insert_comment(const entry_key& key, std::string_view author, std::string_view body,
                           std::string_view at, std::int64_t seq) {
  auto stmt = db_.prepare(
      "INSERT INTO comments(item_id, department_id, year, author, body, at, seq) VALUES (?, ?, ?, "
      "?, ?, ?, ?)");
  stmt.bind(1, key.item_id)
      .bind(2, key.department_id)
      .bind(3, key.year)
      .bind(4, author)
      .bind(5, body);
  stmt.bind(6, at).bind(7, seq).run();
}

result<void> store::finalize_year(record_id plan_id, const actor& who, int year) {
  if (who.role != role::coordinator) {
    return make_error(errc::forbidden, "年度の確定は取りまとめ担当だけができます。");
  }
  auto p = load_plan(plan_id);
  if (!p) return p.error();
  if (!p->contains_year(year)) {
    return make_error(errc::invalid_value, fiscal_year_label(year) + "は計画期間の外です。");
  }
  sqlite::transaction tx(db_);
  if (is_finalized(plan_id, year)) {
    return make_error(errc::illegal_transition, fiscal_year_label(year) + "はすでに確定済みです。");
  }
  auto stmt = db_.prepare(
      "INSERT INTO finalized_years(plan_id, year, finalized_by, finalized_at, seq) VALUES (?, ?, "
      "?, ?, ?)");
  stmt.bind(1, plan_id).bind(2, year).bind(3, who.user).bind(4, clock_()).bind(5, next_seq()).run();
  tx.commit();
  return {};
}

result<record_id> store::add_comment(const plan_index& index, const actor& who,
                                     const entry_key& key, std::string_view body) {
  auto item = find_entry_row(index, key);
  if (!item) return item.error();
  if (body.empty()) return make_error(errc::invalid_value, "コメントが空です。");
  if (who.role != role::coordinator && who.department_id != key.department_id) {
    return make_error(errc::forbidden, "他の担当課の報告にはコメントできません。");
  }
  sqlite::transaction tx(db_);
  insert_comment(key, who.user, body, clock_(), next_seq());
  const record_id id = db_.last_insert_rowid();
  tx.commit();
  return id;
}

}  // namespace matome
