#include "matome/store/schema.h"

namespace matome {
namespace {

// Step 1: the domain. Cells use the natural key (item, department, year,
// field); department 0 is a plan-scope cell. Every replicated row carries a
// number from the single change sequence kept in meta.last_seq, so a pull is
// "everything with a number above my cursor".
constexpr std::string_view v1_domain = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO meta(key, value) VALUES ('last_seq', 0);

CREATE TABLE departments (
  id       INTEGER PRIMARY KEY,
  code     TEXT NOT NULL UNIQUE,
  name     TEXT NOT NULL,
  external INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE plans (
  id               INTEGER PRIMARY KEY,
  code             TEXT NOT NULL UNIQUE,
  title            TEXT NOT NULL,
  city             TEXT NOT NULL,
  first_year       INTEGER NOT NULL,
  last_year        INTEGER NOT NULL,
  report_year      INTEGER NOT NULL,
  level_names      TEXT NOT NULL,          -- one name per line
  department_check INTEGER NOT NULL DEFAULT 0,
  seq              INTEGER NOT NULL DEFAULT 0,
  CHECK (first_year <= last_year)
);

CREATE TABLE template_fields (
  plan_id      INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  key          TEXT NOT NULL,
  position     INTEGER NOT NULL,
  label        TEXT NOT NULL,
  type         TEXT NOT NULL,
  scope        TEXT NOT NULL CHECK (scope IN ('plan', 'report')),
  element_type TEXT NOT NULL,
  unit         TEXT NOT NULL DEFAULT '',
  max_length   INTEGER NOT NULL DEFAULT 0,
  required     INTEGER NOT NULL DEFAULT 0,
  reason_field TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (plan_id, key)
) WITHOUT ROWID;

CREATE TABLE template_options (
  plan_id    INTEGER NOT NULL,
  field_key  TEXT NOT NULL,
  position   INTEGER NOT NULL,
  value      TEXT NOT NULL,
  definition TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (plan_id, field_key, position),
  FOREIGN KEY (plan_id, field_key) REFERENCES template_fields(plan_id, key) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE items (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  parent_id   INTEGER REFERENCES items(id),
  level       INTEGER NOT NULL,
  position    INTEGER NOT NULL,
  label       TEXT NOT NULL,
  title       TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  page_ref    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX items_by_plan ON items(plan_id, parent_id, position);

CREATE TABLE item_owners (
  item_id       INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  department_id INTEGER NOT NULL REFERENCES departments(id),
  position      INTEGER NOT NULL,
  PRIMARY KEY (item_id, department_id)
) WITHOUT ROWID;
CREATE INDEX item_owners_by_department ON item_owners(department_id);

CREATE TABLE item_relistings (
  item_id   INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  parent_id INTEGER NOT NULL REFERENCES items(id),
  label     TEXT NOT NULL,
  PRIMARY KEY (item_id, parent_id)
) WITHOUT ROWID;

CREATE TABLE finalized_years (
  plan_id      INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  year         INTEGER NOT NULL,
  finalized_by TEXT NOT NULL,
  finalized_at TEXT NOT NULL,
  seq          INTEGER NOT NULL,
  PRIMARY KEY (plan_id, year)
) WITHOUT ROWID;

CREATE TABLE entries (
  item_id       INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  department_id INTEGER NOT NULL REFERENCES departments(id),
  year          INTEGER NOT NULL,
  status        TEXT NOT NULL,
  version       INTEGER NOT NULL,
  PRIMARY KEY (item_id, department_id, year)
) WITHOUT ROWID;
CREATE INDEX entries_by_version ON entries(version);

CREATE TABLE cells (
  item_id       INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  department_id INTEGER NOT NULL,          -- 0: plan-scope cell
  year          INTEGER NOT NULL,          -- 0: plan cell that is not a series
  field         TEXT NOT NULL,
  value         TEXT NOT NULL,
  version       INTEGER NOT NULL,
  PRIMARY KEY (item_id, department_id, year, field)
) WITHOUT ROWID;
CREATE INDEX cells_by_version ON cells(version);

-- Append-only: one row per applied change, numbered by the change sequence.
CREATE TABLE history (
  seq           INTEGER PRIMARY KEY,
  item_id       INTEGER NOT NULL,
  department_id INTEGER NOT NULL,
  year          INTEGER NOT NULL,
  field         TEXT NOT NULL,
  change_id     TEXT NOT NULL,
  old_value     TEXT NOT NULL,
  new_value     TEXT NOT NULL,
  user_name     TEXT NOT NULL,
  device        TEXT NOT NULL,
  at            TEXT NOT NULL
);
CREATE INDEX history_by_cell ON history(item_id, department_id, year, field, seq);
CREATE TRIGGER history_is_append_only_u BEFORE UPDATE ON history
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER history_is_append_only_d BEFORE DELETE ON history
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

CREATE TABLE conflicts (
  id             INTEGER PRIMARY KEY,
  item_id        INTEGER NOT NULL,
  department_id  INTEGER NOT NULL,
  year           INTEGER NOT NULL,
  field          TEXT NOT NULL,
  change_id      TEXT NOT NULL UNIQUE,
  base_version   INTEGER NOT NULL,
  base_value     TEXT NOT NULL,
  server_version INTEGER NOT NULL,
  server_value   TEXT NOT NULL,
  incoming_value TEXT NOT NULL,
  user_name      TEXT NOT NULL,
  device         TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  resolved_value TEXT,                     -- NULL while open
  resolved_by    TEXT,
  resolved_at    TEXT,
  seq            INTEGER NOT NULL
);
CREATE INDEX conflicts_by_seq ON conflicts(seq);
CREATE INDEX conflicts_by_cell ON conflicts(item_id, department_id, year, field);

CREATE TABLE comments (
  id            INTEGER PRIMARY KEY,
  item_id       INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  department_id INTEGER NOT NULL,
  year          INTEGER NOT NULL,
  author        TEXT NOT NULL,
  body          TEXT NOT NULL,
  at            TEXT NOT NULL,
  seq           INTEGER NOT NULL
);
CREATE INDEX comments_by_entry ON comments(item_id, department_id, year, id);
)sql";

// Step 2: sync bookkeeping and accounts. applied_changes remembers the
// outcome of every change id, so a retried push gets the same answer and is
// never applied twice.
constexpr std::string_view v2_sync_and_accounts = R"sql(
CREATE TABLE applied_changes (
  change_id      TEXT PRIMARY KEY,
  outcome        TEXT NOT NULL CHECK (outcome IN ('applied', 'conflict', 'refused')),
  version        INTEGER NOT NULL DEFAULT 0,
  conflict_id    INTEGER NOT NULL DEFAULT 0,
  server_value   TEXT NOT NULL DEFAULT '',
  server_version INTEGER NOT NULL DEFAULT 0,
  reason_code    TEXT NOT NULL DEFAULT '',
  reason         TEXT NOT NULL DEFAULT '',
  received_at    TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  login         TEXT NOT NULL UNIQUE,
  display_name  TEXT NOT NULL,
  department_id INTEGER REFERENCES departments(id),
  role          TEXT NOT NULL CHECK (role IN ('member', 'chief', 'coordinator', 'admin')),
  password_hash TEXT NOT NULL,             -- libsodium crypto_pwhash_str (argon2id)
  disabled      INTEGER NOT NULL DEFAULT 0
);
)sql";

// Step 3: what the server needs to run for real: device tokens (stored as
// hashes, revocable) and a due date per reporting year for the dashboard.
constexpr std::string_view v3_devices_and_due_dates = R"sql(
CREATE TABLE devices (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  name         TEXT NOT NULL,
  token_hash   TEXT NOT NULL UNIQUE,       -- BLAKE2b of the random token
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  revoked_at   TEXT
);
CREATE INDEX devices_by_user ON devices(user_id);

CREATE TABLE due_dates (
  plan_id  INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  year     INTEGER NOT NULL,
  due_date TEXT NOT NULL,                  -- YYYY-MM-DD
  PRIMARY KEY (plan_id, year)
) WITHOUT ROWID;
)sql";

// Step 4: a client replica's own tables. The outbox holds at most one
// pending change per cell (edits before a sync travel as one change); a row
// leaves it only once the server's outcome is stored here.
constexpr std::string_view v4_client_replica = R"sql(
CREATE TABLE outbox (
  item_id       INTEGER NOT NULL,
  department_id INTEGER NOT NULL,
  year          INTEGER NOT NULL,
  field         TEXT NOT NULL,
  change_id     TEXT NOT NULL UNIQUE,
  base_version  INTEGER NOT NULL,
  value         TEXT NOT NULL,
  in_flight     INTEGER NOT NULL DEFAULT 0,  -- sent; the outcome is not stored yet
  queued_value  TEXT,                        -- edited again while in flight
  state         TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'refused')),
  reason_code   TEXT NOT NULL DEFAULT '',
  reason        TEXT NOT NULL DEFAULT '',
  edited_at     TEXT NOT NULL,
  PRIMARY KEY (item_id, department_id, year, field)
) WITHOUT ROWID;

