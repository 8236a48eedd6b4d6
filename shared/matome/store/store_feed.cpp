// The change feed (pull) and the coordinator's figures.
#include <algorithm>
#include <functional>
#include <limits>
#include <queue>
#include <span>

#include "matome/store/feed_queries.h"
#include "matome/store/store.h"

namespace matome {
namespace {

void bind_feed(sqlite::statement& s, record_id plan_id, const feed_scope& scope,
               std::int64_t cursor, std::size_t limit) {
  s.bind(1, cursor).bind(2, plan_id).bind(3, scope.everything ? 1 : 0).bind(4, scope.department_id);
  s.bind(5, static_cast<std::int64_t>(limit));
}

// The departments that have cells, the plan's (0) among them.
std::vector<record_id> departments_with_cells(sqlite::database& db) {
  std::vector<record_id> out;
  auto next = db.prepare(feed_queries::next_cell_department);
  std::int64_t after = std::numeric_limits<std::int64_t>::min();
  for (;;) {
    next.bind(1, after);
    if (!next.step()) break;
    after = next.int64(0);
    out.push_back(after);
    next.reset();
  }
  return out;
}

// The `limit` lowest-numbered cells after the cursor among these
// departments' runs (feed_queries::department_cells), in order. The runs
// are merged as they are read, so a page reads its own cells and one more
// per run, however many departments there are.
std::vector<cell> merged_cells(sqlite::database& db, record_id plan_id,
                               std::span<const record_id> departments, std::int64_t cursor,
                               std::size_t limit) {
  std::vector<sqlite::statement> runs;
  runs.reserve(departments.size());
  using head = std::pair<std::int64_t, std::size_t>;  // the run's next number, the run
  std::priority_queue<head, std::vector<head>, std::greater<>> heads;
  for (const record_id department : departments) {
    auto& run = runs.emplace_back(db.prepare(feed_queries::department_cells));
    bind_feed(run, plan_id, feed_scope{.department_id = department}, cursor, limit);
    if (run.step()) heads.emplace(run.int64(5), runs.size() - 1);
  }
  std::vector<cell> out;
  while (!heads.empty() && out.size() < limit) {
    const std::size_t which = heads.top().second;
    heads.pop();
    auto& run = runs[which];
    out.push_back(
        {{run.int64(0), run.int64(1), run.integer(2), run.text(3)}, run.text(4), run.int64(5)});
    if (run.step()) heads.emplace(run.int64(5), which);
  }
  return out;
}

// Drops the rows numbered above `last`.
template <class T, class Seq>
void keep_through(std::vector<T>& rows, std::int64_t last, Seq seq) {
  std::erase_if(rows, [&](const T& r) { return seq(r) > last; });
}

}  // namespace

std::vector<comment_record> store::comments_of(const entry_key& key) {
  std::vector<comment_record> out;
  auto stmt = db_.prepare(
      "SELECT id, author, body, at, seq FROM comments WHERE item_id = ? AND department_id = ? AND "
      "year = ?"
      " ORDER BY id");
  stmt.bind(1, key.item_id).bind(2, key.department_id).bind(3, key.year);
  while (stmt.step())
    out.push_back({stmt.int64(0), key, stmt.text(1), stmt.text(2), stmt.text(3), stmt.int64(4)});
  return out;
}

std::vector<int> store::finalized_years(record_id plan_id) {
  std::vector<int> out;
  auto stmt = db_.prepare("SELECT year FROM finalized_years WHERE plan_id = ? ORDER BY year");
  stmt.bind(1, plan_id);
  while (stmt.step()) out.push_back(stmt.integer(0));
  return out;
}

std::int64_t store::structure_version(record_id plan_id) {
  auto stmt = db_.prepare("SELECT seq FROM plans WHERE id = ?");
  stmt.bind(1, plan_id);
  return stmt.step() ? stmt.int64(0) : 0;
}

std::pair<std::int64_t, std::int64_t> store::write_stamp() {
  auto version = db_.prepare("PRAGMA data_version");
  version.step();
  return {version.int64(0), db_.total_changes()};
}

void store::read_ahead(record_id plan_id, const feed_scope& scope, std::int64_t cursor,
                       std::size_t limit) {
  ahead_.reset();
  const auto stamp = write_stamp();
  ahead_ =
      page_ahead{plan_id, scope, cursor, limit, stamp, read_page(plan_id, scope, cursor, limit)};
}

feed_page store::pull(record_id plan_id, const feed_scope& scope, std::int64_t cursor,
                      std::size_t limit) {
  if (ahead_ && ahead_->plan_id == plan_id && ahead_->scope == scope && ahead_->cursor == cursor &&
      ahead_->limit == limit && ahead_->stamp == write_stamp()) {
    feed_page page = std::move(ahead_->page);
    ahead_.reset();
    ++pages_read_ahead_;
    return page;
  }
  return read_page(plan_id, scope, cursor, limit);
}

feed_page store::read_page(record_id plan_id, const feed_scope& scope, std::int64_t cursor,
                           std::size_t limit) {
  limit = std::max<std::size_t>(limit, 1);
  sqlite::read_transaction snapshot(db_);
  feed_page page;
  page.structure_version = structure_version(plan_id);
  page.finalized_years = finalized_years(plan_id);

  // Each table is read up to limit + 1 rows past the cursor; the page is the
  // `limit` lowest numbers among them. Reading one row more than a page per
  // table is what tells a full page from a last one: with only `limit`, a
  // table holding more than a page alone would look finished.
  // Cells come in one run per department (feed_queries.h): a department
  // sees the plan's run and its own, a coordinator every department's.
  std::vector<record_id> departments{0};
  if (scope.everything) {
    departments = departments_with_cells(db_);
  } else if (scope.department_id != 0) {
    departments.push_back(scope.department_id);
  }
  page.cells = merged_cells(db_, plan_id, departments, cursor, limit + 1);
  auto entries = db_.prepare(feed_queries::entries);
  bind_feed(entries, plan_id, scope, cursor, limit + 1);
  while (entries.step()) {
    page.entries.push_back({{entries.int64(0), entries.int64(1), entries.integer(2)},
                            parse_entry_status(entries.text(3)).value(),
                            entries.int64(4),
                            entries.int64(5)});
  }
  std::vector<std::pair<std::int64_t, conflict_record>> conflicts;
  {
    auto ids = db_.prepare(feed_queries::conflicts);
    bind_feed(ids, plan_id, scope, cursor, limit + 1);
    auto seq = db_.prepare("SELECT seq FROM conflicts WHERE id = ?");
    while (ids.step()) {
      seq.bind(1, ids.int64(0));
      seq.step();
      conflicts.emplace_back(seq.int64(0), find_conflict(ids.int64(0)).value());
      seq.reset();
    }
  }
  auto comments = db_.prepare(feed_queries::comments);
  bind_feed(comments, plan_id, scope, cursor, limit + 1);
  while (comments.step()) {
    page.comments.push_back({comments.int64(0),
                             {comments.int64(1), comments.int64(2), comments.integer(3)},
                             comments.text(4),
                             comments.text(5),
                             comments.text(6),
                             comments.int64(7)});
  }

  std::vector<std::int64_t> numbers;
  for (const auto& c : page.cells) numbers.push_back(c.version);
  for (const auto& e : page.entries) numbers.push_back(e.version);
  for (const auto& c : conflicts) numbers.push_back(c.first);
  for (const auto& c : page.comments) numbers.push_back(c.seq);
  if (numbers.size() > limit) {
    // The page ends at the limit-th lowest number: found, not sorted for
    // (a first pull's page holds 20,000 of them).
    const auto at = numbers.begin() + static_cast<std::ptrdiff_t>(limit - 1);
    std::ranges::nth_element(numbers, at);
    const std::int64_t last = *at;
    keep_through(page.cells, last, [](const cell& c) { return c.version; });
    keep_through(page.entries, last, [](const entry& e) { return e.version; });
    keep_through(conflicts, last, [](const auto& c) { return c.first; });
    keep_through(page.comments, last, [](const comment_record& c) { return c.seq; });
    page.cursor = last;
    page.more = true;
  } else {
    // Nothing visible is left after these rows: the reader is up to date
    // with the whole store, including numbers it may not see.
    page.cursor = std::max(cursor, last_seq());
    page.more = false;
  }
  for (auto& c : conflicts) page.conflicts.push_back(std::move(c.second));
  return page;
}

std::vector<store::status_count> store::status_counts(record_id plan_id, int year) {
  std::vector<status_count> out;
  auto stmt = db_.prepare(
      "SELECT o.department_id, COALESCE(e.status, 'not_started') AS status, count(*) FROM "
      "item_owners o"
      " JOIN items i ON i.id = o.item_id"
      " LEFT JOIN entries e ON e.item_id = o.item_id AND e.department_id = o.department_id AND "
      "e.year = ?2"
      " WHERE i.plan_id = ?1 GROUP BY o.department_id, status ORDER BY o.department_id, status");
  stmt.bind(1, plan_id).bind(2, year);
  while (stmt.step()) {
    out.push_back({stmt.int64(0), parse_entry_status(stmt.text(1)).value(), stmt.integer(2)});
  }
  return out;
}

std::optional<std::string> store::due_date(record_id plan_id, int year) {
  auto stmt = db_.prepare("SELECT due_date FROM due_dates WHERE plan_id = ? AND year = ?");
  stmt.bind(1, plan_id).bind(2, year);
  if (!stmt.step()) return std::nullopt;
  return stmt.text(0);
}

result<void> store::set_due_date(record_id plan_id, const actor& who, int year,
                                 std::string_view date) {
  if (who.role != role::coordinator)
    return make_error(errc::forbidden, "提出期限は取りまとめ担当だけが設定できます。");
  const bool shaped =
      date.size() == 10 && date[4] == '-' && date[7] == '-' &&
      std::ranges::all_of(date, [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
  if (!shaped) {
    return make_error(errc::invalid_value, "提出期限は 2025-05-31 の形で指定してください。");
  }
  auto p = load_plan(plan_id);
  if (!p) return p.error();
  if (!p->contains_year(year))
    return make_error(errc::invalid_value, "その年度は計画期間の外です。");
  auto stmt = db_.prepare(
      "INSERT INTO due_dates(plan_id, year, due_date) VALUES (?, ?, ?)"
      " ON CONFLICT(plan_id, year) DO UPDATE SET due_date = excluded.due_date");
  stmt.bind(1, plan_id).bind(2, year).bind(3, date).run();
  return {};
}

}  // namespace matome
