#pragma once
// matome::store: the plan, its cells and their history in one SQLite file.
// The server's master database and each client's replica are both a store.
//
// Thread safety: none; one store per thread (SQLite connections are cheap,
// WAL lets readers run beside the single writer).
// Errors: domain failures are returned as result<T>; SQLite failures throw
// matome::failure(errc::storage) and leave the file as it was before the call
// (every multi-row change runs in one transaction).

#include <filesystem>
#include <optional>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include "matome/domain/cell.h"
#include "matome/domain/entry.h"
#include "matome/domain/plan.h"
#include "matome/store/applied_index.h"
#include "matome/store/sqlite.h"
#include "matome/sync/action.h"
#include "matome/sync/change.h"
#include "matome/sync/feed.h"
#include "matome/util/clock.h"

namespace matome {

struct user_account {
  record_id id = 0;
  std::string login;
  std::string display_name;
  record_id department_id = 0;  // 0 for an administrator outside any department
  matome::role role = role::member;
  std::string password_hash;
  bool disabled = false;
};

// A plan with its items, loaded once and consulted for every change of a batch.
struct plan_index {
  matome::plan plan;
  std::vector<plan_item> items;                           // tree order: parents before children
  std::unordered_map<record_id, std::size_t> item_by_id;  // id → position in items

  const plan_item* find_item(record_id id) const;
};

class store {
 public:
  // Opens or creates the file and migrates it to the current schema.
  static result<store> open(const std::filesystem::path& path, clock_fn clock = utc_now_iso);

  sqlite::database& db() { return db_; }

  // ---- timeline -------------------------------------------------------
  // The id of the database's current timeline (schema.cpp, step 9).
  std::string timeline();
  // Starts a new timeline, for a database that was restored or rolled back
  // (sequence numbers handed out again); returns its id.
  std::string start_timeline(std::string_view reason);
  // When the last backup of this database was written (Unix seconds), for
  // monitoring; nullopt when none was.
  void record_backup(std::int64_t unix_seconds);
  std::optional<std::int64_t> last_backup();
  // The database's pages plus its write-ahead log: what the disk holds for it.
  std::int64_t database_bytes();

  // ---- structure ------------------------------------------------------
  result<record_id> add_department(const department& d);
  std::vector<department> departments();
  result<department> find_department_by_code(std::string_view code);

  // Validates and stores the plan with its template; returns its id.
  result<record_id> add_plan(const plan& p);
  result<plan> load_plan(record_id plan_id);
  result<record_id> find_plan_by_code(std::string_view code);
  std::vector<record_id> plan_ids();
  // Replaces the plan's report layout (JSON the caller checked with
  // parse_layout; empty: the default layout). Replicas take it at their
  // next sync, like any structure change.
  result<void> set_report_layout(record_id plan_id, std::string_view layout_json);

  // Adds an item under item.parent_id (0: top level), with its owners.
  result<record_id> add_item(record_id plan_id, const plan_item& item);
  result<void> add_relisting(record_id item_id, const relisting& where);
  // Moves an item under another heading of the level above it (0: the top
  // level, for a top-level item), last among its new siblings, printed
  // with `new_label` there if one is given. Everything reported on it
  // stays with it: cells, entries and history are the item's, wherever it
  // is listed, so edits made offline meanwhile land on it.
  result<void> move_item(record_id item_id, record_id new_parent_id,
                         std::string_view new_label = {});
  // The departments that report on a row, in printed order (at least one).
  // A department taken off keeps what it reported, no longer shown.
  result<void> set_item_owners(record_id item_id, const std::vector<record_id>& owner_ids);
  // Removes an item that nothing refers to yet: no items under it, no
  // values, entries, conflicts or comments. Reported data is never dropped.
  result<void> remove_item(record_id item_id);
  result<plan_index> load_plan_index(record_id plan_id);

  result<record_id> add_user(const user_account& account);
  result<user_account> find_user(std::string_view login);
  // Moves a user to another department and/or role. Their devices see the
  // new scope at their next sync (the replica re-pulls).
  result<void> update_user(std::string_view login, record_id department_id, matome::role role);
  std::vector<user_account> users();

  // ---- reading --------------------------------------------------------
  std::optional<cell> find_cell(const cell_key& key);
  std::vector<cell> cells_of_entry(const entry_key& key);
  entry find_entry(const entry_key& key);  // not_started when never touched
  // Every entry of `year` that has been touched, in one query (for views
  // that show them all; an absent entry is not_started).
  std::vector<entry> entries_of_year(record_id plan_id, int year);
  std::vector<history_record> history_of(const cell_key& key);
  result<conflict_record> find_conflict(record_id conflict_id);
  std::vector<conflict_record> open_conflicts(record_id plan_id);
  bool is_finalized(record_id plan_id, int year);
  std::int64_t last_seq();
  // A transaction the caller opened around several apply() calls (the
  // server's group commit) was committed: the changes they applied are
  // durable, and found by their ids without reading them back.
  void committed();
  // ...or rolled back: what those calls read of each other's rows is gone.
  void rolled_back();

  std::vector<comment_record> comments_of(const entry_key& key);
  std::vector<int> finalized_years(record_id plan_id);
  std::int64_t structure_version(record_id plan_id);