CREATE TABLE sync_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// Step 5: sync by file. Devices register an Ed25519 public key at login so
// the server can trust their bundles; the server signs its answers with
// its own key.
constexpr std::string_view v5_bundle_keys = R"sql(
ALTER TABLE devices ADD COLUMN public_key TEXT;
CREATE UNIQUE INDEX devices_by_public_key ON devices(public_key);
CREATE TABLE server_keys (
  id         INTEGER PRIMARY KEY,
  public_key TEXT NOT NULL,
  secret_key TEXT NOT NULL,
  created_at TEXT NOT NULL
);
)sql";

// Step 6: actions (workflow steps, resolutions, comments) made offline.
// The server remembers each action id's outcome, as for cell changes; a
// replica queues its own until they are answered.
constexpr std::string_view v6_actions = R"sql(
CREATE TABLE applied_actions (
  action_id   TEXT PRIMARY KEY,
  done        INTEGER NOT NULL,
  reason_code TEXT NOT NULL DEFAULT '',
  reason      TEXT NOT NULL DEFAULT '',
  received_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE pending_actions (
  action_id     TEXT PRIMARY KEY,
  position      INTEGER NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('transition', 'resolve', 'comment')),
  item_id       INTEGER NOT NULL DEFAULT 0,
  department_id INTEGER NOT NULL DEFAULT 0,
  year          INTEGER NOT NULL DEFAULT 0,
  name          TEXT NOT NULL DEFAULT '',
  conflict_id   INTEGER NOT NULL DEFAULT 0,
  text          TEXT NOT NULL DEFAULT '',
  in_flight     INTEGER NOT NULL DEFAULT 0,
  state         TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'refused')),
  reason_code   TEXT NOT NULL DEFAULT '',
  reason        TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// Step 7: a queued conflict resolution remembers which server value its
