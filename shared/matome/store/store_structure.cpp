// The store's structure: departments, plans with their template, the item
// tree and user accounts.
#include <algorithm>
#include <filesystem>
#include <set>

#include "matome/domain/table_value.h"
#include "matome/store/schema.h"
#include "matome/store/store.h"
#include "matome/util/uuid.h"

namespace matome {
namespace {

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    const auto end = text.find('\n', start);
    out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

}  // namespace

const plan_item* plan_index::find_item(record_id id) const {
  auto it = item_by_id.find(id);
  return it == item_by_id.end() ? nullptr : &items[it->second];
}

result<store> store::open(const std::filesystem::path& path, clock_fn clock) {
  try {
    auto db = sqlite::database::open(path);
    if (auto migrated = migrate(db); !migrated) return migrated.error();
    return store(std::move(db), std::move(clock));
  } catch (const failure& f) {
    return make_error(f.code(), f.what());
  }
}

std::int64_t store::next_seq() {
  auto stmt =
      db_.prepare("UPDATE meta SET value = value + 1 WHERE key = 'last_seq' RETURNING value");
  stmt.step();
  return stmt.int64(0);
}

std::string store::timeline() {
  auto stmt = db_.prepare("SELECT id FROM timelines ORDER BY rowid DESC LIMIT 1");
  return stmt.step() ? stmt.text(0) : std::string();
}

std::string store::start_timeline(std::string_view reason) {
  const std::string id = new_uuid();
  auto stmt = db_.prepare("INSERT INTO timelines(id, started_at, reason) VALUES (?, ?, ?)");
  stmt.bind(1, id).bind(2, clock_()).bind(3, reason).run();
  return id;
}

void store::record_backup(std::int64_t unix_seconds) {
  auto stmt = db_.prepare(
      "INSERT INTO meta(key, value) VALUES ('last_backup_at', ?)"
      " ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  stmt.bind(1, unix_seconds).run();
}

std::optional<std::int64_t> store::last_backup() {
  auto stmt = db_.prepare("SELECT value FROM meta WHERE key = 'last_backup_at'");
  if (!stmt.step()) return std::nullopt;
  return stmt.int64(0);
}

std::int64_t store::database_bytes() {
  auto pages =
      db_.prepare("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size");
  std::int64_t bytes = pages.step() ? pages.int64(0) : 0;
  std::error_code ignored;
  const auto wal = std::filesystem::file_size(db_.path().string() + "-wal", ignored);
  if (!ignored) bytes += static_cast<std::int64_t>(wal);
  return bytes;
}

std::int64_t store::last_seq() {
  auto stmt = db_.prepare("SELECT value FROM meta WHERE key = 'last_seq'");
  stmt.step();
  return stmt.int64(0);
}

result<record_id> store::add_department(const department& d) {
  if (d.code.empty() || d.name.empty()) {
    return make_error(errc::invalid_value, "担当課にはコードと名前が必要です。");
  }
  if (find_department_by_code(d.code)) {
    return make_error(errc::invalid_value,
                      "担当課コード「" + d.code + "」はすでに使われています。");
  }
  sqlite::transaction tx(db_);
  auto stmt = db_.prepare("INSERT INTO departments(code, name, external) VALUES (?, ?, ?)");
  stmt.bind(1, d.code).bind(2, d.name).bind(3, d.external ? 1 : 0).run();
  const record_id id = db_.last_insert_rowid();
  bump_structure(0);  // departments belong to every plan's snapshot
  tx.commit();
  return id;
}

void store::bump_structure(record_id plan_id) {
  const auto seq = next_seq();
  auto stmt = db_.prepare("UPDATE plans SET seq = ?1 WHERE ?2 = 0 OR id = ?2");
  stmt.bind(1, seq).bind(2, plan_id).run();
}

std::vector<department> store::departments() {
  std::vector<department> out;
  auto stmt = db_.prepare("SELECT id, code, name, external FROM departments ORDER BY id");
  while (stmt.step())
    out.push_back({stmt.int64(0), stmt.text(1), stmt.text(2), stmt.int64(3) != 0});
  return out;
}

result<department> store::find_department_by_code(std::string_view code) {
  auto stmt = db_.prepare("SELECT id, code, name, external FROM departments WHERE code = ?");
  stmt.bind(1, code);
  if (!stmt.step()) {
    return make_error(errc::not_found,
                      "担当課コード「" + std::string(code) + "」は登録されていません。");
  }
  return department{stmt.int64(0), stmt.text(1), stmt.text(2), stmt.int64(3) != 0};
}

void store::write_template(record_id plan_id, const report_template& tmpl) {
  auto clear = db_.prepare("DELETE FROM template_fields WHERE plan_id = ?");
  clear.bind(1, plan_id).run();
  auto field = db_.prepare(
      "INSERT INTO template_fields(plan_id, key, position, label, type, scope, element_type, unit,"
      " max_length, required, reason_field, table_columns, level)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  auto option = db_.prepare(
      "INSERT INTO template_options(plan_id, field_key, position, value, definition) VALUES (?, ?, "
      "?, ?, ?)");
  int position = 0;
  for (const auto& f : tmpl.fields) {
    field.bind(1, plan_id)
        .bind(2, f.key)
        .bind(3, position++)
        .bind(4, f.label)
        .bind(5, to_string(f.type));
    field.bind(6, to_string(f.scope)).bind(7, to_string(f.element_type)).bind(8, f.unit);
    field.bind(9, f.max_length).bind(10, f.required ? 1 : 0).bind(11, f.reason_field);
    field.bind(12, write_table_columns(f.columns)).bind(13, f.level).run();
    int option_position = 0;
    for (const auto& o : f.options) {
      option.bind(1, plan_id).bind(2, f.key).bind(3, option_position++).bind(4, o.value);
      option.bind(5, o.definition).run();
    }
  }
}

result<record_id> store::add_plan(const plan& p) {
  if (auto valid = validate_plan(p); !valid) return valid.error();
  if (find_plan_by_code(p.code)) {
    return make_error(errc::invalid_value, "計画コード「" + p.code + "」はすでに使われています。");
  }
  sqlite::transaction tx(db_);
  const auto seq = next_seq();
  auto insert = db_.prepare(
      "INSERT INTO plans(code, title, city, first_year, last_year, report_year, level_names,"
      " department_check, seq, report_layout) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, p.code)
      .bind(2, p.title)
      .bind(3, p.city)
      .bind(4, p.first_year)
      .bind(5, p.last_year);
  insert.bind(6, p.report_year)
      .bind(7, join_lines(p.level_names))
      .bind(8, p.department_check ? 1 : 0);
  insert.bind(9, seq).bind(10, p.report_layout).run();
  const record_id plan_id = db_.last_insert_rowid();

  write_template(plan_id, p.tmpl);
  tx.commit();
  return plan_id;
}

result<void> store::set_report_layout(record_id plan_id, std::string_view layout_json) {
  sqlite::transaction tx(db_);
  auto current = db_.prepare("SELECT report_layout FROM plans WHERE id = ?");
  current.bind(1, plan_id);
  if (!current.step())
    return make_error(errc::not_found, "計画 " + std::to_string(plan_id) + " はありません。");
  if (current.text(0) == layout_json) return {};
  current.reset();
  auto update = db_.prepare("UPDATE plans SET report_layout = ? WHERE id = ?");
  update.bind(1, layout_json).bind(2, plan_id).run();
  bump_structure(plan_id);
  tx.commit();
  return {};
}

result<record_id> store::find_plan_by_code(std::string_view code) {
  auto stmt = db_.prepare("SELECT id FROM plans WHERE code = ?");
  stmt.bind(1, code);
  if (!stmt.step())
    return make_error(errc::not_found, "計画「" + std::string(code) + "」はありません。");
  return stmt.int64(0);
}

std::vector<record_id> store::plan_ids() {
  std::vector<record_id> out;
  auto stmt = db_.prepare("SELECT id FROM plans ORDER BY id");
  while (stmt.step()) out.push_back(stmt.int64(0));
  return out;
}

result<plan> store::load_plan(record_id plan_id) {
  auto stmt = db_.prepare(
      "SELECT code, title, city, first_year, last_year, report_year, level_names, department_check,"
      " report_layout FROM plans WHERE id = ?");
  stmt.bind(1, plan_id);
  if (!stmt.step())
    return make_error(errc::not_found, "計画 " + std::to_string(plan_id) + " はありません。");
  plan p;
  p.id = plan_id;
  p.code = stmt.text(0);
  p.title = stmt.text(1);
  p.city = stmt.text(2);
  p.first_year = stmt.integer(3);
  p.last_year = stmt.integer(4);
  p.report_year = stmt.integer(5);
  p.level_names = split_lines(stmt.text(6));
  p.department_check = stmt.int64(7) != 0;
  p.report_layout = stmt.text(8);

  auto fields = db_.prepare(
      "SELECT key, label, type, scope, element_type, unit, max_length, required, reason_field,"
      " table_columns, level FROM template_fields WHERE plan_id = ? ORDER BY position");
  fields.bind(1, plan_id);
  while (fields.step()) {
    template_field f;
    f.key = fields.text(0);
    f.label = fields.text(1);
    f.type = parse_field_type(fields.text(2)).value();
    f.scope = parse_field_scope(fields.text(3)).value();
    f.element_type = parse_field_type(fields.text(4)).value();
    f.unit = fields.text(5);
    f.max_length = fields.integer(6);
    f.required = fields.int64(7) != 0;
    f.reason_field = fields.text(8);
    f.columns = parse_table_columns(fields.text(9)).value();
    f.level = fields.integer(10);
    p.tmpl.fields.push_back(std::move(f));
  }
  auto options = db_.prepare(
      "SELECT field_key, value, definition FROM template_options WHERE plan_id = ? ORDER BY "
      "field_key, position");
  options.bind(1, plan_id);
  while (options.step()) {
    auto it = std::ranges::find(p.tmpl.fields, options.text(0), &template_field::key);
    if (it != p.tmpl.fields.end()) it->options.push_back({options.text(1), options.text(2)});
  }
  return p;
}

result<record_id> store::add_item(record_id plan_id, const plan_item& item) {
  // Only the number of levels is needed here, not the whole plan and template.
  auto levels_of = db_.prepare("SELECT level_names FROM plans WHERE id = ?");
  levels_of.bind(1, plan_id);
  if (!levels_of.step())
    return make_error(errc::not_found, "計画 " + std::to_string(plan_id) + " はありません。");
  const auto level_count = static_cast<int>(split_lines(levels_of.text(0)).size());
  int level = 0;
  if (item.parent_id != 0) {
    auto parent = db_.prepare("SELECT level FROM items WHERE id = ? AND plan_id = ?");
    parent.bind(1, item.parent_id).bind(2, plan_id);
    if (!parent.step()) {
      return make_error(errc::not_found,
                        "親の項目 " + std::to_string(item.parent_id) + " はこの計画にありません。");
    }
    level = parent.integer(0) + 1;
  }
  if (level >= level_count) {
    return make_error(errc::invalid_value, "「" + item.title + "」は計画の階層（" +
                                               std::to_string(level_count) +
                                               "段）より深くなります。");
  }
  const bool is_row = level == level_count - 1;
  if (is_row && item.owner_ids.empty()) {
    return make_error(errc::invalid_value, "事業「" + item.title + "」に担当課がありません。");
  }
  if (!is_row && !item.owner_ids.empty()) {
    return make_error(errc::invalid_value,
                      "担当課は最下層の事業にだけ付けられます（「" + item.title + "」）。");
  }
  sqlite::transaction tx(db_);
  auto insert = db_.prepare(
      "INSERT INTO items(plan_id, parent_id, level, position, label, title, description, page_ref)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, plan_id);
  if (item.parent_id == 0) {
    insert.bind_null(2);
  } else {
    insert.bind(2, item.parent_id);
  }
  insert.bind(3, level).bind(4, item.position).bind(5, item.label).bind(6, item.title);
  insert.bind(7, item.description).bind(8, item.page_ref).run();
  const record_id id = db_.last_insert_rowid();
  auto owner =
      db_.prepare("INSERT INTO item_owners(item_id, department_id, position) VALUES (?, ?, ?)");
  int position = 0;
  for (record_id department_id : item.owner_ids) {
    owner.bind(1, id).bind(2, department_id).bind(3, position++).run();
  }
  bump_structure(plan_id);
  tx.commit();
  return id;
}

result<void> store::add_relisting(record_id item_id, const relisting& where) {
  sqlite::transaction tx(db_);
  auto stmt = db_.prepare(
      "INSERT OR IGNORE INTO item_relistings(item_id, parent_id, label) VALUES (?, ?, ?)");
  stmt.bind(1, item_id).bind(2, where.parent_id).bind(3, where.label).run();
  auto plan_of = db_.prepare("SELECT plan_id FROM items WHERE id = ?");
  plan_of.bind(1, item_id);
  if (plan_of.step()) bump_structure(plan_of.int64(0));
  tx.commit();
  return {};
}

namespace {

struct item_row {
  record_id plan_id = 0;
  std::string title;
  int level = 0;
  std::vector<std::string> level_names;  // the plan's: 基本目標, 施策, 事業
  // On the plan's deepest level: a row with owners.
  bool is_row() const { return level == static_cast<int>(level_names.size()) - 1; }
  // The name of a level of this plan ("事業"), for messages.
  std::string level_name(int l) const {
    return l >= 0 && l < static_cast<int>(level_names.size()) ? level_names[l]
                                                              : std::to_string(l + 1) + "階層";
  }
};

result<item_row> find_item_row(sqlite::database& db, record_id item_id) {
  auto stmt = db.prepare(
      "SELECT i.plan_id, i.title, i.level, p.level_names FROM items i JOIN plans p ON p.id = "
      "i.plan_id WHERE i.id = ?");
  stmt.bind(1, item_id);
  if (!stmt.step()) {
    return make_error(errc::not_found, "項目 " + std::to_string(item_id) + " はありません。");
  }
  return item_row{stmt.int64(0), stmt.text(1), stmt.integer(2), split_lines(stmt.text(3))};
}

}  // namespace

result<void> store::set_item_owners(record_id item_id, const std::vector<record_id>& owner_ids) {
  auto item = find_item_row(db_, item_id);
  if (!item) return item.error();
  if (!item->is_row()) {
    return make_error(errc::invalid_value,
                      "担当課は最下層の事業にだけ付けられます（「" + item->title + "」）。");
  }
  if (owner_ids.empty()) {
    return make_error(errc::invalid_value,
                      "事業「" + item->title + "」には担当課が1つ以上必要です。");
  }
  std::set<record_id> known;
  for (const auto& d : departments()) known.insert(d.id);
  for (record_id d : owner_ids) {
    if (!known.contains(d)) {
      return make_error(errc::not_found, "担当課 " + std::to_string(d) + " はありません。");
    }
  }
  sqlite::transaction tx(db_);
  auto clear = db_.prepare("DELETE FROM item_owners WHERE item_id = ?");
  clear.bind(1, item_id).run();
  auto owner = db_.prepare(
      "INSERT OR IGNORE INTO item_owners(item_id, department_id, position) VALUES (?, "
      "?, ?)");
  int position = 0;
  for (record_id d : owner_ids) owner.bind(1, item_id).bind(2, d).bind(3, position++).run();
  bump_structure(item->plan_id);
  tx.commit();
  return {};
}

result<void> store::move_item(record_id item_id, record_id new_parent_id,
                              std::string_view new_label) {
  auto item = find_item_row(db_, item_id);
  if (!item) return item.error();
  const int level = item->level;
  const auto must_go = "「" + item->title + "」は" + item->level_name(level) + "なので、";
  if (new_parent_id == 0) {
    if (level != 0) {
      return make_error(errc::invalid_value, must_go + "最上位には移せません。" +
                                                 item->level_name(level - 1) +
                                                 "の下に移してください。");
    }
  } else {
    auto parent = find_item_row(db_, new_parent_id);
    if (!parent) {
      return make_error(errc::not_found,
                        "移動先の項目 " + std::to_string(new_parent_id) + " はありません。");
    }
    if (parent->plan_id != item->plan_id) {
      return make_error(errc::invalid_value, "移動先の項目 " + std::to_string(new_parent_id) +
                                                 " は別の計画の項目です。");
    }
    if (parent->level != level - 1) {
      return make_error(
          errc::invalid_value,
          must_go + (level == 0 ? std::string("最上位にしか置けません。")
                                : item->level_name(level - 1) + "の下にしか移せません。"));
    }
  }
  const record_id plan_id = item->plan_id;
  sqlite::transaction tx(db_);
  auto last = db_.prepare(
      "SELECT COALESCE(max(position) + 1, 0) FROM items WHERE plan_id = ?1 AND"
      " COALESCE(parent_id, 0) = ?2 AND id != ?3");
  last.bind(1, plan_id).bind(2, new_parent_id).bind(3, item_id);
  last.step();
  const auto position = last.int64(0);
  auto move = db_.prepare(
      "UPDATE items SET parent_id = NULLIF(?1, 0), position = ?2,"
      " label = CASE WHEN ?3 = '' THEN label ELSE ?3 END WHERE id = ?4");
  move.bind(1, new_parent_id).bind(2, position).bind(3, new_label).bind(4, item_id).run();
  bump_structure(plan_id);
  tx.commit();
  return {};
}

result<void> store::remove_item(record_id item_id) {
  auto item = find_item_row(db_, item_id);
  if (!item) return item.error();
  // Anything that refers to the item keeps it: rows under it, relistings
  // of it, or anything reported on it. (Its history needs no count: each
  // history row was written with a cell or an entry, and they stay.)
  auto used = db_.prepare(
      "SELECT (SELECT count(*) FROM items WHERE parent_id = ?1)"
      " + (SELECT count(*) FROM item_relistings WHERE parent_id = ?1)"
      " + (SELECT count(*) FROM cells WHERE item_id = ?1)"
      " + (SELECT count(*) FROM entries WHERE item_id = ?1)"
      " + (SELECT count(*) FROM conflicts WHERE item_id = ?1)"
      " + (SELECT count(*) FROM comments WHERE item_id = ?1)");
  used.bind(1, item_id);
  used.step();
  if (used.int64(0) != 0) {
    return make_error(errc::invalid_value,
                      "「" + item->title +
                          "」には下の項目か入力済みの値があるため削除できません。値を残したまま担当"
                          "課を変えるには set-owners を使ってください。");
  }
  sqlite::transaction tx(db_);
  auto remove = db_.prepare("DELETE FROM items WHERE id = ?");
  remove.bind(1, item_id).run();
  bump_structure(item->plan_id);
  tx.commit();
  return {};
}

result<plan_index> store::load_plan_index(record_id plan_id) {
  auto p = load_plan(plan_id);
  if (!p) return p.error();
  plan_index index;
  index.plan = std::move(*p);
  // Parents before children: level, then the tree's own order.
  auto items = db_.prepare(
      "SELECT id, COALESCE(parent_id, 0), level, position, label, title, description, page_ref"
      " FROM items WHERE plan_id = ? ORDER BY level, parent_id, position, id");
  items.bind(1, plan_id);
  while (items.step()) {
    plan_item item;
    item.id = items.int64(0);
    item.parent_id = items.int64(1);
    item.level = items.integer(2);
    item.position = items.integer(3);
    item.label = items.text(4);
    item.title = items.text(5);
    item.description = items.text(6);
    item.page_ref = items.text(7);
    index.item_by_id.emplace(item.id, index.items.size());
    index.items.push_back(std::move(item));
  }
  auto owners = db_.prepare(
      "SELECT o.item_id, o.department_id FROM item_owners o JOIN items i ON i.id = o.item_id"
      " WHERE i.plan_id = ? ORDER BY o.item_id, o.position");
  owners.bind(1, plan_id);
  while (owners.step())
    index.items[index.item_by_id.at(owners.int64(0))].owner_ids.push_back(owners.int64(1));
  auto relistings = db_.prepare(
      "SELECT r.item_id, r.parent_id, r.label FROM item_relistings r JOIN items i ON i.id = "
      "r.item_id"
      " WHERE i.plan_id = ?");
  relistings.bind(1, plan_id);
  while (relistings.step()) {
    index.items[index.item_by_id.at(relistings.int64(0))].relistings.push_back(
        {relistings.int64(1), relistings.text(2)});
  }
  return index;
}

result<record_id> store::add_user(const user_account& account) {
  if (account.login.empty() || account.password_hash.empty()) {
    return make_error(errc::invalid_value, "ユーザーにはログイン名とパスワードが必要です。");
  }
  if (account.role != role::admin && account.department_id == 0) {
    return make_error(errc::invalid_value,
                      "ユーザー「" + account.login + "」には所属の担当課が必要です。");
  }
  if (find_user(account.login)) {
    return make_error(errc::invalid_value,
                      "ログイン名「" + account.login + "」はすでに使われています。");
  }
  auto stmt = db_.prepare(
      "INSERT INTO users(login, display_name, department_id, role, password_hash, disabled)"
      " VALUES (?, ?, ?, ?, ?, ?)");
  stmt.bind(1, account.login).bind(2, account.display_name);
  if (account.department_id == 0) {
    stmt.bind_null(3);
  } else {
    stmt.bind(3, account.department_id);
  }
  stmt.bind(4, to_string(account.role))
      .bind(5, account.password_hash)
      .bind(6, account.disabled ? 1 : 0)
      .run();
  return db_.last_insert_rowid();
}

result<void> store::update_user(std::string_view login, record_id department_id,
                                matome::role role) {
  auto user = find_user(login);
  if (!user) return user.error();
  if (role != role::admin && department_id == 0) {
    return make_error(errc::invalid_value,
                      "ユーザー「" + user->login + "」には所属の担当課が必要です。");
  }
  if (department_id != 0 && std::ranges::none_of(departments(), [&](const department& d) {
        return d.id == department_id;
      })) {
    return make_error(errc::not_found,
                      "担当課 " + std::to_string(department_id) + " はありません。");
  }
  auto stmt = db_.prepare("UPDATE users SET department_id = ?, role = ? WHERE id = ?");
  if (department_id == 0) {
    stmt.bind_null(1);
  } else {
    stmt.bind(1, department_id);
  }
  stmt.bind(2, to_string(role)).bind(3, user->id).run();
  return {};
}

namespace {
user_account read_user(const sqlite::statement& stmt) {
  return {stmt.int64(0),
          stmt.text(1),
          stmt.text(2),
          stmt.int64(3),
          parse_role(stmt.text(4)).value(),
          stmt.text(5),
          stmt.int64(6) != 0};
}
constexpr std::string_view user_columns =
    "SELECT id, login, display_name, COALESCE(department_id, 0), role, password_hash, disabled "
    "FROM users";
}  // namespace

result<user_account> store::find_user(std::string_view login) {
  auto stmt = db_.prepare(std::string(user_columns) + " WHERE login = ?");
  stmt.bind(1, login);
  if (!stmt.step())
    return make_error(errc::not_found, "ユーザー「" + std::string(login) + "」はいません。");
  return read_user(stmt);
}

std::vector<user_account> store::users() {
  std::vector<user_account> out;
  auto stmt = db_.prepare(std::string(user_columns) + " ORDER BY id");
  while (stmt.step()) out.push_back(read_user(stmt));
  return out;
}

}  // namespace matome
