// Reading cells, entries, history and conflicts.
#include "matome/store/cell_writer.h"
#include "matome/store/history_queries.h"
#include "matome/store/store.h"

namespace matome {
namespace {

void bind_key(sqlite::statement& stmt, const cell_key& key, int first = 1) {
  stmt.bind(first, key.item_id).bind(first + 1, key.department_id).bind(first + 2, key.year);
  stmt.bind(first + 3, key.field);
}

constexpr std::string_view conflict_columns =
    "SELECT id, item_id, department_id, year, field, change_id, base_version, base_value, "
    "server_version,"
    " server_value, incoming_value, user_name, device, created_at, resolved_value IS NOT NULL,"
    " COALESCE(resolved_value, ''), COALESCE(resolved_by, ''), COALESCE(resolved_at, ''),"
    // The server's side: from the history where there is one (a server), as
    // sent where there is not (a replica).
    " COALESCE((SELECT h.user_name FROM history h WHERE h.seq = conflicts.server_version),"
    " server_user),"
    " COALESCE((SELECT h.at FROM history h WHERE h.seq = conflicts.server_version), server_at)"
    " FROM conflicts";

conflict_record read_conflict(const sqlite::statement& s) {
  conflict_record c;
  c.id = s.int64(0);
  c.key = {s.int64(1), s.int64(2), s.integer(3), s.text(4)};
  c.change_id = s.text(5);
  c.base_version = s.int64(6);
  c.base_value = s.text(7);
  c.server_version = s.int64(8);
  c.server_value = s.text(9);
  c.incoming_value = s.text(10);
  c.user = s.text(11);
  c.device = s.text(12);
  c.created_at = s.text(13);
  c.resolved = s.int64(14) != 0;
  c.resolved_value = s.text(15);
  c.resolved_by = s.text(16);
  c.resolved_at = s.text(17);
  c.server_user = s.text(18);
  c.server_at = s.text(19);
  return c;
}

}  // namespace

std::optional<cell> store::find_cell(const cell_key& key) {
  auto stmt = db_.prepare(
      "SELECT value, version FROM cells WHERE item_id = ? AND department_id = ? AND year = ? AND "
      "field = ?");
  bind_key(stmt, key);
  if (!stmt.step()) return std::nullopt;
  return cell{key, stmt.text(0), stmt.int64(1)};
}

std::vector<cell> store::cells_of_entry(const entry_key& key) {
  std::vector<cell> out;
  auto stmt = db_.prepare(
      "SELECT field, value, version FROM cells WHERE item_id = ? AND department_id = ? AND year = ?"
      " ORDER BY field");
  stmt.bind(1, key.item_id).bind(2, key.department_id).bind(3, key.year);
  while (stmt.step()) {
    out.push_back(
        {{key.item_id, key.department_id, key.year, stmt.text(0)}, stmt.text(1), stmt.int64(2)});
  }
  return out;
}

entry store::find_entry(const entry_key& key) {
  auto stmt = db_.prepare(
      "SELECT status, version, accepted_version FROM entries WHERE item_id = ? AND department_id = "
      "? AND year = ?");
  stmt.bind(1, key.item_id).bind(2, key.department_id).bind(3, key.year);
  if (!stmt.step()) return entry{key, entry_status::not_started, 0};
  return entry{key, parse_entry_status(stmt.text(0)).value(), stmt.int64(1), stmt.int64(2)};
}

std::vector<entry> store::entries_of_year(record_id plan_id, int year) {
  std::vector<entry> out;
  auto stmt = db_.prepare(
      "SELECT e.item_id, e.department_id, e.status, e.version, e.accepted_version FROM entries e"
      " JOIN items i ON i.id = e.item_id WHERE i.plan_id = ? AND e.year = ?");
  stmt.bind(1, plan_id).bind(2, year);
  while (stmt.step()) {
    out.push_back({{stmt.int64(0), stmt.int64(1), year},
                   parse_entry_status(stmt.text(2)).value(),
                   stmt.int64(3),
                   stmt.int64(4)});
  }
  return out;
}

std::vector<history_record> store::history_of(const cell_key& key) {
  std::vector<history_record> out;
  const bool workflow = key.field == workflow_field;
  auto stmt = db_.prepare(workflow ? history_queries::of_workflow : history_queries::of_cell);
  if (workflow) {
    stmt.bind(1, key.item_id).bind(2, key.department_id).bind(3, key.year);
  } else {
    bind_key(stmt, key);
  }
  while (stmt.step()) {
    out.push_back({stmt.int64(0), key, stmt.text(1), stmt.text(2), stmt.text(3), stmt.text(4),
                   stmt.text(5), stmt.text(6)});
  }
  return out;
}

result<conflict_record> store::find_conflict(record_id conflict_id) {
  auto stmt = db_.prepare(std::string(conflict_columns) + " WHERE id = ?");
  stmt.bind(1, conflict_id);
  if (!stmt.step())
    return make_error(errc::not_found, "競合 " + std::to_string(conflict_id) + " はありません。");
  return read_conflict(stmt);
}

std::vector<conflict_record> store::open_conflicts(record_id plan_id) {
  std::vector<conflict_record> out;
  auto stmt = db_.prepare(
      std::string(conflict_columns) +
      " WHERE resolved_value IS NULL AND item_id IN (SELECT id FROM items WHERE plan_id = ?)"
      " ORDER BY id");
  stmt.bind(1, plan_id);
  while (stmt.step()) out.push_back(read_conflict(stmt));
  return out;
}

bool store::is_finalized(record_id plan_id, int year) {
  auto stmt = db_.prepare("SELECT 1 FROM finalized_years WHERE plan_id = ? AND year = ?");
  stmt.bind(1, plan_id).bind(2, year);
  return stmt.step();
}

}  // namespace matome