// author was shown, so the server can refuse one decided on an older value.
constexpr std::string_view v7_resolution_seen_version = R"sql(
ALTER TABLE pending_actions ADD COLUMN seen_version INTEGER NOT NULL DEFAULT 0;
)sql";

// Step 8: change and action ids are their sender's. One department's id,
// read from its plain-text sync file, says nothing about another's change,
// so outcomes are remembered per (id, user, device), with a fingerprint of
// what the change was: a reused id is refused, never answered with another
// change's outcome. Outcomes from before this step keep user '' and still
// answer a retry of their id. Two users' conflicts may carry the same id.
constexpr std::string_view v8_ids_per_device = R"sql(
CREATE TABLE applied_changes_v8 (
  change_id      TEXT NOT NULL,
  user_name      TEXT NOT NULL,
  device         TEXT NOT NULL,
  fingerprint    TEXT NOT NULL DEFAULT '',  -- cell and value digest; '' before step 8
  outcome        TEXT NOT NULL CHECK (outcome IN ('applied', 'conflict', 'refused')),
  version        INTEGER NOT NULL DEFAULT 0,
  conflict_id    INTEGER NOT NULL DEFAULT 0,
  server_value   TEXT NOT NULL DEFAULT '',
  server_version INTEGER NOT NULL DEFAULT 0,
  reason_code    TEXT NOT NULL DEFAULT '',
  reason         TEXT NOT NULL DEFAULT '',
  received_at    TEXT NOT NULL,
  PRIMARY KEY (change_id, user_name, device)
) WITHOUT ROWID;
INSERT INTO applied_changes_v8(change_id, user_name, device, outcome, version, conflict_id,
  server_value, server_version, reason_code, reason, received_at)
  SELECT change_id, '', '', outcome, version, conflict_id, server_value, server_version,
  reason_code, reason, received_at FROM applied_changes;
