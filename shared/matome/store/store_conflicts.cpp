// Settling conflicts. The chosen value is written like any edit (new
// version, history row) and the conflict keeps what was chosen, by whom.
#include "matome/store/cell_writer.h"
#include "matome/store/store.h"

namespace matome {
namespace {

// The start of a value, for a message that names it.
std::string preview(std::string_view value) {
  if (value.empty()) return "（空欄）";
  constexpr std::size_t max_bytes = 60;
  if (value.size() <= max_bytes) return std::string(value);
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
  return std::string(value.substr(0, cut)) + "…";
}

}  // namespace

result<conflict_record> store::resolve_conflict(const plan_index& index, const actor& who,
                                                record_id conflict_id, resolution how,
                                                std::string_view merged_value,
                                                version_t seen_version) {
  sqlite::transaction tx(db_);
  auto found = find_conflict(conflict_id);
  if (!found) return found.error();
  conflict_record c = std::move(*found);
  const plan_item* item = index.find_item(c.key.item_id);
  if (item == nullptr)
    return make_error(errc::not_found,
                      "競合 " + std::to_string(conflict_id) + " はこの計画にありません。");
  if (c.resolved) return make_error(errc::illegal_transition, "この競合はすでに解決済みです。");
  if (who.role != role::coordinator &&
      (c.key.is_plan_cell() || c.key.department_id != who.department_id)) {
    return make_error(errc::forbidden, "この競合を解決できるのは担当課か取りまとめ担当です。");
  }

  // The server's side is what the cell holds now: an open conflict follows
  // its cell (cell_writer::write), and older databases may still hold a
  // conflict whose server value has since moved on.
  const auto current = find_cell(c.key).value_or(cell{c.key, "", 0});
  if (seen_version != 0 && seen_version != current.version) {
    return make_error(errc::stale, "この欄はその後も変更され、サーバーの値は今「" +
                                       preview(current.value) +
                                       "」です。新しい値を確認して、もう一度解決してください。");
  }
  const std::string value = how == resolution::keep_server     ? current.value
                            : how == resolution::take_incoming ? c.incoming_value
                                                               : std::string(merged_value);
  if (auto valid = validate_cell(index.plan, *item, c.key, value); !valid) return valid.error();
  const bool finalized = is_finalized(index.plan.id, c.key.year);
  // Closing a conflict of a finalized year without touching its value is a
  // coordinator's housekeeping, not an edit: the year stays as finalized.
  const bool closing_finalized =
      finalized && who.role == role::coordinator && value == current.value;
  const entry_status status =
      c.key.is_plan_cell() ? entry_status::not_started : find_entry(c.key.entry()).status;
  if (auto allowed = check_write_right(who, *item, c.key, status, finalized);
      !allowed && !closing_finalized) {
    return allowed.error();
  }

  const std::string now = clock_();
  if (value != current.value) {
    const auto version = next_seq();
    cell_writer cells(db_);
    cells.write(c.key, value, version);
    cells.record(version, current.version, c.key, "resolve:" + std::to_string(conflict_id),
                 current.value, value, {who.user, who.device, now});
  }
  auto mark = db_.prepare(
      "UPDATE conflicts SET resolved_value = ?, resolved_by = ?, resolved_at = ?, seq = ? WHERE id "
      "= ?");
  mark.bind(1, value).bind(2, who.user).bind(3, now).bind(4, next_seq()).bind(5, conflict_id).run();
  tx.commit();
  return find_conflict(conflict_id);
}

}  // namespace matome
