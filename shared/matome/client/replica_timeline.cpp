// A server that meets a replica again after a restore (replica.h, "a server
// restored from a backup"): the replica drops its numbered state and
// rebuilds it from the new timeline, keeping every value of its own.
#include "matome/client/replica.h"
#include "matome/store/cell_writer.h"
#include "matome/util/uuid.h"

namespace matome::client {
namespace {
constexpr std::string_view rebase_key = "rebase_pending";
}  // namespace

std::optional<std::string> replica::server_timeline() {
  return setting("server_timeline");
}

bool replica::rebasing() {
  return setting(rebase_key).has_value();
}

void replica::begin_timeline(const std::string& timeline) {
  auto& db = store_.db();
  sqlite::transaction tx(db);
  const std::string now = this->now();

  // Own values still the latest this replica knows of, with no edit of the
  // cell waiting: the server may have lost them, so they go out again.
  struct lost_value {
    cell_key key;
    std::optional<std::string> base_value;
    std::string value;
  };
  std::vector<lost_value> lost;
  auto latest = db.prepare(
      "SELECT o.item_id, o.department_id, o.year, o.field, o.base_value, o.value"
      " FROM own_values o JOIN cells c ON c.item_id = o.item_id AND c.department_id ="
      " o.department_id AND c.year = o.year AND c.field = o.field"
      " WHERE c.value = o.value AND c.version = o.version AND NOT EXISTS (SELECT 1 FROM outbox x"
      " WHERE x.item_id = o.item_id AND x.department_id = o.department_id AND x.year = o.year"
      " AND x.field = o.field)");
  while (latest.step()) {
    lost.push_back({{latest.int64(0), latest.int64(1), latest.integer(2), latest.text(3)},
                    latest.is_null(4) ? std::nullopt : std::optional(latest.text(4)),
                    latest.text(5)});
  }
  auto resend = db.prepare(
      "INSERT INTO outbox(item_id, department_id, year, field, change_id, base_version, value,"
      " edited_at, rebase, rebase_on) VALUES (?, ?, ?, ?, ?, 0, ?, ?, 1, ?)");
  for (const auto& l : lost) {
    resend.bind(1, l.key.item_id).bind(2, l.key.department_id).bind(3, l.key.year);
    resend.bind(4, l.key.field).bind(5, new_uuid()).bind(6, l.value).bind(7, now);
    if (l.base_value) {
      resend.bind(8, *l.base_value);
    } else {
      resend.bind_null(8);
    }
    resend.run();
  }

  // Unsent edits: the value each was made on, when the replica still holds
  // it at the edit's base version; otherwise NULL (found again as 0).
  db.exec(
      "UPDATE outbox SET rebase = 1, rebase_on = (SELECT c.value FROM cells c WHERE"
      " c.item_id = outbox.item_id AND c.department_id = outbox.department_id AND c.year ="
      " outbox.year AND c.field = outbox.field AND c.version = outbox.base_version)"
      " WHERE rebase = 0 AND state = 'pending' AND base_version > 0");
  db.exec(
      "UPDATE outbox SET rebase = 1, rebase_on = '' WHERE rebase = 0 AND state = 'pending'"
      " AND base_version = 0");

  // A queued resolution names a conflict id the server may have given to
  // another conflict since.
  db.exec(
      "UPDATE pending_actions SET state = 'refused', reason_code = 'stale', in_flight = 0,"
      " reason = 'サーバーが以前の状態に戻されたため、この競合の解決は送りませんでした。"
      "競合がまだあれば、もう一度解決してください。' WHERE kind = 'resolve' AND state = 'pending'");

  forget_pulled();
  db.exec("DELETE FROM own_values");  // versions of the old timeline
  set_setting("server_timeline", timeline);
  set_setting(rebase_key, now);
  tx.commit();
}

int replica::finish_timeline() {
  auto& db = store_.db();
  sqlite::transaction tx(db);
  auto rows = db.prepare(
      "SELECT o.change_id, o.value, o.rebase_on, c.value, COALESCE(c.version, 0) FROM outbox o"
      " LEFT JOIN cells c ON c.item_id = o.item_id AND c.department_id = o.department_id"
      " AND c.year = o.year AND c.field = o.field WHERE o.rebase = 1");
  auto drop = db.prepare("DELETE FROM outbox WHERE change_id = ?");
  auto rebase = db.prepare("UPDATE outbox SET base_version = ?, rebase = 0 WHERE change_id = ?");
  struct decision {
    std::string change_id;
    bool drop;
    version_t base;
  };
  std::vector<decision> decisions;
  while (rows.step()) {
    const std::string server_value = rows.is_null(3) ? std::string() : rows.text(3);
    const version_t server_version = rows.int64(4);
    if (rows.text(1) == server_value) {
      decisions.push_back({rows.text(0), true, 0});  // the server has it
    } else if (!rows.is_null(2) && rows.text(2) == server_value) {
      decisions.push_back({rows.text(0), false, server_version});  // made on what it has
    } else {
      decisions.push_back({rows.text(0), false, 0});  // conflicts if the server has a value
    }
  }
  rows.reset();
  int sending = 0;
  for (const auto& d : decisions) {
    if (d.drop) {
      drop.bind(1, d.change_id).run();
    } else {
      rebase.bind(1, d.base).bind(2, d.change_id).run();
      ++sending;
    }
  }
  auto forget = db.prepare("DELETE FROM sync_state WHERE key = ?");
  forget.bind(1, rebase_key).run();
  tx.commit();
  return sending;
}

}  // namespace matome::client