DROP TABLE applied_changes;
ALTER TABLE applied_changes_v8 RENAME TO applied_changes;

CREATE TABLE applied_actions_v8 (
  action_id   TEXT NOT NULL,
  user_name   TEXT NOT NULL,
  device      TEXT NOT NULL,
  fingerprint TEXT NOT NULL DEFAULT '',
  done        INTEGER NOT NULL,
  reason_code TEXT NOT NULL DEFAULT '',
  reason      TEXT NOT NULL DEFAULT '',
  received_at TEXT NOT NULL,
  PRIMARY KEY (action_id, user_name, device)
) WITHOUT ROWID;
INSERT INTO applied_actions_v8(action_id, user_name, device, done, reason_code, reason,
  received_at)
  SELECT action_id, '', '', done, reason_code, reason, received_at FROM applied_actions;
DROP TABLE applied_actions;
ALTER TABLE applied_actions_v8 RENAME TO applied_actions;

CREATE TABLE conflicts_v8 (
  id             INTEGER PRIMARY KEY,
  item_id        INTEGER NOT NULL,
  department_id  INTEGER NOT NULL,
  year           INTEGER NOT NULL,
  field          TEXT NOT NULL,
  change_id      TEXT NOT NULL,
  base_version   INTEGER NOT NULL,
  base_value     TEXT NOT NULL,
  server_version INTEGER NOT NULL,
  server_value   TEXT NOT NULL,
  incoming_value TEXT NOT NULL,
  user_name      TEXT NOT NULL,
  device         TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  resolved_value TEXT,
  resolved_by    TEXT,
  resolved_at    TEXT,
  seq            INTEGER NOT NULL
);
INSERT INTO conflicts_v8 SELECT id, item_id, department_id, year, field, change_id,
  base_version, base_value, server_version, server_value, incoming_value, user_name, device,
  created_at, resolved_value, resolved_by, resolved_at, seq FROM conflicts;
DROP TABLE conflicts;
ALTER TABLE conflicts_v8 RENAME TO conflicts;
CREATE INDEX conflicts_by_seq ON conflicts(seq);
CREATE INDEX conflicts_by_cell ON conflicts(item_id, department_id, year, field);
)sql";

// Step 9: the database's timeline. Sequence numbers mean something only
// within one timeline: a restored backup, a copied-back file or a rolled
// back VM starts numbering again from an earlier point, so it gets a new
// timeline id, and a replica that meets a new id pulls again from the start
// instead of trusting its cursor and base versions. On a replica,
// own_values keeps the user's acknowledged values (to send again to a
// server that lost them) and outbox.rebase marks edits whose base must be
// found again in the new timeline.
constexpr std::string_view v9_timelines = R"sql(
CREATE TABLE timelines (
  id         TEXT NOT NULL PRIMARY KEY,
  started_at TEXT NOT NULL,
  reason     TEXT NOT NULL
);
INSERT INTO timelines(id, started_at, reason)
  VALUES (lower(hex(randomblob(16))), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'created');

CREATE TABLE own_values (
  item_id       INTEGER NOT NULL,
  department_id INTEGER NOT NULL,
  year          INTEGER NOT NULL,
  field         TEXT NOT NULL,
  base_value    TEXT,              -- the server's value it replaced; NULL when not known
  value         TEXT NOT NULL,
  version       INTEGER NOT NULL,
  PRIMARY KEY (item_id, department_id, year, field)
) WITHOUT ROWID;

ALTER TABLE outbox ADD COLUMN rebase INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN rebase_on TEXT;
)sql";

// Step 10: template fields that are tables (their columns, as JSON) and
// sections written on headings (level: -1 on rows, 0.. a heading level).
constexpr std::string_view v10_tables_and_sections = R"sql(
ALTER TABLE template_fields ADD COLUMN table_columns TEXT NOT NULL DEFAULT '';
ALTER TABLE template_fields ADD COLUMN level INTEGER NOT NULL DEFAULT -1;
)sql";

// Step 11: the plan's report layout (JSON; '' for the default one).
constexpr std::string_view v11_report_layout = R"sql(
ALTER TABLE plans ADD COLUMN report_layout TEXT NOT NULL DEFAULT '';
)sql";

