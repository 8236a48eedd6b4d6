#pragma once
// A client's local replica: the plan, the cells it may see with the versions
// last seen, and the outbox of its own edits. Everything a department does
// offline goes through here; sync (sync_engine.h) moves it to and from the
// server.
//
// Durability: edit() returns only after the outbox row is committed
// (synchronous=FULL), so an edit the UI shows as saved survives a crash.
// Thread safety: one replica object per thread; several may open the same
// file (SQLite serializes the writers).

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "matome/store/store.h"
#include "matome/sync/bundle.h"
#include "matome/wire/messages.h"

namespace matome::client {

// Who this replica belongs to, fixed at sign-in.
struct identity {
  std::string server;  // base URL: http://127.0.0.1:8750
  std::string user;
  std::string device;
  record_id department_id = 0;
  matome::role role = role::member;
  record_id plan_id = 0;

  actor as_actor() const { return {user, device, department_id, role}; }
};

// One cell's own edit, waiting to be sent or refused by the server.
struct outbox_entry {
  cell_change change;
  bool in_flight = false;
  std::optional<std::string> queued_value;  // edited again while in flight
  bool refused = false;
  std::string reason_code;
  std::string reason;
  std::string edited_at;
};

// A workflow step, resolution or comment made offline, waiting to be sent.
struct queued_action {
  workflow_action action;
  bool in_flight = false;
  bool refused = false;
  std::string reason_code;
  std::string reason;
  std::string created_at;
};

struct outbox_counts {
  int pending = 0;  // edits not yet accepted by the server
  int refused = 0;  // refused, kept until discarded
};

struct replica_status {
  int pending = 0;      // edits not yet accepted by the server
  int actions = 0;      // workflow steps, resolutions and comments not yet sent
  int refused = 0;      // refused by the server, kept until discarded
  int conflicts = 0;    // open conflicts this user may see
  int stale_edits = 0;  // unsent edits whose cell changed on the server meanwhile
  std::int64_t cursor = 0;
  std::string last_sync;  // UTC ISO 8601, empty before the first
  bool has_plan = false;
};

class replica {
 public:
  // Opens (creating if needed) the replica file. `clock` stamps what the
  // device records (edit times, last sync); tests skew it. Only the
  // server's sequence numbers decide outcomes, never these times.
  static result<replica> open(const std::filesystem::path& path, clock_fn clock = utc_now_iso);

  // Now, by this device's clock.
  std::string now() const { return clock_(); }

  store& db() { return store_; }

  std::optional<identity> who();
  // A replica belongs to one user on one server: signing in as anyone else
  // is refused (before any password is sent), with what to do instead.
  result<void> check_owner(std::string_view server, std::string_view user);
  void set_identity(const identity& id);
  std::optional<std::string> setting(std::string_view key);
  void set_setting(std::string_view key, std::string_view value);

  // The plan as last synced; not_found before the first sync.
  result<plan_index> plan();

  // What the user sees in a cell: their own unsent value, else the server's.
  std::string value_of(const cell_key& key);

  // Records an edit offline, after the same checks the server makes (the
  // server checks again). Several edits of one cell before a sync coalesce
  // into one change. A table may be typed in any JSON spacing and member
  // order; it is kept in its stored form (stored_form), as is a merged one.
  // `seen_version`: the server version of the value the user was shown when
  // they began typing (a form's editor), if a pull may have brought a newer
  // one since; the edit is then based on it and a newer value conflicts.
  result<void> edit(const cell_key& key, std::string_view value,
                    std::optional<version_t> seen_version = std::nullopt);

  // Drops a refused (or any unsent) edit of a cell; the server's value shows again.
  result<void> discard(const cell_key& key);

  std::vector<outbox_entry> outbox();