  // The change feed after `cursor` as `scope` may see it, at most `limit`
  // rows. Rows are in sequence order and a page never splits one number.
  // When no page follows, the cursor is the store's last sequence number.
  feed_page pull(record_id plan_id, const feed_scope& scope, std::int64_t cursor,
                 std::size_t limit);
  // Reads that page now and keeps it for the pull that asks for it, as
  // long as nothing is written in between (by this connection or
  // another). The server reads a first pull's next page while the last
  // one is on its way: a page cannot be asked for before the one before
  // it says where it ends. One page is kept at a time.
  void read_ahead(record_id plan_id, const feed_scope& scope, std::int64_t cursor,
                  std::size_t limit);
  // How many pulls a page read ahead has answered.
  std::int64_t pages_read_ahead() const { return pages_read_ahead_; }

  // Entries of `year` counted by department and status, every owner of
  // every row included (an entry never touched counts as not_started).
  struct status_count {
    record_id department_id;
    entry_status status;
    int count;
  };
  std::vector<status_count> status_counts(record_id plan_id, int year);
  std::optional<std::string> due_date(record_id plan_id, int year);
  result<void> set_due_date(record_id plan_id, const actor& who, int year,
                            std::string_view yyyy_mm_dd);

  // ---- writing --------------------------------------------------------
  // Reads the applied change ids from the history (applied_index.h), which
  // the first apply() would otherwise do: a server calls it as it starts
  // (about 1 s per million changes) rather than make a push wait for it.
  void read_applied_ids() { applied_.catch_up(db_); }

  // Applies a batch of changes from one actor in one transaction. Each change
  // gets an outcome; a change id seen before gets its first outcome again
  // (repeated = true) and changes nothing.
  std::vector<change_outcome> apply(const plan_index& index, const actor& who,
                                    std::span<const cell_change> changes);

  // Moves an entry through the workflow (submit, accept, return, ...). A
  // return needs a comment; a submit needs the template's required fields.
  result<entry> transition(const plan_index& index, const actor& who, const entry_key& key,
                           entry_action action, std::string_view comment = {});

  // Settles a conflict: keep the server's current value, take the incoming
  // one, or write a merged value. Only the owning department or a
  // coordinator. `seen_version` is the server version of the cell that the
  // resolver was shown (the conflict's server_version); when the cell has
  // moved on since, the resolution is refused as stale, naming the value it
  // holds now, so nobody overwrites a value they never saw (0: decided on
  // the current value). In a finalized year a coordinator may still close
  // a conflict by keeping the server's value.
  enum class resolution { keep_server, take_incoming, merged };
  result<conflict_record> resolve_conflict(const plan_index& index, const actor& who,
                                           record_id conflict_id, resolution how,
                                           std::string_view merged_value = {},
                                           version_t seen_version = 0);

  // ---- replica --------------------------------------------------------
  // A client replica holds the server's rows with the server's ids and
  // numbers. These write them as they come, with no rules applied: the
  // server applied the rules already.

  // Makes the plan's structure exactly the snapshot's (plan, template,
  // departments, items, owners), keeping cells of items that remain;
  // items the snapshot lacks are removed.
  void replace_structure(const plan& p, const std::vector<department>& departments,
                         const std::vector<plan_item>& items, std::int64_t structure_version);
  // Stores a page of the change feed; a row older than the one held is skipped.
  void apply_feed(record_id plan_id, const feed_page& page);

  // Applies actions in order, each at most once per action id (a repeated
  // id gets its first outcome). Each action is all or nothing.
  std::vector<action_outcome> apply_actions(const plan_index& index, const actor& who,
                                            std::span<const workflow_action> actions);

  // Locks a fiscal year for everyone. Coordinators only.
  result<void> finalize_year(record_id plan_id, const actor& who, int year);

  // Adds a comment to an entry's thread.
  result<record_id> add_comment(const plan_index& index, const actor& who, const entry_key& key,
                                std::string_view body);

 private:
  store(sqlite::database db, clock_fn clock) : db_(std::move(db)), clock_(std::move(clock)) {}
  // A new structure number for the plan (every plan when 0), so replicas
  // and the server's cached index see that the plan's shape changed.
  void bump_structure(record_id plan_id);

  std::int64_t next_seq();  // inside a transaction only
  // Replaces the plan's template fields and their options.
  void write_template(record_id plan_id, const report_template& tmpl);
  void insert_comment(const entry_key& key, std::string_view author, std::string_view body,
                      std::string_view at, std::int64_t seq);

  feed_page read_page(record_id plan_id, const feed_scope& scope, std::int64_t cursor,
                      std::size_t limit);
  // What the database looked like to this connection: any write since,
  // here or by another connection, changes it.
  std::pair<std::int64_t, std::int64_t> write_stamp();

  sqlite::database db_;
  clock_fn clock_;
  applied_index applied_;  // which history rows hold applied change ids
  struct page_ahead {
    record_id plan_id;
    feed_scope scope;
    std::int64_t cursor;
    std::size_t limit;
    std::pair<std::int64_t, std::int64_t> stamp;
    feed_page page;
  };
  std::optional<page_ahead> ahead_;  // store::read_ahead
  std::int64_t pages_read_ahead_ = 0;
};

}  // namespace matome