// Step 12: when each entry was last accepted, so a report can mark what
// changed since (found again in the history on a server; a replica learns
// it with the entry's next change).
constexpr std::string_view v12_accepted_version = R"sql(
ALTER TABLE entries ADD COLUMN accepted_version INTEGER NOT NULL DEFAULT 0;
UPDATE entries SET accepted_version = COALESCE((SELECT max(h.seq) FROM history h
  WHERE h.item_id = entries.item_id AND h.department_id = entries.department_id
    AND h.year = entries.year AND h.field = '_status' AND h.new_value = 'accepted'), 0);
)sql";

// Step 13: who wrote the server's side of a conflict, and when. A server
// finds it in its history (the row numbered server_version) and leaves these
// empty; a replica, which has no history, keeps what the server sent.
constexpr std::string_view v13_conflict_server_side = R"sql(
ALTER TABLE conflicts ADD COLUMN server_user TEXT NOT NULL DEFAULT '';
ALTER TABLE conflicts ADD COLUMN server_at TEXT NOT NULL DEFAULT '';
)sql";

// Step 14: comments by their sequence number, so a pull walks only the new
// ones (feed_queries.h).
constexpr std::string_view v14_comments_by_seq = R"sql(
CREATE INDEX IF NOT EXISTS comments_by_seq ON comments(seq);
)sql";

// Step 15: the sequence number at which each conflict was opened. A pull
// sends a settled conflict only to a replica that may hold it open (its
// cursor at or past the opening); one that never saw it open gets the
// settled cells and nothing of the conflict, so a desktop signing in does
// not fetch every conflict ever settled. Conflicts from before this step
// keep 0, "maybe seen", and are sent as before.
// And an index of open conflicts only: every write of a cell looks for its
// open ones (conflict_queries.h), and a cell fought over all year would
// otherwise make each edit walk every conflict it ever had.
constexpr std::string_view v15_conflict_opened_seq = R"sql(
ALTER TABLE conflicts ADD COLUMN opened_seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX conflicts_open_by_cell ON conflicts(item_id, department_id, year, field)
  WHERE resolved_value IS NULL;
)sql";

// Step 16: cells by department and version. A department's pull reads
// the plan's cells and its own from here (feed_queries.h) instead of
// walking every department's changes since its cursor: with ten
// departments pulling after every push, nine in ten cells walked were
// someone else's.
constexpr std::string_view v16_cells_by_department = R"sql(
CREATE INDEX cells_by_department ON cells(department_id, version);
)sql";

// Step 17: no index of cells by number alone. A coordinator's pull reads
// every department's run of cells_by_department and merges them by number
// (store::pull), and every push wrote this index for each cell: about a
// tenth of the server's work per change.
constexpr std::string_view v17_no_cells_by_version = R"sql(
DROP INDEX IF EXISTS cells_by_version;
)sql";

// Step 18: no index of every history row by cell. Each cell's row links to
// the cell's row before it (prev_seq; 0 for the first), and a cell's
// version is the number of its latest row, so store::history_of walks back
// from the cell. A push wrote history_by_cell for every change: 8 % of the
// server's apply in instructions, more in pages written
// (docs/benchmarks.md). The workflow's rows, whose entry's version is not
// always a history row, are not linked (0) and keep a small index.
constexpr std::string_view v18_history_links = R"sql(
ALTER TABLE history ADD COLUMN prev_seq INTEGER NOT NULL DEFAULT 0;
DROP TRIGGER history_is_append_only_u;
UPDATE history SET prev_seq = earlier.prev_seq
  FROM (SELECT seq, lag(seq, 1, 0) OVER (PARTITION BY item_id, department_id, year, field
                                         ORDER BY seq) AS prev_seq FROM history) AS earlier
  WHERE earlier.seq = history.seq AND earlier.prev_seq <> 0 AND history.field <> '_status';
CREATE TRIGGER history_is_append_only_u BEFORE UPDATE ON history
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
DROP INDEX history_by_cell;
CREATE INDEX history_of_workflow ON history(item_id, department_id, year, seq)
  WHERE field = '_status';
)sql";

