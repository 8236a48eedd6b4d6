// The apply path: a batch of cell changes from one actor, in one transaction,
// with every statement prepared once per batch. Per change it costs the
// lookups plus the writes that cannot be avoided: the cell and one history
// row, which is also the change's idempotency record (applied_index.h). Only
// the rarer outcomes (a conflict, a refusal, a value already there) write a
// row of their own to applied_changes. Both writes go several rows to a
// statement where the rule allows (class batch below): SQLite's cost of
// running a statement was a third of a row's write.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "matome/store/cell_writer.h"
#include "matome/store/conflict_queries.h"
#include "matome/store/store.h"
#include "matome/sync/merge_rule.h"
#include "matome/util/digest.h"
#include "matome/util/utf8.h"

namespace matome {
namespace {

constexpr std::size_t max_change_id_length = 128;
// First values wait in a run this long at most: one statement's rows
// (cell_writer::write_all_new).
constexpr std::size_t longest_run = 64;

// The status of each entry a batch writes, read once: an entry's dozen
// cells usually come in one batch. Only apply changes a status within it
// (the first write starts the entry), and it says so with started().
class entry_statuses {
 public:
  explicit entry_statuses(sqlite::database& db)
      : select_(db.prepare(
            "SELECT status FROM entries WHERE item_id = ? AND department_id = ? AND year = ?")) {}

  // not_started for a plan cell.
  entry_status of(const cell_key& key) {
    if (key.is_plan_cell()) return entry_status::not_started;
    const auto [at, fresh] = known_.try_emplace(entry_of(key), entry_status::not_started);
    if (fresh) {
      select_.bind(1, key.item_id).bind(2, key.department_id).bind(3, key.year);
      if (select_.step()) at->second = parse_entry_status(select_.text(0)).value();
      select_.reset();
    }
    return at->second;
  }
  void started(const cell_key& key) { known_[entry_of(key)] = entry_status::draft; }

