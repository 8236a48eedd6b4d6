#include "matome/store/cell_writer.h"

#include "matome/store/conflict_queries.h"

namespace matome {
namespace {

constexpr std::string_view insert_cell =
    "INSERT INTO cells(item_id, department_id, year, field, value, version) VALUES (?, ?, ?, ?, ?, "
    "?) ON CONFLICT(item_id, department_id, year, field) DO ";
const std::string upsert =
    std::string(insert_cell) + "UPDATE SET value = excluded.value, version = excluded.version";

void bind_cell(sqlite::statement& s, const cell_key& key, std::string_view value,
               version_t version) {
  // Bound in place: the texts outlive the run() that clears them.
  s.bind(1, key.item_id).bind(2, key.department_id).bind(3, key.year);
  s.bind_in_place(4, key.field).bind_in_place(5, value).bind(6, version).run();
}

}  // namespace

cell_writer::cell_writer(sqlite::database& db)
    : db_(db),
      write_(db.prepare(upsert)),
      insert_new_(db.prepare(std::string(insert_cell) + "NOTHING")),
      follow_conflicts_(db.prepare(conflict_queries::follow_cell)),
      write_if_newer_(db.prepare(upsert + " WHERE excluded.version > cells.version")),
      record_(db.prepare("INSERT INTO history(seq, item_id, department_id, year, field, change_id, "
                         "old_value, new_value, user_name, device, at, prev_seq)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
  auto any_open = db.prepare(conflict_queries::any_open);
  open_conflicts_ = any_open.step();
}

void cell_writer::write(const cell_key& key, std::string_view value, version_t version) {
  bind_cell(write_, key, value, version);
  if (open_conflicts_) bind_cell(follow_conflicts_, key, value, version);
}

bool cell_writer::write_new(const cell_key& key, std::string_view value, version_t version) {
  bind_cell(insert_new_, key, value, version);
  if (db_.changes() == 0) return false;
  if (open_conflicts_) bind_cell(follow_conflicts_, key, value, version);
  return true;
}

void cell_writer::write_if_newer(const cell_key& key, std::string_view value, version_t version) {
  bind_cell(write_if_newer_, key, value, version);
}

void cell_writer::record(version_t seq, version_t previous, const cell_key& key,
                         std::string_view change_id, std::string_view old_value,
                         std::string_view new_value, const change_author& by) {
  record_.bind(1, seq).bind(2, key.item_id).bind(3, key.department_id).bind(4, key.year);
  record_.bind(12, previous);
  // Bound in place: the texts outlive the run() that clears them.
  record_.bind_in_place(5, key.field).bind_in_place(6, change_id);
  record_.bind_in_place(7, old_value).bind_in_place(8, new_value);
  record_.bind_in_place(9, by.user).bind_in_place(10, by.device).bind_in_place(11, by.at);
  record_.run();
}

}  // namespace matome
