// Writing what the server sent into a client replica: its structure and
// pages of its change feed, with the server's own ids and numbers.
#include <set>

#include "matome/store/cell_writer.h"
#include "matome/store/store.h"

namespace matome {

void store::replace_structure(const plan& p, const std::vector<department>& departments,
                              const std::vector<plan_item>& items, std::int64_t structure_version) {
  sqlite::transaction tx(db_);
  auto department_row = db_.prepare(
      "INSERT INTO departments(id, code, name, external) VALUES (?, ?, ?, ?)"
      " ON CONFLICT(id) DO UPDATE SET code = excluded.code, name = excluded.name, external = "
      "excluded.external");
  for (const auto& d : departments)
    department_row.bind(1, d.id).bind(2, d.code).bind(3, d.name).bind(4, d.external ? 1 : 0).run();

  std::string levels;
  for (const auto& l : p.level_names) levels += (levels.empty() ? "" : "\n") + l;
  auto plan_row = db_.prepare(
      "INSERT INTO plans(id, code, title, city, first_year, last_year, report_year, level_names, "
      "department_check, seq, report_layout)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET code = "
      "excluded.code,"
      " title = excluded.title, city = excluded.city, first_year = excluded.first_year,"
      " last_year = excluded.last_year, report_year = excluded.report_year, level_names = "
      "excluded.level_names,"
      " department_check = excluded.department_check, seq = excluded.seq,"
      " report_layout = excluded.report_layout");
  plan_row.bind(1, p.id).bind(2, p.code).bind(3, p.title).bind(4, p.city).bind(5, p.first_year);
  plan_row.bind(6, p.last_year)
      .bind(7, p.report_year)
      .bind(8, levels)
      .bind(9, p.department_check ? 1 : 0);
  plan_row.bind(10, structure_version).bind(11, p.report_layout).run();

  write_template(p.id, p.tmpl);

  // Parents come before children in a snapshot (plan_index order).
  auto item_row = db_.prepare(
      "INSERT INTO items(id, plan_id, parent_id, level, position, label, title, description, "
      "page_ref)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET parent_id = "
      "excluded.parent_id,"
      " level = excluded.level, position = excluded.position, label = excluded.label, title = "
      "excluded.title,"
      " description = excluded.description, page_ref = excluded.page_ref");
  auto clear_owners = db_.prepare("DELETE FROM item_owners WHERE item_id = ?");
  auto owner =
      db_.prepare("INSERT INTO item_owners(item_id, department_id, position) VALUES (?, ?, ?)");
  auto clear_relistings = db_.prepare("DELETE FROM item_relistings WHERE item_id = ?");
  auto relist =
      db_.prepare("INSERT INTO item_relistings(item_id, parent_id, label) VALUES (?, ?, ?)");
  for (const auto& item : items) {
    item_row.bind(1, item.id).bind(2, p.id);
    if (item.parent_id == 0) {
      item_row.bind_null(3);
    } else {
      item_row.bind(3, item.parent_id);
    }
    item_row.bind(4, item.level).bind(5, item.position).bind(6, item.label).bind(7, item.title);
    item_row.bind(8, item.description).bind(9, item.page_ref).run();
    clear_owners.bind(1, item.id).run();
    int owner_position = 0;
    for (record_id d : item.owner_ids)
      owner.bind(1, item.id).bind(2, d).bind(3, owner_position++).run();
    clear_relistings.bind(1, item.id).run();
  }
  for (const auto& item : items) {
    for (const auto& r : item.relistings)
      relist.bind(1, item.id).bind(2, r.parent_id).bind(3, r.label).run();
  }

  // Items the snapshot no longer has were removed on the server (which
  // removes only items nothing refers to); deepest first, for parent links.
  std::set<record_id> kept;
  for (const auto& item : items) kept.insert(item.id);
  auto held = db_.prepare("SELECT id FROM items WHERE plan_id = ? ORDER BY level DESC");
  held.bind(1, p.id);
  std::vector<record_id> gone;
  while (held.step()) {
    if (!kept.contains(held.int64(0))) gone.push_back(held.int64(0));
  }
  auto remove = db_.prepare("DELETE FROM items WHERE id = ?");
  for (record_id id : gone) remove.bind(1, id).run();
  tx.commit();
}

void store::apply_feed(record_id plan_id, const feed_page& page) {
  sqlite::transaction tx(db_);
  cell_writer cells(db_);
  cells.write_all_if_newer(page.cells);
  auto entry_row = db_.prepare(
      "INSERT INTO entries(item_id, department_id, year, status, version, accepted_version)"
      " VALUES (?, ?, ?, ?, ?, ?)"
      " ON CONFLICT(item_id, department_id, year) DO UPDATE SET status = excluded.status,"
      " version = excluded.version, accepted_version = excluded.accepted_version"
      " WHERE excluded.version > entries.version");
  for (const auto& e : page.entries) {
    entry_row.bind(1, e.key.item_id).bind(2, e.key.department_id).bind(3, e.key.year);
    entry_row.bind(4, to_string(e.status)).bind(5, e.version).bind(6, e.accepted_version).run();
  }
  auto conflict_row = db_.prepare(
      "INSERT INTO conflicts(id, item_id, department_id, year, field, change_id, base_version, "
      "base_value,"
      " server_version, server_value, incoming_value, user_name, device, created_at, "
      "resolved_value,"
      " resolved_by, resolved_at, seq, server_user, server_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
      // An open conflict follows its cell on the server (and folds a newer
      // edit of its author): take every side as the server sends it, but
      // never from a page older than the one the row came from.
      " ON CONFLICT(id) DO UPDATE SET base_version = excluded.base_version,"
      " base_value = excluded.base_value, server_version = excluded.server_version,"
      " server_value = excluded.server_value, incoming_value = excluded.incoming_value,"
      " device = excluded.device, created_at = excluded.created_at,"
      " resolved_value = excluded.resolved_value, resolved_by = excluded.resolved_by,"
      " resolved_at = excluded.resolved_at, seq = excluded.seq,"
      " server_user = excluded.server_user, server_at = excluded.server_at"
      " WHERE excluded.seq > conflicts.seq");
  for (const auto& c : page.conflicts) {
    conflict_row.bind(1, c.id)
        .bind(2, c.key.item_id)
        .bind(3, c.key.department_id)
        .bind(4, c.key.year);
    conflict_row.bind(5, c.key.field)
        .bind(6, c.change_id)
        .bind(7, c.base_version)
        .bind(8, c.base_value);
    conflict_row.bind(9, c.server_version).bind(10, c.server_value).bind(11, c.incoming_value);
    conflict_row.bind(12, c.user).bind(13, c.device).bind(14, c.created_at);
    if (c.resolved) {
      conflict_row.bind(15, c.resolved_value).bind(16, c.resolved_by).bind(17, c.resolved_at);
    } else {
      conflict_row.bind_null(15).bind_null(16).bind_null(17);
    }
    conflict_row.bind(18, page.cursor).bind(19, c.server_user).bind(20, c.server_at).run();
  }
  // A conflict known only from a push's outcome (seq 0) that a pull to the
  // end did not bring was settled before this replica could see it open
  // (feed_queries.h): its cells came settled, and it is gone.
  if (!page.more) db_.exec("DELETE FROM conflicts WHERE seq = 0");
  auto comment_row = db_.prepare(
      "INSERT OR IGNORE INTO comments(id, item_id, department_id, year, author, body, at, seq)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& c : page.comments) {
    comment_row.bind(1, c.id)
        .bind(2, c.entry.item_id)
        .bind(3, c.entry.department_id)
        .bind(4, c.entry.year);
    comment_row.bind(5, c.author).bind(6, c.body).bind(7, c.at).bind(8, c.seq).run();
  }
  auto clear_years = db_.prepare("DELETE FROM finalized_years WHERE plan_id = ?");
  clear_years.bind(1, plan_id).run();
  auto year_row = db_.prepare(
      "INSERT INTO finalized_years(plan_id, year, finalized_by, finalized_at, seq) VALUES (?, ?, "
      "'', '', 0)");
  for (int y : page.finalized_years) year_row.bind(1, plan_id).bind(2, y).run();
  auto cursor = db_.prepare("UPDATE meta SET value = max(value, ?) WHERE key = 'last_seq'");
  cursor.bind(1, page.cursor).run();
  tx.commit();
}

}  // namespace matome