  // Queues a workflow step (submit, return, accept, reopen, approve,
  // send_back), a conflict resolution or a comment, after the checks that
  // can be made offline. Sent by the next sync or bundle, after the edits.
  // Each returns the queued action's id, so its own outcome can be found
  // among the others in actions().
  result<std::string> queue_transition(const entry_key& key, entry_action action,
                                       std::string_view comment = {});
  result<std::string> queue_resolution(record_id conflict_id, std::string_view take,
                                       std::string_view merged_value = {});
  result<std::string> queue_comment(const entry_key& key, std::string_view body);
  std::vector<queued_action> actions();
  // Drops a refused (or not yet sent) action.
  result<void> discard_action(std::string_view action_id);
  replica_status status();
  // The outbox part of status(), without its costlier counts (for sync).
  outbox_counts count_outbox();
  // The items with an edit or a step not sent yet (the plan tree's marks).
  std::set<record_id> items_with_unsent();
  // Every value written on each item, any year, the user's unsent text
  // included, joined by spaces (what a search of the plan reads).
  std::map<record_id, std::string> text_by_item();

  // ---- used by sync ----------------------------------------------------
  // The user now reports for another department or role: what the old
  // scope showed is dropped and the feed is pulled again from the start.
  // Unsent edits and actions stay; the server decides on them.
  void change_scope(record_id department_id, matome::role role);
  // Takes the server's structure. An unsent edit of a row this department
  // no longer reports on (taken off as owner, or the row removed) is
  // refused with the reason, and stays visible until discarded.
  void take_structure(const wire::plan_snapshot& snapshot);
  // Marks up to `limit` pending changes, at most `max_bytes` of push body,
  // in flight and returns them; changes left in flight by an interrupted
  // sync come first, with the same ids. A change whose value its field does
  // not allow, or bigger than `max_bytes` alone, is refused here with the
  // reason instead of being sent. `sending`: ids in flight in this sync
  // already (the sync engine keeps two batches in flight), passed over.
  std::vector<cell_change> begin_push(std::size_t limit, std::size_t max_bytes,
                                      const std::set<std::string>& sending = {});
  // Stores the server's outcomes; each settled change leaves the outbox.
  void record_outcomes(const std::vector<change_outcome>& outcomes);
  std::int64_t cursor();
  std::vector<workflow_action> begin_actions(std::size_t limit);
  void record_action_outcomes(const std::vector<action_outcome>& outcomes);

  // ---- a server restored from a backup (replica_timeline.cpp) ----------
  // The server timeline this replica's cursor and base versions belong to.
  std::optional<std::string> server_timeline();
  // The server was restored or rolled back: its sequence numbers were handed
  // out again, so nothing numbered before can be trusted. Drops what was
  // pulled, puts the cursor at 0, turns the user's own values that the
  // server may have lost into edits to send again, marks every unsent edit
  // for a new base, and refuses queued resolutions (conflict ids are
  // reissued too). All in one transaction; pull everything, then call
  // finish_timeline().
  void begin_timeline(const std::string& timeline);
  // Whether begin_timeline() ran and finish_timeline() is still due.
  bool rebasing();
  // After the pull from the start: each marked edit gets the base it has
  // in the new timeline — the server's version when the server holds the
  // value the edit was made on, else 0, so a value the user never saw
  // conflicts instead of being overwritten. An edit whose value the server
  // already has is dropped. Returns how many edits will be sent.
  int finish_timeline();

  // ---- sync by file ---------------------------------------------------
  // This device's signing key, made and kept on first use; its public half
  // is registered with the server at sign-in.
  signing_key device_key();
  // The outbox as a signed "changes" bundle; its changes count as in flight
  // until the answer comes back (a lost file is simply exported again, with
  // the same change ids).
  result<std::string> export_bundle();
  // Applies a server-signed "answer" bundle: outcomes, structure and every
  // change the device lacked, all or nothing. Importing it twice changes
  // nothing more.
  result<void> import_answer(std::string_view bundle_text);

 private:
  replica(store s, clock_fn clock) : store_(std::move(s)), clock_(std::move(clock)) {}
  // Drops every pulled row and puts the cursor at 0 (inside a transaction).
  void forget_pulled();
  // The plan, loaded once per structure version: edits check against it,
  // and reloading thousands of items per keystroke would be wasted work.
  result<const plan_index*> cached_plan();

  store store_;
  clock_fn clock_;
  std::optional<std::pair<std::int64_t, plan_index>> plan_cache_;  // structure version, plan
};

}  // namespace matome::client
