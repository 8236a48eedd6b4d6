#include "matome/store/cell_writer.h"

#include "matome/store/conflict_queries.h"

namespace matome {
namespace {

// "INSERT INTO cells ... VALUES" with `rows` rows of values, then `on_conflict`
// (what to do with a cell that has a value). One text for every cell write.
std::string insert_cells(std::size_t rows, std::string_view on_conflict) {
  std::string sql =
      "INSERT INTO cells(item_id, department_id, year, field, value, version) VALUES ";
  for (std::size_t i = 0; i < rows; ++i)
    sql += i == 0 ? "(?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?)";
  return sql + " ON CONFLICT(item_id, department_id, year, field) DO " + std::string(on_conflict);
}

constexpr std::string_view overwrite =
    "UPDATE SET value = excluded.value, version = excluded.version";
// A replica takes the server's rows, which may arrive more than once.
constexpr std::string_view only_if_newer = " WHERE excluded.version > cells.version";
constexpr std::size_t rows_a_statement = 64;

// Binds a cell's six columns from parameter `first` on.
void bind_columns(sqlite::statement& s, int first, const cell_key& key, std::string_view value,
                  version_t version) {
  // Bound in place: the texts outlive the run() that clears them.
  s.bind(first, key.item_id).bind(first + 1, key.department_id).bind(first + 2, key.year);
  s.bind_in_place(first + 3, key.field).bind_in_place(first + 4, value).bind(first + 5, version);
}

void bind_cell(sqlite::statement& s, const cell_key& key, std::string_view value,
               version_t version) {
  bind_columns(s, 1, key, value, version);
  s.run();
}

}  // namespace

cell_writer::cell_writer(sqlite::database& db)
    : db_(db),
      write_(db.prepare(insert_cells(1, overwrite))),
      insert_new_(db.prepare(insert_cells(1, "NOTHING"))),
      follow_conflicts_(db.prepare(conflict_queries::follow_cell)),
      write_if_newer_(db.prepare(insert_cells(1, overwrite) + std::string(only_if_newer))),
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

void cell_writer::write_all_if_newer(std::span<const cell> cells) {
  std::size_t at = 0;
  if (cells.size() >= rows_a_statement) {
    if (!write_many_if_newer_)
      write_many_if_newer_ =
          db_.prepare(insert_cells(rows_a_statement, overwrite) + std::string(only_if_newer));
    for (; cells.size() - at >= rows_a_statement; at += rows_a_statement) {
      for (std::size_t i = 0; i < rows_a_statement; ++i) {
        const auto& c = cells[at + i];
        bind_columns(*write_many_if_newer_, static_cast<int>(6 * i + 1), c.key, c.value, c.version);
      }
      write_many_if_newer_->run();
    }
  }
  for (; at < cells.size(); ++at) write_if_newer(cells[at].key, cells[at].value, cells[at].version);
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