 private:
  using entry_id = std::tuple<record_id, record_id, int>;
  static entry_id entry_of(const cell_key& key) {
    return {key.item_id, key.department_id, key.year};
  }
  sqlite::statement select_;
  std::map<entry_id, entry_status> known_;
};

// Checks that need only the change and the plan: shape, validity, rights
// (which depend on the entry's status).
result<void> check_change(entry_statuses& statuses, const plan_index& index,
                          const std::set<int>& finalized, const actor& who, const cell_change& c) {
  const plan_item* item = index.find_item(c.key.item_id);
  if (item == nullptr) {
    return make_error(errc::not_found,
                      "項目 " + std::to_string(c.key.item_id) + " はこの計画にありません。");
  }
  if (auto valid = validate_cell(index.plan, *item, c.key, c.value); !valid) return valid.error();
  const entry_status status = statuses.of(c.key);
  if (auto allowed = check_write_right(who, *item, c.key, status, finalized.contains(c.key.year));
      !allowed) {
    return allowed.error();
  }
  return {};
}

change_outcome refused(const cell_change& c, const error& e) {
  change_outcome o;
  o.change_id = c.change_id;
  o.kind = outcome_kind::refused;
  o.reason_code = std::string(to_string(e.code));
  o.reason = e.message;
  return o;
}

std::string reused_id_message(std::string_view change_id) {
  return "change id " + std::string(change_id) +
         " は、この端末の別の変更（別の欄か値）にすでに使われています。変更ごとに新しい change id "
         "で送ってください。";
}

// What a change was, so a reused id can be told from a retry.
std::string fingerprint_of(const cell_key& key, std::string_view value) {
  return to_string(key) + "\n" + content_digest(value);
}
std::string fingerprint_of(const cell_change& c) {
  return fingerprint_of(c.key, c.value);
}

// The applied change this id names, from its history row: its fingerprint
// and its version. None if no row of this sender holds the id.
struct applied_record {
  std::string fingerprint;
  version_t version = 0;
};
std::optional<applied_record> find_applied(const applied_index& index, applied_index::key sent,
                                           cell_writer& cells, sqlite::statement& select_history,
                                           const actor& who, std::string_view change_id) {
  const auto candidates = index.candidates(sent);
  // The row may be one this batch has yet to write.
  if (!candidates.empty()) cells.write_records();
  for (const auto seq : candidates) {
    select_history.bind(1, seq);
    if (select_history.step() && select_history.text_view(0) == change_id &&
        select_history.text_view(1) == who.user && select_history.text_view(2) == who.device) {
      const cell_key key{select_history.int64(3), select_history.int64(4),
                         static_cast<int>(select_history.int64(5)), select_history.text(6)};
      applied_record found{fingerprint_of(key, select_history.text_view(7)), seq};
      select_history.reset();
      return found;
    }
    select_history.reset();
  }
  return std::nullopt;
}

// The answer applied_changes holds for this sender's change id (a
// conflict, a refusal, a value already there), marked as repeated; or a
// refusal if the id was used for another change. None if it holds no row.
std::optional<change_outcome> remembered_outcome(sqlite::statement& select_applied,
                                                 const actor& who, const cell_change& c,
                                                 const auto& fingerprint) {
  select_applied.bind(1, c.change_id).bind(2, who.user).bind(3, who.device);
  if (!select_applied.step()) {
    select_applied.reset();
    return std::nullopt;
  }
  const std::string remembered = select_applied.text(7);
  if (!remembered.empty() && remembered != fingerprint()) {
    select_applied.reset();
    return refused(c, {errc::invalid_argument, reused_id_message(c.change_id)});
  }
  change_outcome o;
  o.change_id = c.change_id;
  o.kind = parse_outcome_kind(select_applied.text(0)).value();
  o.version = select_applied.int64(1);
  o.conflict_id = select_applied.int64(2);
  o.server_value = select_applied.text(3);
  o.server_version = select_applied.int64(4);
  o.reason_code = select_applied.text(5);
  o.reason = select_applied.text(6);
  o.repeated = true;
  select_applied.reset();
  return o;
}

// One call of store::apply: its statements, prepared once, and what it
// has learned. add() settles each change in turn. A cell's first value
// (no base version, no value there yet: all of a workbook's first push)
// waits in a run of up to 64 to be written several rows a statement
// (write_run); anything that could see or touch the run's cells writes it
// first, so every change is settled as if one at a time.
class batch {
 public:
  batch(sqlite::database& db, applied_index& applied, const plan_index& index, const actor& who,
        std::string now, version_t last_seq)
      : db_(db),
        applied_(applied),
        index_(index),
        who_(who),
        now_(std::move(now)),
        by_{who.user, who.device, now_},
        seq_(last_seq),
        cells_(db),
        statuses_(db) {
    auto years = db.prepare("SELECT year FROM finalized_years WHERE plan_id = ?");
    years.bind(1, index.plan.id);
    while (years.step()) finalized_.insert(years.integer(0));
  }

  void add(const cell_change& c);
  // Writes what waits; returns the batch's last number.
  version_t finish() {
    write_run();
    cells_.write_records();
    return seq_;
  }
  std::vector<change_outcome>& outcomes() { return outcomes_; }

 private:
  // A first value waiting in the run, and where its outcome goes.
  struct queued {
    const cell_change* change;
    applied_index::key sent;
    std::size_t outcome;
  };
  bool run_holds(const cell_key& key) const {
    return std::ranges::any_of(run_, [&](const queued& q) { return q.change->key == key; });
  }
  bool run_holds(applied_index::key sent) const {
    return std::ranges::any_of(run_, [&](const queued& q) { return q.sent == sent; });
  }
  void write_run();
  change_outcome settle(const cell_change& c, applied_index::key sent, const result<void>& allowed);
  void open_conflict(const cell_change& c, version_t current_version,
                     const std::string& current_value, change_outcome& o);
  // The cell now holds the change's value at `version`: its history row
  // (also its idempotency record), and the entry started by its first write.
  void record_applied(const cell_change& c, applied_index::key sent, version_t version,
                      version_t previous, std::string_view previous_value);