// Step 19: cells without a foreign key to their item. SQLite looked the
// item up for every new cell: a sixth of a replica's write in a first pull
// and 4 % of a push (docs/benchmarks.md). A cell's item is checked where
// cells are written (store::apply against the plan; a replica takes the
// server's cells), the cascade is a trigger on items, and `matome-server
// check` looks for cells whose item is gone. SQLite cannot drop a
// constraint, so the table is made again (its "make a new table, copy,
// rename" procedure). On a replica the index comes back here and is
// dropped again as it opens.
constexpr std::string_view v19_cells_without_item_lookup = R"sql(
CREATE TABLE cells_rebuilt (
  item_id       INTEGER NOT NULL,
  department_id INTEGER NOT NULL,          -- 0: plan-scope cell
  year          INTEGER NOT NULL,          -- 0: plan cell that is not a series
  field         TEXT NOT NULL,
  value         TEXT NOT NULL,
  version       INTEGER NOT NULL,
  PRIMARY KEY (item_id, department_id, year, field)
) WITHOUT ROWID;
INSERT INTO cells_rebuilt(item_id, department_id, year, field, value, version)
  SELECT item_id, department_id, year, field, value, version FROM cells;
DROP TABLE cells;
ALTER TABLE cells_rebuilt RENAME TO cells;
CREATE INDEX cells_by_department ON cells(department_id, version);
CREATE TRIGGER cells_go_with_their_item AFTER DELETE ON items
  BEGIN DELETE FROM cells WHERE item_id = old.id; END;
)sql";

// Replicas drop cells_by_department (drop_feed_indexes in schema.h): a step
// that touches it must say IF EXISTS.
constexpr migration migrations[] = {
    {1, "domain: plans, template, items, entries, cells, history, conflicts, comments", v1_domain},
    {2, "sync bookkeeping (applied_changes) and user accounts", v2_sync_and_accounts},
    {3, "device tokens and due dates", v3_devices_and_due_dates},
    {4, "client replica: outbox and sync state", v4_client_replica},
    {5, "keys for signed sync bundles", v5_bundle_keys},
    {6, "offline workflow actions", v6_actions},
    {7, "the server value a queued resolution was decided on", v7_resolution_seen_version},
    {8, "change and action ids scoped to their sender", v8_ids_per_device},
    {9, "the database's timeline; own values and rebasing on a replica", v9_timelines},
    {10, "table fields and sections on headings", v10_tables_and_sections},
    {11, "the plan's report layout", v11_report_layout},
    {12, "when each entry was last accepted", v12_accepted_version},
    {13, "who wrote the server's side of a conflict", v13_conflict_server_side},
    {14, "comments by sequence number, for the feed", v14_comments_by_seq},
    {15, "when each conflict was opened, and an index of open conflicts", v15_conflict_opened_seq},
    {16, "cells by department and version, for a department's feed", v16_cells_by_department},
    {17, "no index of cells by version alone: the feed merges the departments' runs",
     v17_no_cells_by_version},
    {18, "history rows linked to the cell's row before, instead of an index by cell",
     v18_history_links},
    {19, "cells without a foreign key lookup of their item; a trigger removes them with it",
     v19_cells_without_item_lookup},
};

}  // namespace

std::span<const migration> all_migrations() {
  return migrations;
}

int current_schema_version() {
  return migrations[std::size(migrations) - 1].version;
}

int schema_version_of(sqlite::database& db) {
  auto stmt = db.prepare("PRAGMA user_version");
  stmt.step();
  return stmt.integer(0);
}

result<void> migrate(sqlite::database& db, int target) {
  if (target == 0) target = current_schema_version();
  const int found = schema_version_of(db);
  if (found > current_schema_version()) {
    return make_error(errc::unsupported_version,
                      db.path().string() + " uses database schema version " +
                          std::to_string(found) + ", but this Matome knows only up to version " +
                          std::to_string(current_schema_version()) +
                          ". Update Matome to open it; the file was left unchanged.");
  }
  for (const auto& m : migrations) {
    if (m.version <= found || m.version > target) continue;
    sqlite::transaction tx(db);
    db.exec(m.sql);
    db.exec("PRAGMA user_version = " + std::to_string(m.version));
    tx.commit();
  }
  return {};
}

void drop_feed_indexes(sqlite::database& db) {
  auto present = db.prepare(
      "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'cells_by_department'");
  const bool there = present.step();
  present.reset();
  // Only when it is there: a replica opened every day writes nothing here.
  if (there) db.exec("DROP INDEX cells_by_department");
}

}  // namespace matome
