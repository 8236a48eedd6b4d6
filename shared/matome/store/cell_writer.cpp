#include "matome/store/cell_writer.h"

#include <utility>

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

constexpr std::string_view insert_history =
    "INSERT INTO history(seq, item_id, department_id, year, field, change_id, old_value, "
    "new_value, user_name, device, at, prev_seq) VALUES ";
// Every row of a statement has one author: ?1 to ?3, bound once. A row's
// nine columns of its own follow, from ?4 on.
constexpr int author_parameters = 3;
constexpr int history_parameters = 9;

std::string insert_history_rows(std::size_t rows) {
  std::string sql(insert_history);
  for (std::size_t i = 0; i < rows; ++i) {
    const auto p = [first = author_parameters + history_parameters * static_cast<int>(i)](int n) {
      return "?" + std::to_string(first + n);
    };
    sql += i == 0 ? "(" : ", (";
    sql += p(1) + ", " + p(2) + ", " + p(3) + ", " + p(4) + ", " + p(5) + ", " + p(6) + ", " +
           p(7) + ", " + p(8) + ", ?1, ?2, ?3, " + p(9) + ")";
  }
  return sql;
}

void bind_author(sqlite::statement& s, const change_author& by) {
  // Bound in place: the texts outlive the run() that clears them.
  s.bind_in_place(1, by.user).bind_in_place(2, by.device).bind_in_place(3, by.at);
}

// Binds the `row`th history row's own columns.
void bind_history(sqlite::statement& s, int row, version_t seq, version_t previous,
                  const cell_key& key, std::string_view change_id, std::string_view old_value,
                  std::string_view new_value) {
  const int first = author_parameters + history_parameters * row + 1;
  s.bind(first, seq).bind(first + 1, key.item_id).bind(first + 2, key.department_id);
  s.bind(first + 3, key.year).bind(first + 8, previous);
  s.bind_in_place(first + 4, key.field).bind_in_place(first + 5, change_id);
  s.bind_in_place(first + 6, old_value).bind_in_place(first + 7, new_value);
}

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

// Writes items[at...] `rows` to a statement while that many are left:
// `bind_row(statement, i, item)` binds the statement's ith row, and
// `make_sql()` gives its text when the statement is first needed. Returns
// where it stopped (the caller writes the rest some other way) and how
// many rows the statements changed.
template <class Item, class MakeSql, class BindRow>
std::pair<std::size_t, std::size_t> write_rows(sqlite::database& db,
                                               std::optional<sqlite::statement>& statement,
                                               std::size_t rows, MakeSql make_sql,
                                               std::span<const Item> items, std::size_t at,
                                               BindRow bind_row) {
  std::size_t changed = 0;
  for (; items.size() - at >= rows; at += rows) {
    if (!statement) statement = db.prepare(make_sql());
    for (std::size_t i = 0; i < rows; ++i) bind_row(*statement, static_cast<int>(i), items[at + i]);
    statement->run();
    changed += static_cast<std::size_t>(db.changes());
  }
  return {at, changed};
}

}  // namespace

cell_writer::cell_writer(sqlite::database& db)
    : db_(db),
      write_(db.prepare(insert_cells(1, overwrite))),
      insert_new_(db.prepare(insert_cells(1, "NOTHING"))),
      follow_conflicts_(db.prepare(conflict_queries::follow_cell)),
      write_if_newer_(db.prepare(insert_cells(1, overwrite) + std::string(only_if_newer))),
      record_(db.prepare(insert_history_rows(1))) {
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

bool cell_writer::write_all_new(std::span<const new_cell> cells) {
  static constexpr std::size_t rows_of[] = {rows_a_statement, 16, 4};
  if (!savepoint_) {
    savepoint_ = db_.prepare("SAVEPOINT new_cells");
    release_ = db_.prepare("RELEASE new_cells");
    roll_back_ = db_.prepare("ROLLBACK TO new_cells");
  }
  savepoint_->run();
  std::size_t written = 0;
  std::size_t at = 0;
  for (std::size_t tier = 0; tier < std::size(rows_of); ++tier) {
    const std::size_t rows = rows_of[tier];
    const auto [next, changed] = write_rows(
        db_, insert_new_rows_[tier], rows, [rows] { return insert_cells(rows, "NOTHING"); }, cells,
        at,
        [](sqlite::statement& s, int i, const new_cell& c) {
          bind_columns(s, 6 * i + 1, *c.key, c.value, c.version);
        });
    at = next;
    written += changed;
  }
  for (; at < cells.size(); ++at) {
    bind_cell(insert_new_, *cells[at].key, cells[at].value, cells[at].version);
    written += static_cast<std::size_t>(db_.changes());
  }
  if (written != cells.size()) {
    // A cell had a value: leave them all to the caller's one-at-a-time rule.
    roll_back_->run();
    release_->run();
    return false;
  }
  release_->run();
  if (open_conflicts_) {
    for (const auto& c : cells) bind_cell(follow_conflicts_, *c.key, c.value, c.version);
  }
  return true;
}

void cell_writer::write_if_newer(const cell_key& key, std::string_view value, version_t version) {
  bind_cell(write_if_newer_, key, value, version);
}

void cell_writer::write_all_if_newer(std::span<const cell> cells) {
  auto at =
      write_rows(
          db_, write_many_if_newer_, rows_a_statement,
          [] { return insert_cells(rows_a_statement, overwrite) + std::string(only_if_newer); },
          cells, 0,
          [](sqlite::statement& s, int i, const cell& c) {
            bind_columns(s, 6 * i + 1, c.key, c.value, c.version);
          })
          .first;
  for (; at < cells.size(); ++at) write_if_newer(cells[at].key, cells[at].value, cells[at].version);
}

void cell_writer::record(version_t seq, version_t previous, const cell_key& key,
                         std::string_view change_id, std::string_view old_value,
                         std::string_view new_value, const change_author& by) {
  bind_author(record_, by);
  bind_history(record_, 0, seq, previous, key, change_id, old_value, new_value);
  record_.run();
}

void cell_writer::record_later(version_t seq, version_t previous, const cell_key& key,
                               std::string_view change_id, std::string_view old_value,
                               std::string_view new_value, const change_author& by) {
  // A statement's rows share their author.
  if (pending_by_ != &by) write_records();
  pending_by_ = &by;
  pending_.push_back({seq, previous, &key, change_id, std::string(old_value), new_value});
}

void cell_writer::write_records() {
  auto at =
      write_rows(
          db_, record_many_, rows_a_statement, [] { return insert_history_rows(rows_a_statement); },
          std::span<const pending_record>(pending_), 0,
          [this](sqlite::statement& s, int i, const pending_record& r) {
            if (i == 0) bind_author(s, *pending_by_);
            bind_history(s, i, r.seq, r.previous, *r.key, r.change_id, r.old_value, r.new_value);
          })
          .first;
  for (; at < pending_.size(); ++at) {
    const auto& r = pending_[at];
    record(r.seq, r.previous, *r.key, r.change_id, r.old_value, r.new_value, *pending_by_);
  }
  pending_.clear();
}

}  // namespace matome