  sqlite::database& db_;
  applied_index& applied_;
  const plan_index& index_;
  const actor& who_;
  const std::string now_;
  const change_author by_;
  version_t seq_;
  cell_writer cells_;
  entry_statuses statuses_;
  std::set<int> finalized_;
  std::vector<change_outcome> outcomes_;
  std::vector<queued> run_;
  std::vector<cell_writer::new_cell> run_cells_;

  sqlite::statement select_history_ = db_.prepare(
      "SELECT change_id, user_name, device, item_id, department_id, year, field, new_value"
      " FROM history WHERE seq = ?");
  // An id is its sender's: only this user's device (or an outcome stored
  // before ids were scoped, user '') answers for it.
  sqlite::statement select_applied_ = db_.prepare(
      "SELECT outcome, version, conflict_id, server_value, server_version, reason_code, reason,"
      " fingerprint FROM applied_changes WHERE change_id = ?"
      " AND ((user_name = ? AND device = ?) OR user_name = '') ORDER BY user_name DESC LIMIT 1");
  sqlite::statement insert_applied_ = db_.prepare(
      "INSERT INTO applied_changes(change_id, user_name, device, fingerprint, outcome, version,"
      " conflict_id, server_value, server_version, reason_code, reason, received_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  sqlite::statement select_cell_ = db_.prepare(
      "SELECT value, version FROM cells WHERE item_id = ? AND department_id = ? AND year = ? AND "
      "field = ?");
  sqlite::statement select_base_value_ = db_.prepare(
      "SELECT new_value FROM history WHERE seq = ? AND item_id = ? AND department_id = ? AND year "
      "= ? AND field = ?");
  // A conflict this user already has open on the cell (an edit typed while
  // the first was in flight, say): the newer value replaces the older one
  // in it, so one cell never carries two conflicts of the same author.
  sqlite::statement select_own_conflict_ = db_.prepare(conflict_queries::own_open_on_cell);
  sqlite::statement fold_conflict_ = db_.prepare(
      "UPDATE conflicts SET base_version = ?, base_value = ?, server_version = ?, server_value = ?,"
      " incoming_value = ?, device = ?, created_at = ?, seq = ? WHERE id = ?");
  sqlite::statement insert_conflict_ = db_.prepare(
      "INSERT INTO conflicts(item_id, department_id, year, field, change_id, base_version, "
      "base_value, server_version, server_value, incoming_value, user_name, device, created_at,"
      " seq, opened_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?14)");
  // The first write to an entry starts it: 未着手 → 作成中.
  sqlite::statement start_entry_ = db_.prepare(
      "INSERT INTO entries(item_id, department_id, year, status, version) VALUES (?, ?, ?, "
      "'draft', ?) ON CONFLICT(item_id, department_id, year) DO UPDATE SET status = 'draft',"
      " version = excluded.version WHERE status = 'not_started'");
};

void batch::add(const cell_change& c) {
  if (c.change_id.empty() || c.change_id.size() > max_change_id_length ||
      !is_valid_utf8(c.change_id)) {
    // Without a usable id the outcome cannot be remembered; refuse, store nothing.
    outcomes_.push_back(
        refused(c, {errc::invalid_argument, "change_id must be 1 to 128 characters of UTF-8"}));
    return;
  }
  const auto sent = applied_index::key_of(who_.user, who_.device, c.change_id);
  // A retry of a change still in the run is found once the run is written.
  if (run_holds(sent)) write_run();
  if (const auto applied =
          find_applied(applied_, sent, cells_, select_history_, who_, c.change_id)) {
    if (applied->fingerprint != fingerprint_of(c)) {
      outcomes_.push_back(refused(c, {errc::invalid_argument, reused_id_message(c.change_id)}));
    } else {
      change_outcome o;
      o.change_id = c.change_id;
      o.version = applied->version;
      o.repeated = true;
      outcomes_.push_back(std::move(o));
    }
    return;
  }
  // Only the rarer outcomes have a row there: most changes skip the lookup.
  if (applied_.may_have_outcome(sent, c.change_id)) {
    if (auto remembered =
            remembered_outcome(select_applied_, who_, c, [&] { return fingerprint_of(c); })) {
      outcomes_.push_back(std::move(*remembered));
      return;
    }
  }
  // Checked against the entry's status as the batch began: within a batch
  // apply only starts entries, and a started entry takes the same edits.
  const auto allowed = check_change(statuses_, index_, finalized_, who_, c);
  if (allowed && c.base_version == 0 && !c.value.empty() && !run_holds(c.key)) {
    run_.push_back({&c, sent, outcomes_.size()});
    outcomes_.emplace_back();
    if (run_.size() == longest_run) write_run();
    return;
  }
  write_run();
  outcomes_.push_back(settle(c, sent, allowed));
}

void batch::write_run() {
  if (run_.empty()) return;
  run_cells_.clear();
  for (std::size_t i = 0; i < run_.size(); ++i) {
    const auto& c = *run_[i].change;
    run_cells_.push_back({&c.key, c.value, seq_ + 1 + static_cast<version_t>(i)});
  }
  if (cells_.write_all_new(run_cells_)) {
    // First values where none were: decide() would apply each.
    seq_ += static_cast<version_t>(run_.size());
    for (std::size_t i = 0; i < run_.size(); ++i) {
      auto& o = outcomes_[run_[i].outcome];
      o.change_id = run_[i].change->change_id;
      record_applied(*run_[i].change, run_[i].sent, run_cells_[i].version, 0, "");
      o.version = run_cells_[i].version;
    }
  } else {
    // A cell had a value after all: each change in turn, as ever.
    for (const auto& q : run_) {
      // Checked when it was queued; a started entry takes the same edits.
      outcomes_[q.outcome] = settle(*q.change, q.sent, {});
    }
  }
  run_.clear();
}

void batch::record_applied(const cell_change& c, applied_index::key sent, version_t version,
                           version_t previous, std::string_view previous_value) {
  cells_.record_later(version, previous, c.key, c.change_id, previous_value, c.value, by_);
  applied_.add(sent, version);
  if (!c.key.is_plan_cell() && statuses_.of(c.key) == entry_status::not_started) {
    start_entry_.bind(1, c.key.item_id).bind(2, c.key.department_id).bind(3, c.key.year);
    start_entry_.bind(4, ++seq_).run();
    statuses_.started(c.key);
  }
}

change_outcome batch::settle(const cell_change& c, applied_index::key sent,
                             const result<void>& allowed) {
  change_outcome o;
  o.change_id = c.change_id;
  bool recorded_by_history = false;
  if (!allowed) {
    o = refused(c, allowed.error());
  } else if (c.base_version == 0 && !c.value.empty() &&
             cells_.write_new(c.key, c.value, seq_ + 1)) {
    // A first value where none was: decide() would apply it.
    o.version = ++seq_;
    record_applied(c, sent, o.version, 0, "");
    recorded_by_history = true;
  } else {
    select_cell_.bind(1, c.key.item_id)
        .bind(2, c.key.department_id)
        .bind(3, c.key.year)
        .bind(4, c.key.field);
    std::string current_value;
    version_t current_version = 0;
    if (select_cell_.step()) {
      current_value = select_cell_.text(0);
      current_version = select_cell_.int64(1);
    }
    select_cell_.reset();

    switch (decide(current_version, current_value, c)) {
      case merge_decision::unchanged:
        o.version = current_version;
        break;
      case merge_decision::apply:
        o.version = ++seq_;
        cells_.write(c.key, c.value, o.version);
        record_applied(c, sent, o.version, current_version, current_value);
        recorded_by_history = true;
        break;
      case merge_decision::conflict:
        open_conflict(c, current_version, current_value, o);
        break;
    }
  }
  if (!recorded_by_history) {
    insert_applied_.bind(1, o.change_id).bind(2, who_.user).bind(3, who_.device);
    insert_applied_.bind(4, fingerprint_of(c)).bind(5, to_string(o.kind)).bind(6, o.version);
    insert_applied_.bind(7, o.conflict_id).bind(8, o.server_value).bind(9, o.server_version);
    insert_applied_.bind(10, o.reason_code).bind(11, o.reason).bind(12, now_).run();
    applied_.add_outcome(sent);
  }
  return o;
}

void batch::open_conflict(const cell_change& c, version_t current_version,
                          const std::string& current_value, change_outcome& o) {
  std::string base_value;
  if (c.base_version > 0) {
    cells_.write_records();  // the base may be this batch's
    select_base_value_.bind(1, c.base_version).bind(2, c.key.item_id).bind(3, c.key.department_id);
    select_base_value_.bind(4, c.key.year).bind(5, c.key.field);
    if (select_base_value_.step()) base_value = select_base_value_.text(0);
    select_base_value_.reset();
  }
  select_own_conflict_.bind(1, c.key.item_id).bind(2, c.key.department_id);
  select_own_conflict_.bind(3, c.key.year).bind(4, c.key.field).bind(5, who_.user);
  const record_id open_id = select_own_conflict_.step() ? select_own_conflict_.int64(0) : 0;
  select_own_conflict_.reset();
  if (open_id != 0) {
    fold_conflict_.bind(1, c.base_version).bind(2, base_value).bind(3, current_version);
    fold_conflict_.bind(4, current_value).bind(5, c.value).bind(6, who_.device);
    fold_conflict_.bind(7, now_).bind(8, ++seq_).bind(9, open_id).run();
    o.conflict_id = open_id;
  } else {
    insert_conflict_.bind(1, c.key.item_id).bind(2, c.key.department_id).bind(3, c.key.year);
    insert_conflict_.bind(4, c.key.field).bind(5, c.change_id).bind(6, c.base_version);
    insert_conflict_.bind(7, base_value).bind(8, current_version).bind(9, current_value);
    insert_conflict_.bind(10, c.value).bind(11, who_.user).bind(12, who_.device).bind(13, now_);
    insert_conflict_.bind(14, ++seq_).run();
    o.conflict_id = db_.last_insert_rowid();
    cells_.conflict_opened();
  }
  o.kind = outcome_kind::conflict;
  o.server_value = current_value;
  o.server_version = current_version;
}

}  // namespace

std::vector<change_outcome> store::apply(const plan_index& index, const actor& who,
                                         std::span<const cell_change> changes) {
  sqlite::transaction tx(db_);
  applied_.catch_up(db_);
  batch changes_here(db_, applied_, index, who, clock_(), last_seq());
  changes_here.outcomes().reserve(changes.size());
  for (const auto& c : changes) changes_here.add(c);
  const version_t seq = changes_here.finish();

  auto save_seq = db_.prepare("UPDATE meta SET value = ? WHERE key = 'last_seq'");
  save_seq.bind(1, seq).run();
  tx.commit();
  // Inside another transaction (a plan import) the rows are not durable
  // yet: the next batch reads them back from the history instead.
  if (!db_.in_transaction()) applied_.committed_through(seq);
  return std::move(changes_here.outcomes());
}

void store::committed() {
  applied_.committed_through(last_seq());
}

void store::rolled_back() {
  applied_.rolled_back();
}

}  // namespace matome
