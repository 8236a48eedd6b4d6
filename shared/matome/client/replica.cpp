#include "matome/client/replica.h"

#include <sys/stat.h>

#include <algorithm>
#include <map>
#include <set>

#include "matome/domain/table_value.h"
#include "matome/store/cell_writer.h"
#include "matome/store/schema.h"
#include "matome/util/uuid.h"
#include "matome/wire/codec.h"

namespace matome::client {
namespace {

constexpr std::string_view outbox_columns =
    "SELECT item_id, department_id, year, field, change_id, base_version, value, in_flight, "
    "queued_value,"
    " state, reason_code, reason, edited_at FROM outbox";

outbox_entry read_outbox(const sqlite::statement& s) {
  outbox_entry e;
  e.change.key = {s.int64(0), s.int64(1), s.integer(2), s.text(3)};
  e.change.change_id = s.text(4);
  e.change.base_version = s.int64(5);
  e.change.value = s.text(6);
  e.in_flight = s.int64(7) != 0;
  if (!s.is_null(8)) e.queued_value = s.text(8);
  e.refused = s.text(9) == "refused";
  e.reason_code = s.text(10);
  e.reason = s.text(11);
  e.edited_at = s.text(12);
  return e;
}

// The most bytes a change takes in a JSON push body: JSON escapes a control
// character in six bytes, and the key and ids take well under 256.
std::size_t push_size(const cell_change& c) {
  std::size_t size = 256 + c.key.field.size();
  for (const char ch : c.value) size += static_cast<unsigned char>(ch) < 0x20 ? 6 : 1;
  return size;
}

void bind_key(sqlite::statement& s, const cell_key& k, int first) {
  s.bind(first, k.item_id)
      .bind(first + 1, k.department_id)
      .bind(first + 2, k.year)
      .bind(first + 3, k.field);
}

}  // namespace

result<replica> replica::open(const std::filesystem::path& path, clock_fn clock) {
  const bool fresh = !std::filesystem::exists(path);
  auto s = store::open(path, clock);
  if (!s) return s.error();
  drop_feed_indexes(s->db());
  // The replica holds the device token: readable by its owner only.
  if (fresh) ::chmod(path.c_str(), S_IRUSR | S_IWUSR);
  return replica(std::move(*s), std::move(clock));
}

std::optional<std::string> replica::setting(std::string_view key) {
  auto stmt = store_.db().prepare("SELECT value FROM sync_state WHERE key = ?");
  stmt.bind(1, key);
  if (!stmt.step()) return std::nullopt;
  return stmt.text(0);
}

void replica::set_setting(std::string_view key, std::string_view value) {
  auto stmt = store_.db().prepare(
      "INSERT INTO sync_state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = "
      "excluded.value");
  stmt.bind(1, key).bind(2, value).run();
}

std::optional<identity> replica::who() {
  auto user = setting("user");
  if (!user) return std::nullopt;
  identity id;
  id.server = setting("server").value_or("");
  id.user = *user;
  id.device = setting("device").value_or("");
  id.department_id = std::stoll(setting("department_id").value_or("0"));
  const auto stored_role = parse_role(setting("role").value_or("member"));
  id.role = stored_role ? *stored_role : role::member;
  id.plan_id = std::stoll(setting("plan_id").value_or("0"));
  return id;
}

result<void> replica::check_owner(std::string_view server, std::string_view user) {
  auto id = who();
  if (!id || (id->server == server && id->user == user)) return {};
  return make_error(
      errc::invalid_argument,
      "この端末のデータは " + id->user + "@" + id->server +
          " のものです。別のユーザーは別のデータフォルダー（--data）を使ってください。");
}

void replica::set_identity(const identity& id) {
  sqlite::transaction tx(store_.db());
  set_setting("server", id.server);
  set_setting("user", id.user);
  set_setting("device", id.device);
  set_setting("department_id", std::to_string(id.department_id));
  set_setting("role", to_string(id.role));
  set_setting("plan_id", std::to_string(id.plan_id));
  tx.commit();
}

result<plan_index> replica::plan() {
  auto cached = cached_plan();
  if (!cached) return cached.error();
  return **cached;
}

result<const plan_index*> replica::cached_plan() {
  auto id = who();
  const auto version = id && id->plan_id != 0 ? store_.structure_version(id->plan_id) : 0;
  if (version == 0) {
    return make_error(errc::not_found,
                      "まだ計画を受け取っていません。サーバーに接続して同期してください。");
  }
  if (!plan_cache_ || plan_cache_->first != version || plan_cache_->second.plan.id != id->plan_id) {
    auto index = store_.load_plan_index(id->plan_id);
    if (!index) return index.error();
    plan_cache_.emplace(version, std::move(*index));
  }
  return &plan_cache_->second;
}

std::string replica::value_of(const cell_key& key) {
  auto stmt = store_.db().prepare(
      "SELECT COALESCE(queued_value, value) FROM outbox WHERE item_id = ? AND department_id = ? "
      "AND year = ?"
      " AND field = ?");
  bind_key(stmt, key, 1);
  if (stmt.step()) return stmt.text(0);
  auto c = store_.find_cell(key);
  return c ? c->value : std::string();
}

result<void> replica::edit(const cell_key& key, std::string_view typed,
                           std::optional<version_t> seen_version) {
  auto id = who();
  if (!id) return make_error(errc::unauthenticated, "サインインしてから入力してください。");
  auto index = cached_plan();
  if (!index) return index.error();
  const plan_item* item = (*index)->find_item(key.item_id);
  if (item == nullptr) {
    return make_error(errc::not_found,
                      "事業 " + std::to_string(key.item_id) + " はこの計画にありません。");
  }
  const std::string value = stored_form((*index)->plan.tmpl.find(key.field), typed);
  if (auto valid = validate_cell((*index)->plan, *item, key, value); !valid) return valid.error();
  const entry_status status =
      key.is_plan_cell() ? entry_status::not_started : store_.find_entry(key.entry()).status;
  if (auto allowed = check_write_right(id->as_actor(), *item, key, status,
                                       store_.is_finalized(id->plan_id, key.year));
      !allowed) {
    return allowed.error();
  }

  auto& db = store_.db();
  sqlite::transaction tx(db);
  const auto server = store_.find_cell(key).value_or(cell{key, "", 0});
  auto select = db.prepare(std::string(outbox_columns) +
                           " WHERE item_id = ? AND department_id = ? AND year = ? AND field = ?");
  bind_key(select, key, 1);
  const std::string now = this->now();
  if (!select.step()) {
    if (value == server.value) return {};  // nothing to send
    // Never a base newer than what the user saw, nor one the cell never had.
    const version_t base = seen_version ? std::min(*seen_version, server.version) : server.version;
    auto insert = db.prepare(
        "INSERT INTO outbox(item_id, department_id, year, field, change_id, base_version, value, "
        "edited_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    bind_key(insert, key, 1);
    insert.bind(5, new_uuid()).bind(6, base).bind(7, value).bind(8, now).run();
  } else {
    const auto row = read_outbox(select);
    select.reset();
    if (row.in_flight) {
      // Its outcome decides the base of this edit: park it until then.
      auto park =
          db.prepare("UPDATE outbox SET queued_value = ?, edited_at = ? WHERE change_id = ?");
      park.bind(1, value).bind(2, now).bind(3, row.change.change_id).run();
    } else if (row.refused) {
      // A new attempt: a new change on what the server has now.
      auto retry = db.prepare(
          "UPDATE outbox SET change_id = ?, base_version = ?, value = ?, state = 'pending', "
          "reason_code = '',"
          " reason = '', edited_at = ? WHERE change_id = ?");
      retry.bind(1, new_uuid()).bind(2, server.version).bind(3, value).bind(4, now);
      retry.bind(5, row.change.change_id).run();
    } else if (value == server.value && row.change.base_version == server.version) {
      // Typed back to what the server has: nothing left to send.
      auto drop = db.prepare("DELETE FROM outbox WHERE change_id = ?");
      drop.bind(1, row.change.change_id).run();
    } else {
      // Never sent, so the same change id can carry the newest value.
      auto update = db.prepare("UPDATE outbox SET value = ?, edited_at = ? WHERE change_id = ?");
      update.bind(1, value).bind(2, now).bind(3, row.change.change_id).run();
    }
  }
  tx.commit();
  return {};
}

result<void> replica::discard(const cell_key& key) {
  auto& db = store_.db();
  auto stmt = db.prepare(
      "DELETE FROM outbox WHERE item_id = ? AND department_id = ? AND year = ? AND field = ? AND "
      "in_flight = 0");
  bind_key(stmt, key, 1);
  stmt.run();
  if (db.changes() == 0) {
    return make_error(
        errc::not_found,
        "この欄には取り消せる未送信の入力がありません（送信中なら同期の完了後にもう一度）。");
  }
  return {};
}

std::vector<outbox_entry> replica::outbox() {
  std::vector<outbox_entry> out;
  auto stmt = store_.db().prepare(std::string(outbox_columns) + " ORDER BY edited_at, item_id");
  while (stmt.step()) out.push_back(read_outbox(stmt));
  return out;
}

outbox_counts replica::count_outbox() {
  auto counts =
      store_.db().prepare("SELECT sum(state = 'pending'), sum(state = 'refused') FROM outbox");
  counts.step();
  return {counts.integer(0), counts.integer(1)};
}

std::set<record_id> replica::items_with_unsent() {
  std::set<record_id> out;
  auto items = store_.db().prepare(
      "SELECT item_id FROM outbox UNION SELECT item_id FROM pending_actions WHERE item_id != 0");
  while (items.step()) out.insert(items.int64(0));
  return out;
}

std::map<record_id, std::string> replica::text_by_item() {
  std::map<record_id, std::string> out;
  auto values = store_.db().prepare(
      "SELECT item_id, value FROM cells WHERE value != ''"
      " UNION ALL SELECT item_id, COALESCE(queued_value, value) FROM outbox");
  while (values.step()) out[values.int64(0)] += ' ' + values.text(1);
  return out;
}

replica_status replica::status() {
  replica_status s;
  const auto outbox = count_outbox();
  s.pending = outbox.pending;
  s.refused = outbox.refused;
  auto queued = store_.db().prepare("SELECT count(*) FROM pending_actions WHERE state = 'pending'");
  queued.step();
  s.actions = queued.integer(0);
  auto stale = store_.db().prepare(
      "SELECT count(*) FROM outbox o JOIN cells c ON c.item_id = o.item_id AND c.department_id = "
      "o.department_id"
      " AND c.year = o.year AND c.field = o.field WHERE o.state = 'pending' AND c.version > "
      "o.base_version");
  stale.step();
  s.stale_edits = stale.integer(0);
  if (auto id = who(); id && id->plan_id != 0) {
    s.has_plan = store_.structure_version(id->plan_id) != 0;
    s.conflicts = static_cast<int>(store_.open_conflicts(id->plan_id).size());
  }
  s.cursor = cursor();
  s.last_sync = setting("last_sync").value_or("");
  return s;
}

std::int64_t replica::cursor() {
  return store_.last_seq();
}

void replica::change_scope(record_id department_id, matome::role role) {
  auto& db = store_.db();
  sqlite::transaction tx(db);
  set_setting("department_id", std::to_string(department_id));
  set_setting("role", to_string(role));
  forget_pulled();
  tx.commit();
}

void replica::forget_pulled() {
  // No foreign keys point at these, and the pull from 0 brings back all
  // the server lets this user see now.
  for (const char* table : {"cells", "entries", "conflicts", "comments"})
    store_.db().exec(std::string("DELETE FROM ") + table);
  store_.db().exec("UPDATE meta SET value = 0 WHERE key = 'last_seq'");  // the cursor
}

void replica::take_structure(const wire::plan_snapshot& snapshot) {
  auto& db = store_.db();
  sqlite::transaction tx(db);
  store_.replace_structure(snapshot.plan, snapshot.departments, snapshot.items,
                           snapshot.structure_version);
  std::map<record_id, const plan_item*> items;
  for (const auto& item : snapshot.items) items.emplace(item.id, &item);
  std::map<record_id, std::string> department_names;
  for (const auto& d : snapshot.departments) department_names.emplace(d.id, d.name);
  // One in flight may have been applied already: the server decides on it.
  auto pending =
      db.prepare(std::string(outbox_columns) + " WHERE state = 'pending' AND in_flight = 0");
  auto refuse = db.prepare(
      "UPDATE outbox SET state = 'refused', reason_code = 'forbidden', reason = ?, value = "
      "COALESCE(queued_value, value), queued_value = NULL, in_flight = 0 WHERE change_id = ?");
  std::vector<std::pair<std::string, std::string>> orphaned;  // change id, reason
  while (pending.step()) {
    const auto row = read_outbox(pending);
    const auto& key = row.change.key;
    const auto found = items.find(key.item_id);
    if (found == items.end()) {
      orphaned.emplace_back(row.change.change_id,
                            "この事業は計画から削除されたため、入力を送れません。");
    } else if (!key.is_plan_cell() &&
               std::ranges::find(found->second->owner_ids, key.department_id) ==
                   found->second->owner_ids.end()) {
      orphaned.emplace_back(row.change.change_id,
                            "「" + department_names[key.department_id] + "」は「" +
                                found->second->title +
                                "」の担当から外れたため、この入力は送れません。担当に戻されたら保"
                                "存し直すと送れます。");
    }
  }
  pending.reset();
  for (const auto& [change_id, reason] : orphaned) refuse.bind(1, reason).bind(2, change_id).run();
  tx.commit();
}

std::vector<cell_change> replica::begin_push(std::size_t limit, std::size_t max_bytes,
                                             const std::set<std::string>& sending) {
  auto& db = store_.db();
  auto index = cached_plan();
  sqlite::transaction tx(db);
  std::vector<cell_change> out;
  auto select = db.prepare(std::string(outbox_columns) +
                           " WHERE state = 'pending' AND rebase = 0"
                           " ORDER BY in_flight DESC, edited_at LIMIT ?");
  select.bind(1, static_cast<std::int64_t>(limit + sending.size()));
  auto refuse = db.prepare(
      "UPDATE outbox SET state = 'refused', reason_code = ?, reason = ?, value = "
      "COALESCE(queued_value, value), queued_value = NULL, in_flight = 0 WHERE change_id = ?");
  std::size_t bytes = 0;
  while (select.step() && out.size() < limit) {
    auto change = read_outbox(select).change;
    if (sending.contains(change.change_id)) continue;
    // A value the server would refuse anyway (one kept from before fields
    // had a default maximum) could make the request too large to be read
    // at all, and block every sync after it: refused here, with the reason.
    const template_field* field = index ? (*index)->plan.tmpl.find(change.key.field) : nullptr;
    auto valid = field ? validate_value(*field, change.value) : result<void>{};
    const std::size_t size = push_size(change);
    if (valid && size > max_bytes) {
      valid = make_error(errc::too_large, "値が大きすぎて送れません（" +
                                              std::to_string(change.value.size()) +
                                              " バイト）。短くしてから保存し直してください。");
    }
    if (!valid) {
      refuse.bind(1, to_string(valid.error().code))
          .bind(2, valid.error().message)
          .bind(3, change.change_id)
          .run();
      continue;
    }
    if (bytes + size > max_bytes) break;
    bytes += size;
    out.push_back(std::move(change));
  }
  select.reset();
  auto mark = db.prepare("UPDATE outbox SET in_flight = 1 WHERE change_id = ?");
  for (const auto& c : out) mark.bind(1, c.change_id).run();
  tx.commit();
  return out;
}

void replica::record_outcomes(const std::vector<change_outcome>& outcomes) {
  auto& db = store_.db();
  sqlite::transaction tx(db);
  auto select = db.prepare(std::string(outbox_columns) + " WHERE change_id = ?");
  auto drop = db.prepare("DELETE FROM outbox WHERE change_id = ?");
  auto requeue = db.prepare(
      "UPDATE outbox SET change_id = ?, base_version = ?, value = queued_value, queued_value = "
      "NULL,"
      " in_flight = 0 WHERE change_id = ?");
  auto refuse = db.prepare(
      "UPDATE outbox SET state = 'refused', reason_code = ?, reason = ?, value = "
      "COALESCE(queued_value, value),"
      " queued_value = NULL, in_flight = 0 WHERE change_id = ?");
  // What the server now holds, so the screen is right before the next pull.
  cell_writer learn(db);
  // A conflict is known from its outcome at once (the pull completes it):
  // the steps queued after this edit must see it before they are sent.
  auto note_conflict = db.prepare(
      "INSERT OR IGNORE INTO conflicts(id, item_id, department_id, year, field, change_id,"
      " base_version, base_value, server_version, server_value, incoming_value, user_name, device,"
      " created_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, 0)");
  auto remember_own = db.prepare(
      "INSERT OR REPLACE INTO own_values(item_id, department_id, year, field, base_value, value,"
      " version) VALUES (?, ?, ?, ?, ?, ?, ?)");
  const auto me = who();
  for (const auto& o : outcomes) {
    select.bind(1, o.change_id);
    if (!select.step()) {
      select.reset();
      continue;  // settled before (a repeated answer)
    }
    const auto row = read_outbox(select);
    select.reset();
    switch (o.kind) {
      case outcome_kind::applied: {
        // Kept to send again should the server lose it (a restore), with
        // the value it replaced when this replica still knows it.
        const auto before = store_.find_cell(row.change.key).value_or(cell{row.change.key, "", 0});
        remember_own.bind(1, row.change.key.item_id)
            .bind(2, row.change.key.department_id)
            .bind(3, row.change.key.year)
            .bind(4, row.change.key.field);
        if (before.version == row.change.base_version) {
          remember_own.bind(5, before.value);
        } else {
          remember_own.bind_null(5);
        }
        remember_own.bind(6, row.change.value).bind(7, o.version).run();
        learn.write_if_newer(row.change.key, row.change.value, o.version);
        if (row.queued_value) {
          requeue.bind(1, new_uuid()).bind(2, o.version).bind(3, o.change_id).run();
        } else {
          drop.bind(1, o.change_id).run();
        }
        break;
      }
      case outcome_kind::conflict:
        note_conflict.bind(1, o.conflict_id)
            .bind(2, row.change.key.item_id)
            .bind(3, row.change.key.department_id)
            .bind(4, row.change.key.year);
        note_conflict.bind(5, row.change.key.field)
            .bind(6, o.change_id)
            .bind(7, row.change.base_version)
            .bind(8, o.server_version);
        note_conflict.bind(9, o.server_value)
            .bind(10, row.change.value)
            .bind(11, me ? me->user : std::string())
            .bind(12, me ? me->device : std::string());
        note_conflict.bind(13, now()).run();
        // The server keeps our value in the conflict record, which arrives
        // with the next pull. A value typed since stays, on the old base, so
        // it cannot overwrite what the user has not seen.
        if (row.queued_value) {
          requeue.bind(1, new_uuid()).bind(2, row.change.base_version).bind(3, o.change_id).run();
        } else {
          drop.bind(1, o.change_id).run();
        }
        break;
      case outcome_kind::refused:
        refuse.bind(1, o.reason_code).bind(2, o.reason).bind(3, o.change_id).run();
        break;
    }
  }
  tx.commit();
}

signing_key replica::device_key() {
  auto public_key = setting("device_public_key");
  auto secret_key = setting("device_secret_key");
  if (public_key && secret_key) return {*public_key, *secret_key};
  auto key = new_signing_key();
  sqlite::transaction tx(store_.db());
  set_setting("device_public_key", key.public_key);
  set_setting("device_secret_key", key.secret_key);
  tx.commit();
  return key;
}

namespace {
std::string bundle_request_key(std::string_view request_id) {
  return "bundle_request:" + std::string(request_id);
}
}  // namespace

result<std::string> replica::export_bundle() {
  auto id = who();
  if (!id) return make_error(errc::unauthenticated, "サインインしてから書き出してください。");
  wire::bundle_changes payload;
  payload.plan_id = id->plan_id;
  payload.cursor = cursor();
  payload.structure_version = store_.structure_version(id->plan_id);
  payload.changes =
      begin_push(std::numeric_limits<std::int32_t>::max(), std::numeric_limits<std::size_t>::max());
  payload.actions = begin_actions(std::numeric_limits<std::int32_t>::max());
  // Remembered, so only an answer to a file this replica wrote is taken.
  payload.request_id = new_uuid();
  payload.timeline = server_timeline().value_or("");
  payload.department_id = id->department_id;
  payload.role = std::string(to_string(id->role));
  set_setting(bundle_request_key(payload.request_id), now());
  return seal_bundle("changes", id->plan_id, wire::encode(payload, wire::format::json),
                     device_key());
}

result<void> replica::import_answer(std::string_view bundle_text) {
  auto id = who();
  auto server_key = setting("server_key");
  if (!id || !server_key)
    return make_error(errc::unauthenticated, "サインインしてから読み込んでください。");
  auto opened = open_bundle(bundle_text);
  if (!opened) return opened.error();
  if (opened->kind != "answer") {
    return make_error(
        errc::invalid_argument,
        "これはサーバーからの返答ファイルではありません（種類: " + opened->kind + "）。");
  }
  if (opened->signer != *server_key || opened->plan_id != id->plan_id) {
    return make_error(errc::invalid_argument, "この返答ファイルは、この端末のサーバー（" +
                                                  id->server + "）が作ったものではありません。");
  }
  // Signed by our server: its JSON is as trusted as an online answer.
  auto answer = wire::decode<wire::bundle_answer>(opened->payload, wire::format::json);
  if (!answer) return answer.error();
  if (answer->device != device_key().public_key) {
    return make_error(errc::invalid_argument,
                      answer->device.empty()
                          ? "この返答ファイルは古い形式で、どの端末あてか確かめられません。同期ファ"
                            "イルを書き出し直し、その返答ファイルを読み込んでください。"
                          : "この返答ファイルは別の端末の同期ファイルへの返答です。この端末で書き"
                            "出した同期ファイルへの返答だけを読み込めます。何も変更していません。");
  }
  // A request is forgotten once its answer is in. An answer older than
  // what this replica holds would roll back what came since (resolved
  // conflicts reopened, finalized years dropped).
  const auto request = bundle_request_key(answer->request_id);
  // From a server restored since the file was written: nothing of it was
  // applied, and its page starts from the beginning (begin_timeline).
  const auto known = server_timeline();
  const bool new_timeline = !answer->timeline.empty() && known && *known != answer->timeline;
  const auto answered_role = parse_role(answer->role);
  const bool moved = !answer->role.empty() && answered_role &&
                     (answer->department_id != id->department_id || *answered_role != id->role);
  if (!setting(request) || (!new_timeline && !moved && answer->page.cursor < cursor())) {
    return make_error(errc::stale,
                      "この返答ファイルは読み込み済みか、この端末がすでに持っている内容より古い"
                      "ため、何も変更しませんでした。");
  }
  sqlite::transaction tx(store_.db());
  if (new_timeline) begin_timeline(answer->timeline);
  if (moved) change_scope(answer->department_id, *answered_role);
  if (!known && !answer->timeline.empty()) set_setting("server_timeline", answer->timeline);
  record_outcomes(answer->response.outcomes);
  record_action_outcomes(answer->action_outcomes);
  if (answer->has_snapshot) take_structure(answer->snapshot);
  store_.apply_feed(id->plan_id, answer->page);
  if (rebasing()) finish_timeline();
  set_setting("last_sync", now());
  auto forget = store_.db().prepare("DELETE FROM sync_state WHERE key = ?");
  forget.bind(1, request).run();
  tx.commit();
  return {};
}

namespace {

constexpr std::string_view action_columns =
    "SELECT action_id, kind, item_id, department_id, year, name, conflict_id, text, in_flight, "
    "state,"
    " reason_code, reason, created_at, seen_version FROM pending_actions";

queued_action read_action(const sqlite::statement& s) {
  queued_action q;
  q.action.action_id = s.text(0);
  q.action.kind = parse_action_kind(s.text(1)).value();
  q.action.entry = {s.int64(2), s.int64(3), s.integer(4)};
  q.action.name = s.text(5);
  q.action.conflict_id = s.int64(6);
  q.action.text = s.text(7);
  q.in_flight = s.int64(8) != 0;
  q.refused = s.text(9) == "refused";
  q.reason_code = s.text(10);
  q.reason = s.text(11);
  q.created_at = s.text(12);
  q.action.seen_version = s.int64(13);
  return q;
}

}  // namespace

namespace {
// Queues `a` at the end, stamped `now`, and returns its id.
std::string insert_action(store& st, const workflow_action& a, const std::string& now) {
  auto stmt = st.db().prepare(
      "INSERT INTO pending_actions(action_id, position, kind, item_id, department_id, year, name, "
      "conflict_id,"
      " text, created_at, seen_version) VALUES (?, (SELECT COALESCE(max(position), 0) + 1 FROM "
      "pending_actions), ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  stmt.bind(1, a.action_id)
      .bind(2, to_string(a.kind))
      .bind(3, a.entry.item_id)
      .bind(4, a.entry.department_id);
  stmt.bind(5, a.entry.year)
      .bind(6, a.name)
      .bind(7, a.conflict_id)
      .bind(8, a.text)
      .bind(9, now)
      .bind(10, a.seen_version)
      .run();
  return a.action_id;
}
}  // namespace

result<std::string> replica::queue_transition(const entry_key& key, entry_action action,
                                              std::string_view comment) {
  auto id = who();
  if (!id) return make_error(errc::unauthenticated, "サインインしてから操作してください。");
  auto index = cached_plan();
  if (!index) return index.error();
  const plan_item* item = (*index)->find_item(key.item_id);
  if (item == nullptr || !(*index)->plan.is_row(*item) ||
      std::ranges::find(item->owner_ids, key.department_id) == item->owner_ids.end()) {
    return make_error(errc::not_found, "その報告はありません。");
  }
  if (action == entry_action::edit)
    return make_error(errc::invalid_argument, "edit is not a workflow step");
  if (action == entry_action::return_ && comment.empty()) {
    return make_error(errc::invalid_value, "差戻しには理由のコメントが必要です。");
  }
  if (id->role != role::coordinator && key.department_id != id->department_id) {
    return make_error(errc::forbidden, "他の担当課の報告は操作できません。");
  }
  // Only what the role allows at all is checked here: the entry's status may
  // change before the action arrives, and the server decides then.
  bool allowed_somewhere = false;
  for (auto from : {entry_status::not_started, entry_status::draft, entry_status::checking,
                    entry_status::submitted, entry_status::returned, entry_status::accepted}) {
    allowed_somewhere |=
        static_cast<bool>(next_status(from, action, id->role, (*index)->plan.department_check));
  }
  if (!allowed_somewhere) {
    return make_error(errc::forbidden,
                      "「" + std::string(to_string(action)) + "」はこの権限ではできません。");
  }
  if (action == entry_action::submit) {
    // The user's own unsent values count: they leave with the submit.
    auto own_value = [&](std::string_view field) {
      return value_of({key.item_id, key.department_id, key.year, std::string(field)});
    };
    if (auto problem = check_ready_to_submit((*index)->plan.tmpl, own_value))
      return make_error(errc::invalid_value, problem->message);
  }
  return insert_action(store_,
                       {new_uuid(), action_kind::transition, key, std::string(to_string(action)), 0,
                        std::string(comment)},
                       now());
}

result<std::string> replica::queue_resolution(record_id conflict_id, std::string_view take,
                                              std::string_view merged_value) {
  auto id = who();
  if (!id) return make_error(errc::unauthenticated, "サインインしてから操作してください。");
  if (take != "server" && take != "incoming" && take != "merged") {
    return make_error(errc::invalid_argument, "解決方法は server、incoming、merged のどれかです。");
  }
  auto conflict = store_.find_conflict(conflict_id);
  if (!conflict) return conflict.error();
  if (conflict->resolved)
    return make_error(errc::illegal_transition, "この競合はすでに解決済みです。");
  if (id->role != role::coordinator &&
      (conflict->key.is_plan_cell() || conflict->key.department_id != id->department_id)) {
    return make_error(errc::forbidden, "この競合を解決できるのは担当課か取りまとめ担当です。");
  }
  // A merged value gets the server's checks offline (a table row left
  // empty, a grade not in the options), so it is not refused after a sync.
  std::string merged(merged_value);
  if (take == "merged") {
    auto index = plan();
    if (!index) return index.error();
    const plan_item* item = index->find_item(conflict->key.item_id);
    if (item == nullptr) return make_error(errc::not_found, "この競合の行はもうありません。");
    merged = stored_form(index->plan.tmpl.find(conflict->key.field), merged_value);
    if (auto valid = validate_cell(index->plan, *item, conflict->key, merged); !valid) {
      return valid.error();
    }
  }
  // Decided on the server value this replica shows now: if the server's
  // moves on before this arrives, the server refuses it as stale.
  return insert_action(store_,
                       {new_uuid(),
                        action_kind::resolve,
                        {},
                        std::string(take),
                        conflict_id,
                        merged,
                        conflict->server_version},
                       now());
}

result<std::string> replica::queue_comment(const entry_key& key, std::string_view body) {
  auto id = who();
  if (!id) return make_error(errc::unauthenticated, "サインインしてから操作してください。");
  if (body.empty()) return make_error(errc::invalid_value, "コメントが空です。");
  if (id->role != role::coordinator && key.department_id != id->department_id) {
    return make_error(errc::forbidden, "他の担当課の報告にはコメントできません。");
  }
  return insert_action(store_, {new_uuid(), action_kind::comment, key, "", 0, std::string(body)},
                       now());
}

std::vector<queued_action> replica::actions() {
  std::vector<queued_action> out;
  auto stmt = store_.db().prepare(std::string(action_columns) + " ORDER BY position");
  while (stmt.step()) out.push_back(read_action(stmt));
  return out;
}

result<void> replica::discard_action(std::string_view action_id) {
  auto stmt =
      store_.db().prepare("DELETE FROM pending_actions WHERE action_id = ? AND in_flight = 0");
  stmt.bind(1, action_id).run();
  if (store_.db().changes() == 0)
    return make_error(errc::not_found, "取り消せる操作がありません。");
  return {};
}

namespace {

// Steps that hand an entry on (to the chief, the coordinator, or lock it):
// sent after an edit of the entry conflicted or was refused, they would go
// through with a value the user did not write (issue 9.6).
bool hands_entry_on(const workflow_action& a) {
  return a.kind == action_kind::transition &&
         (a.name == "submit" || a.name == "approve" || a.name == "accept");
}

// Why a step on `entry` must wait, or "" when it may go.
std::string hold_reason(sqlite::database& db, const entry_key& entry, const report_template* tmpl) {
  auto label = [&](const std::string& key) {
    const template_field* field = tmpl ? tmpl->find(key) : nullptr;
    return field ? field->label : key;
  };
  // The first field of the entry in `table` that matches `condition`.
  auto first_field = [&](std::string_view table,
                         std::string_view condition) -> std::optional<std::string> {
    auto stmt = db.prepare("SELECT field FROM " + std::string(table) +
                           " WHERE item_id = ? AND department_id = ? AND year = ? AND " +
                           std::string(condition) + " LIMIT 1");
    stmt.bind(1, entry.item_id).bind(2, entry.department_id).bind(3, entry.year);
    if (!stmt.step()) return std::nullopt;
    return stmt.text(0);
  };
  if (auto field = first_field("conflicts", "resolved_value IS NULL")) {
    return "保留中: この報告の「" + label(*field) +
           "」が競合しています。競合を解決すると、次の同期で送られます。";
  }
  if (auto field = first_field("outbox", "state = 'refused'")) {
    return "保留中: この報告の「" + label(*field) +
           "」の変更がサーバーに拒否されています。その変更を直すか取り消すと、次の同期で送られ"
           "ます。";
  }
  return {};
}

}  // namespace

std::vector<workflow_action> replica::begin_actions(std::size_t limit) {
  auto& db = store_.db();
  sqlite::transaction tx(db);
  std::vector<workflow_action> out;
  auto select =
      db.prepare(std::string(action_columns) + " WHERE state = 'pending' ORDER BY position");
  auto hold = db.prepare(
      "UPDATE pending_actions SET reason_code = 'held', reason = ?, in_flight = 0 WHERE action_id "
      "= ?");
  auto mark = db.prepare(
      "UPDATE pending_actions SET in_flight = 1, reason_code = '', reason = '' WHERE action_id = "
      "?");
  auto plan = cached_plan();
  const report_template* tmpl = plan ? &(*plan)->plan.tmpl : nullptr;
  std::set<entry_key> held;  // a later step on a held entry waits behind it
  while (out.size() < limit && select.step()) {
    auto a = read_action(select).action;
    if (hands_entry_on(a) || (a.kind == action_kind::transition && held.contains(a.entry))) {
      auto reason = held.contains(a.entry) ? std::string("保留中: 先に記録した操作を待っています。")
                                           : hold_reason(db, a.entry, tmpl);
      if (!reason.empty()) {
        held.insert(a.entry);
        hold.bind(1, reason).bind(2, a.action_id).run();
        continue;
      }
    }
    mark.bind(1, a.action_id).run();
    out.push_back(std::move(a));
  }
  tx.commit();
  return out;
}

void replica::record_action_outcomes(const std::vector<action_outcome>& outcomes) {
  auto& db = store_.db();
  sqlite::transaction tx(db);
  auto drop = db.prepare("DELETE FROM pending_actions WHERE action_id = ?");
  auto refuse = db.prepare(
      "UPDATE pending_actions SET state = 'refused', in_flight = 0, reason_code = ?, reason = ? "
      "WHERE action_id = ?");
  for (const auto& o : outcomes) {
    if (o.done) {
      drop.bind(1, o.action_id).run();
    } else {
      refuse.bind(1, o.reason_code).bind(2, o.reason).bind(3, o.action_id).run();
    }
  }
  tx.commit();
}

}  // namespace matome::client
