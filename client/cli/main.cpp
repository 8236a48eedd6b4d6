// matome-cli: the client core in a terminal, for scripts, tests and
// machines without a display. Works offline from its replica in --data DIR;
// `sync` talks to the server. Exit codes (docs/cli.md):
//   0 done (open conflicts are not a failure)   2 bad usage or input
//   3 a change was refused by the server        4 the server is unreachable
//   5 the server or the local database failed
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "exit_codes.h"
#include "export_command.h"
#include "import_command.h"
#include "matome/client/sync_engine.h"
#include "matome/client/sync_loop.h"
#include "matome/domain/fiscal_year.h"
#include "matome/domain/table_value.h"
#include "matome/import/presets.h"
#include "matome/util/file.h"
#include "matome/util/rapidjson.h"

namespace {

using namespace matome;
using namespace matome::client;

using cli::exit_code;
using cli::fail;

std::string read_password() {
  if (const char* env = std::getenv("MATOME_PASSWORD")) return env;
  if (isatty(STDIN_FILENO)) std::cerr << "Password: " << std::flush;
  std::string password;
  std::getline(std::cin, password);
  return password;
}

std::string default_device() {
  char host[256] = "matome-cli";
  gethostname(host, sizeof host - 1);
  return host;
}

// "ITEM", "ITEM/DEPT" or "ITEM/DEPT/YEAR"; the department defaults to the
// user's own (or, for a coordinator, the row's first owner), the year to the
// plan's reporting year.
result<entry_key> parse_entry(const std::string& text, const identity& who,
                              const plan_index& index) {
  entry_key key{0, who.department_id, index.plan.report_year};
  try {
    std::size_t used = 0;
    key.item_id = std::stoll(text, &used);
    auto rest = std::string_view(text).substr(used);
    if (rest.starts_with('/')) {
      rest.remove_prefix(1);
      const auto slash = rest.find('/');
      key.department_id = std::stoll(std::string(rest.substr(0, slash)));
      if (slash != std::string_view::npos) {
        auto year = parse_fiscal_year(rest.substr(slash + 1));
        if (!year) return year.error();
        key.year = *year;
      }
    } else if (!rest.empty()) {
      throw std::invalid_argument("trailing text");
    }
  } catch (const std::exception&) {
    return make_error(errc::invalid_argument,
                      "報告は 事業ID[/担当課ID[/年度]] で指定してください（例: 12, 12/7, "
                      "12/7/R6）。`list` で確認できます。");
  }
  const plan_item* item = index.find_item(key.item_id);
  if (item == nullptr || !index.plan.is_row(*item)) {
    return make_error(
        errc::not_found,
        std::to_string(key.item_id) + " は報告する事業の行ではありません。`list` で確認できます。");
  }
  const bool owner = std::ranges::find(item->owner_ids, key.department_id) != item->owner_ids.end();
  if (!owner && text.find('/') == std::string::npos && who.role == role::coordinator) {
    key.department_id = item->owner_ids.front();
  } else if (!owner) {
    return make_error(
        errc::not_found,
        "「" + item->title +
            "」はこの担当課の事業ではありません。担当課を ITEM/DEPT で指定してください。");
  }
  return key;
}

// The cell a field of an entry stands for: plan fields belong to the item.
result<cell_key> cell_of(const plan_index& index, const entry_key& e,
                         const std::string& field_text) {
  std::string field = field_text;
  int series_year = 0;
  if (auto at = field_text.find('@'); at != std::string::npos) {
    field = field_text.substr(0, at);
    auto year = parse_fiscal_year(field_text.substr(at + 1));
    if (!year) return year.error();
    series_year = *year;
  }
  const template_field* f = index.plan.tmpl.find(field);
  if (f == nullptr) {
    std::string keys;
    for (const auto& t : index.plan.tmpl.fields) keys += " " + t.key;
    return make_error(errc::invalid_argument,
                      "項目「" + field + "」はありません。使える項目:" + keys);
  }
  if (f->scope == field_scope::plan) return cell_key{e.item_id, 0, series_year, field};
  return cell_key{e.item_id, e.department_id, series_year != 0 ? series_year : e.year, field};
}

std::string department_name(store& s, record_id id) {
  for (const auto& d : s.departments()) {
    if (d.id == id) return d.name;
  }
  return std::to_string(id);
}

// JSON output for --json, escaped properly.
struct json_out {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w{buffer};
  void member(const char* key, const std::string& value) {
    w.Key(key);
    w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
  }
  void member(const char* key, std::int64_t value) {
    w.Key(key);
    w.Int64(value);
  }
  // Named apart: a string literal would convert to bool before std::string.
  void flag(const char* key, bool value) {
    w.Key(key);
    w.Bool(value);
  }
  std::string str() const { return buffer.GetString(); }
};

struct context {
  std::string data;
  std::string server;
  bool json = false;
};

result<replica> open_replica(const context& c) {
  std::filesystem::create_directories(c.data);
  return replica::open(std::filesystem::path(c.data) / "replica.db");
}

// The signed-in user's replica, with the server and the device token.
struct signed_in_replica {
  replica local;
  identity id;
  std::string token;
};

result<signed_in_replica> open_signed_in(const context& c) {
  auto local = open_replica(c);
  if (!local) return local.error();
  auto id = local->who();
  auto token = local->setting("token");
  if (!id || !token) {
    return make_error(errc::unauthenticated, "先に `login USER` でサインインしてください。");
  }
  return signed_in_replica{std::move(*local), std::move(*id), std::move(*token)};
}

int cmd_login(const context& c, const std::string& login, const std::string& device) {
  auto local = open_replica(c);
  if (!local) return fail(local.error());
  const std::string server = !c.server.empty() ? c.server : local->setting("server").value_or("");
  if (server.empty())
    return fail({errc::invalid_argument, "初回は --server http://HOST:PORT を指定してください。"});
  if (auto owner = local->check_owner(server, login); !owner) return fail(owner.error());
  auto signed_in = sign_in(server, login, read_password(), device, local->device_key().public_key);
  if (!signed_in) return fail(signed_in.error());
  if (signed_in->plan_ids.empty())
    return fail({errc::not_found, "このサーバーには計画がありません。"});
  identity id{server,          signed_in->user,
              device,          signed_in->department_id,
              signed_in->role, signed_in->plan_ids.front()};
  local->set_identity(id);
  local->set_setting("token", signed_in->token);
  local->set_setting("server_key", signed_in->server_key);
  std::cout << "signed in as " << id.user << " on " << server << " (device " << device << ")\n";
  return 0;
}

int cmd_sync(const context& c) {
  auto session = open_signed_in(c);
  if (!session) return fail(session.error());
  auto& local = session->local;
  const auto& id = session->id;
  const auto& token = session->token;
  auto server = make_http_transport(id.server, token);
  auto report = sync(local, *server);
  if (!report) return fail(report.error());
  if (c.json) {
    json_out out;
    out.w.StartObject();
    out.member("sent", report->sent);
    out.member("applied", report->applied);
    out.member("conflicts", report->conflicts);
    out.member("refused", report->refused);
    out.member("received", report->received);
    out.member("cursor", report->cursor);
    out.flag("rewound", report->rewound);
    out.member("resent", report->resent);
    out.flag("scope_changed", report->scope_changed);
    out.w.EndObject();
    std::cout << out.str() << "\n";
  } else {
    if (report->rewound) {
      std::cout << "the server was restored to an earlier state: pulled everything again and sent "
                << report->resent << " of your values again\n";
    }
    if (report->scope_changed) {
      std::cout << "your department or role changed on the server: pulled what you may see now\n";
    }
    std::cout << "sent " << report->sent << " (applied " << report->applied << ", conflicts "
              << report->conflicts << ", refused " << report->refused << "), received "
              << report->received << ", cursor " << report->cursor << "\n";
  }
  return report->refused > 0 ? 3 : 0;
}

// Stays in sync until interrupted: syncs on the server's news, backs off
// while it is unreachable. One line per sync.
int cmd_watch(const context& c) {
  static client::sync_loop* running = nullptr;
  client::sync_loop loop(std::filesystem::path(c.data) / "replica.db");
  running = &loop;
  std::signal(SIGINT, [](int) { running->stop(); });
  std::signal(SIGTERM, [](int) { running->stop(); });
  loop.run([](const result<sync_report>& r) {
    if (r) {
      std::cout << utc_now_iso() << " synced: sent " << r->sent << ", received " << r->received
                << ", cursor " << r->cursor << std::endl;
    } else {
      std::cout << utc_now_iso() << " " << r.error().message << std::endl;
    }
  });
  return 0;
}

int cmd_status(const context& c) {
  auto local = open_replica(c);
  if (!local) return fail(local.error());
  const auto s = local->status();
  const auto id = local->who();
  if (c.json) {
    json_out out;
    out.w.StartObject();
    out.member("user", id ? id->user : "");
    out.member("pending", s.pending);
    out.member("actions", s.actions);
    out.member("refused", s.refused);
    out.member("conflicts", s.conflicts);
    out.member("stale_edits", s.stale_edits);
    out.member("cursor", s.cursor);
    out.member("last_sync", s.last_sync);
    out.w.EndObject();
    std::cout << out.str() << "\n";
    return 0;
  }
  std::cout << "user:        " << (id ? id->user + " @ " + id->server : "(not signed in)") << "\n"
            << "pending:     " << s.pending << " change(s) and " << s.actions
            << " action(s) not yet sent\n"
            << "refused:     " << s.refused << " (see `show`; `discard` drops one)\n"
            << "conflicts:   " << s.conflicts << "\n"
            << "stale edits: " << s.stale_edits
            << " (changed on the server since you edited; sync to compare)\n"
            << "last sync:   " << (s.last_sync.empty() ? "never" : s.last_sync) << " (cursor "
            << s.cursor << ")\n";
  return 0;
}

int cmd_list(const context& c, bool all, const std::string& status_filter) {
  auto local = open_replica(c);
  if (!local) return fail(local.error());
  auto index = local->plan();
  if (!index) return fail(index.error());
  const auto id = local->who();
  const int year = index->plan.report_year;
  json_out out;
  if (c.json) out.w.StartArray();
  if (!c.json) {
    std::cout << index->plan.title << " — " << fiscal_year_label(year) << "\n"
              << "ENTRY\t番号\t状態\t事業\t担当課\n";
  }
  for (const auto& item : index->items) {
    if (!index->plan.is_row(item)) continue;
    for (record_id d : item.owner_ids) {
      if (!all && d != id->department_id) continue;
      const auto e = local->db().find_entry({item.id, d, year});
      if (!status_filter.empty() && to_string(e.status) != status_filter) continue;
      if (c.json) {
        out.w.StartObject();
        out.member("entry",
                   std::to_string(item.id) + "/" + std::to_string(d) + "/" + std::to_string(year));
        out.member("label", item.label);
        out.member("title", item.title);
        out.member("department", department_name(local->db(), d));
        out.member("status", std::string(to_string(e.status)));
        out.w.EndObject();
      } else {
        // The id to type first, then the row's printed number: "set 3 …"
        // takes an id, not the ③ printed in the report.
        std::cout << item.id << "/" << d << "\t" << item.label << "\t" << label_ja(e.status) << "\t"
                  << item.title << "\t" << department_name(local->db(), d) << "\n";
      }
    }
  }
  if (c.json) {
    out.w.EndArray();
    std::cout << out.str() << "\n";
  }
  return 0;
}

// A value as a terminal shows it: a table one row per line under the label.
std::string shown(const template_field* f, const std::string& value) {
  if (f == nullptr || f->type != field_type::table || value.empty()) return value;
  std::string out;
  std::string text = table_as_text(*f, value);
  for (std::size_t start = 0; start < text.size();) {
    const auto end = text.find('\n', start);
    out += "\n      " + text.substr(start, end - start);
    start = end == std::string::npos ? text.size() : end + 1;
  }
  return out;
}

// An entry named on the command line, in the user's replica.
struct opened_entry {
  replica local;
  plan_index index;
  entry_key key;

  result<cell_key> cell(const std::string& field) const { return cell_of(index, key, field); }
};

result<opened_entry> open_entry(const context& c, const std::string& text) {
  auto local = open_replica(c);
  if (!local) return local.error();
  auto index = local->plan();
  if (!index) return index.error();
  auto key = parse_entry(text, *local->who(), *index);
  if (!key) return key.error();
  return opened_entry{std::move(*local), std::move(*index), *key};
}

int cmd_show(const context& c, const std::string& entry_text) {
  auto opened = open_entry(c, entry_text);
  if (!opened) return fail(opened.error());
  auto& local = opened->local;
  const auto& index = opened->index;
  const auto& key = opened->key;
  const plan_item& item = *index.find_item(key.item_id);
  const auto e = local.db().find_entry(key);
  const auto outbox = local.outbox();
  json_out out;
  if (c.json) {
    out.w.StartObject();
    out.member("entry", std::to_string(key.item_id) + "/" + std::to_string(key.department_id) +
                            "/" + std::to_string(key.year));
    out.member("title", item.title);
    out.member("department", department_name(local.db(), key.department_id));
    out.member("status", std::string(to_string(e.status)));
    out.w.Key("fields");
    out.w.StartArray();
  } else {
    std::cout << item.label << " " << item.title << " — "
              << department_name(local.db(), key.department_id) << " "
              << fiscal_year_label(key.year) << " [" << label_ja(e.status) << "]\n";
  }
  for (const auto& f : index.plan.tmpl.fields) {
    auto cell = cell_of(index, key, f.key);
    if (!cell) continue;
    std::string state = "synced";
    std::string reason;
    for (const auto& o : outbox) {
      if (o.change.key == *cell) {
        state = o.refused ? "refused" : "unsent";
        reason = o.reason;
      }
    }
    if (c.json) {
      out.w.StartObject();
      out.member("field", f.key);
      out.member("label", f.label);
      out.member("value", local.value_of(*cell));
      out.member("state", state);
      if (!reason.empty()) out.member("reason", reason);
      out.w.EndObject();
    } else {
      const std::string mark = state == "refused"  ? "  (送信を拒否: " + reason + ")"
                               : state == "unsent" ? "  (未送信)"
                                                   : "";
      std::cout << "  " << f.key << " 「" << f.label << "」: " << shown(&f, local.value_of(*cell))
                << mark << "\n";
    }
  }
  if (c.json) {
    out.w.EndArray();
    out.w.Key("comments");
    out.w.StartArray();
  }
  for (const auto& comment : local.db().comments_of(key)) {
    if (c.json) {
      out.w.StartObject();
      out.member("author", comment.author);
      out.member("at", comment.at);
      out.member("body", comment.body);
      out.w.EndObject();
    } else {
      std::cout << "  コメント " << comment.author << " " << comment.at << ": " << comment.body
                << "\n";
    }
  }
  if (c.json) {
    out.w.EndArray();
    out.w.EndObject();
    std::cout << out.str() << "\n";
  }
  return 0;
}

int cmd_set(const context& c, const std::string& entry_text, const std::string& field,
            const std::string& value) {
  auto opened = open_entry(c, entry_text);
  if (!opened) return fail(opened.error());
  auto cell = opened->cell(field);
  if (!cell) return fail(cell.error());
  if (auto done = opened->local.edit(*cell, value); !done) return fail(done.error());
  std::cout << "saved (not yet sent: run `sync`)\n";
  return 0;
}

int cmd_discard(const context& c, const std::string& entry_text, const std::string& field) {
  auto opened = open_entry(c, entry_text);
  if (!opened) return fail(opened.error());
  auto cell = opened->cell(field);
  if (!cell) return fail(cell.error());
  if (auto done = opened->local.discard(*cell); !done) return fail(done.error());
  std::cout << "discarded; the server's value shows again\n";
  return 0;
}

int cmd_bundle_export(const context& c, const std::string& file) {
  auto local = open_replica(c);
  if (!local) return fail(local.error());
  const int pending = local->status().pending;
  auto text = local->export_bundle();
  if (!text) return fail(text.error());
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << *text;
  if (!out) return fail({errc::storage, file + " に書き込めません。"});
  std::cout << "wrote " << file << " with " << pending
            << " change(s); import it at the server, then `bundle import` its answer here\n";
  return 0;
}

int cmd_bundle_import(const context& c, const std::string& file) {
  auto local = open_replica(c);
  if (!local) return fail(local.error());
  auto text = read_file(file);
  if (!text) return fail(text.error());
  if (auto done = local->import_answer(*text); !done) return fail(done.error());
  const auto s = local->status();
  std::cout << "imported " << file << ": " << s.pending << " pending, " << s.refused << " refused, "
            << s.conflicts << " conflict(s), cursor " << s.cursor << "\n";
  return s.refused > 0 ? 3 : 0;
}

// A coordinator's client carries a department's bundle to the server and
// writes the answer to take back.
int cmd_bundle_forward(const context& c, const std::string& in_file, const std::string& out_file) {
  auto session = open_signed_in(c);
  if (!session) return fail(session.error());
  const auto& id = session->id;
  const auto& token = session->token;
  auto text = read_file(in_file);
  if (!text) return fail(text.error());
  auto answer = call_api(id.server, token, "POST", "/api/v1/bundles", *text);
  if (!answer) return fail(answer.error());
  std::ofstream out(out_file, std::ios::binary | std::ios::trunc);
  out << *answer;
  if (!out) return fail({errc::storage, out_file + " に書き込めません。"});
  std::cout << "applied " << in_file << " at the server; answer written to " << out_file << "\n";
  return 0;
}

// Queues an action and sends it at once if the server can be reached;
// offline it waits for the next sync or bundle. Reports this action's own
// outcome: an older refusal still in the queue is not this command's.
int queued_then_sent(replica& local, const result<std::string>& queued, const std::string& what) {
  if (!queued) return fail(queued.error());
  auto id = local.who();
  auto token = local.setting("token");
  auto server = make_http_transport(id->server, token.value_or(""));
  auto report = sync(local, *server);
  if (!report && report.error().code == errc::unreachable) {
    std::cout << what << " queued; it will be sent by the next `sync` or `bundle export`\n";
    return 0;
  }
  if (!report) return fail(report.error());
  for (const auto& a : local.actions()) {
    if (a.action.action_id != *queued) continue;
    if (a.refused) {
      std::cerr << "matome-cli: " << what << " refused: " << a.reason
                << " (`actions` lists it, `discard-action` drops it)\n";
      return 3;
    }
    if (a.reason.empty()) {
      std::cout << what << " queued; the server has not answered it yet\n";
      return 0;
    }
    // Held back (an edit of the entry is in conflict or refused): not done.
    std::cerr << "matome-cli: " << what << " not sent: " << a.reason << "\n";
    return 3;
  }
  std::cout << what << " done\n";
  return 0;
}

int cmd_actions(const context& c) {
  auto local = open_replica(c);
  if (!local) return fail(local.error());
  for (const auto& a : local->actions()) {
    std::cout << a.action.action_id << "\t" << to_string(a.action.kind) << " " << a.action.name
              << "\t"
              << (a.refused ? "refused: " + a.reason
                            : (a.in_flight ? "sent, awaiting answer" : "queued"))
              << "\n";
  }
  return 0;
}

int cmd_conflicts(const context& c) {
  auto local = open_replica(c);
  if (!local) return fail(local.error());
  auto id = local->who();
  if (!id) return fail({errc::unauthenticated, "先に `login USER` でサインインしてください。"});
  json_out out;
  if (c.json) out.w.StartArray();
  auto index = local->plan();
  for (const auto& k : local->db().open_conflicts(id->plan_id)) {
    const template_field* f = index ? index->plan.tmpl.find(k.key.field) : nullptr;
    if (c.json) {
      out.w.StartObject();
      out.member("id", k.id);
      out.member("cell", to_string(k.key));
      out.member("base", k.base_value);
      out.member("server", k.server_value);
      out.member("incoming", k.incoming_value);
      out.member("incoming_user", k.user);
      out.member("incoming_device", k.device);
      out.w.EndObject();
    } else {
      std::cout << "conflict " << k.id << ": item " << k.key.item_id << " department "
                << k.key.department_id << " year " << k.key.year << " field " << k.key.field << "\n"
                << "  base:     " << shown(f, k.base_value) << "\n"
                << "  server:   " << shown(f, k.server_value) << "\n"
                << "  incoming: " << shown(f, k.incoming_value) << " (" << k.user << ", "
                << k.device << ")\n";
    }
  }
  if (c.json) {
    out.w.EndArray();
    std::cout << out.str() << "\n";
  }
  return 0;
}

// A request that needs the server now (history).
int cmd_online(const context& c, const std::string& method, const std::string& target,
               const std::string& body) {
  auto session = open_signed_in(c);
  if (!session) return fail(session.error());
  const auto& id = session->id;
  const auto& token = session->token;
  auto answer = call_api(id.server, token, method,
                         "/api/v1/plans/" + std::to_string(id.plan_id) + target, body);
  if (!answer) return fail(answer.error());
  std::cout << *answer << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"matome-cli: Matome's offline-first client in a terminal"};
  context c;
  app.add_option("--data", c.data, "Directory of this user's local replica")->required();
  app.add_option("--server", c.server,
                 "Server URL, e.g. http://127.0.0.1:8750 (remembered after login)");
  app.add_flag("--json", c.json, "Machine-readable output where offered");
  app.require_subcommand(1);

  std::string user, device = default_device(), entry, field, value, comment, status_filter,
                    resolution_value;
  bool all = false, mine = false, theirs = false;
  long long conflict_id = 0;
  auto* login =
      app.add_subcommand("login", "Sign in (password from MATOME_PASSWORD or standard input)");
  login->add_option("user", user)->required();
  login->add_option("--device", device, "Name of this computer")->capture_default_str();
  bool watch = false;
  auto* sync_cmd = app.add_subcommand("sync", "Send unsent edits, receive what changed");
  sync_cmd->add_flag(
      "--watch", watch,
      "Keep syncing: on the server's news, with backoff while offline (Ctrl+C stops)");
  auto* status = app.add_subcommand("status", "Pending changes, conflicts, last sync");
  auto* list = app.add_subcommand("list", "Entries of the reporting year");
  list->add_flag("--all", all, "Every department's, not only mine");
  list->add_option("--status", status_filter, "not_started, draft, submitted, returned, accepted");
  auto* show = app.add_subcommand("show", "One entry with its values");
  show->add_option("entry", entry, "ITEM[/DEPT[/YEAR]]")->required();
  auto* set = app.add_subcommand("set", "Write a field (saved offline, sent by sync)");
  set->add_option("entry", entry, "ITEM[/DEPT[/YEAR]]")->required();
  set->add_option("field", field, "Field key; FIELD@YEAR for a year of a series")->required();
  set->add_option("value", value)->required();
  auto* discard = app.add_subcommand("discard", "Drop an unsent or refused edit");
  discard->add_option("entry", entry)->required();
  discard->add_option("field", field)->required();
  std::map<std::string, CLI::App*> steps;
  for (const char* step : {"submit", "approve", "send_back", "return", "accept", "reopen"}) {
    steps[step] =
        app.add_subcommand(step, std::string("Workflow: ") + step + " an entry (queued offline)");
    steps[step]->add_option("entry", entry)->required();
    steps[step]->add_option("--comment", comment, "The reason, for return");
  }
  steps["comment"] = app.add_subcommand("comment", "Comment on an entry (queued offline)");
  steps["comment"]->add_option("entry", entry)->required();
  steps["comment"]->add_option("text", comment)->required();
  std::string action_id;
  auto* actions =
      app.add_subcommand("actions", "Queued and refused workflow steps, resolutions, comments");
  auto* discard_action = app.add_subcommand("discard-action", "Drop a queued or refused action");
  discard_action->add_option("id", action_id)->required();
  auto* conflicts = app.add_subcommand("conflicts", "Open conflicts");
  auto* resolve = app.add_subcommand("resolve", "Resolve a conflict (queued offline)");
  resolve->add_option("conflict", conflict_id)->required();
  auto* take = resolve->add_option_group("choice")->require_option(1);
  take->add_flag("--mine", mine, "Keep my side: my incoming value if I sent it, else the server's");
  take->add_flag("--theirs", theirs, "Take the other side");
  take->add_option("--value", resolution_value, "Write a merged value");
  std::string bundle_file, answer_file;
  auto* bundle =
      app.add_subcommand("bundle", "Sync by file, for machines with no route to the server");
  bundle->require_subcommand(1);
  auto* bundle_export = bundle->add_subcommand("export", "Write unsent edits to a signed file");
  bundle_export->add_option("file", bundle_file)->required();
  auto* bundle_import = bundle->add_subcommand("import", "Read the server's answer file");
  bundle_import->add_option("file", bundle_file)->required()->check(CLI::ExistingFile);
  auto* bundle_forward =
      bundle->add_subcommand("forward", "Coordinator: apply a department's file at the server");
  bundle_forward->add_option("file", bundle_file)->required()->check(CLI::ExistingFile);
  bundle_forward->add_option("answer", answer_file)->required();
  matome::cli::export_request export_data;
  auto* export_cmd =
      app.add_subcommand("export", "The year's report (XLSX) or data (CSV, JSON), offline");
  export_cmd->add_option("--year", export_data.year,
                         "R6, 令和6年度 or 2024 (default: the report year)");
  export_cmd->add_option("--format", export_data.format, "pdf, xlsx, csv, csv-long or json")
      ->capture_default_str();
  export_cmd->add_option("--layout", export_data.layout, "pdf, xlsx: the report layout (JSON)")
      ->check(CLI::ExistingFile);
  export_cmd->add_option("--department", export_data.department,
                         "Only this department's rows (code)");
  export_cmd->add_flag("--accepted-only", export_data.accepted_only, "Only accepted entries");
  export_cmd->add_flag("--mark-changes", export_data.mark_changes,
                       "pdf, xlsx: shade the cells changed since their entry was last accepted");
  export_cmd->add_option("--out", export_data.out, "The file to write")->required();
  matome::cli::import_request import_sheet;
  import_sheet.preset_dir = matome::import::default_presets_dir();
  auto* import_cmd = app.add_subcommand(
      "import", "Coordinator: import a city's workbook (XLSX, CSV, TSV) at the server (online)");
  import_cmd->add_option("file", import_sheet.file)->required()->check(CLI::ExistingFile);
  import_cmd
      ->add_option("--mapping", import_sheet.mapping_file, "Mapping file (docs/file-formats.md)")
      ->check(CLI::ExistingFile);
  import_cmd->add_option("--preset", import_sheet.preset, "sakado, kitamoto or tsurugashima");
  import_cmd->add_option("--preset-dir", import_sheet.preset_dir)->capture_default_str();
  import_cmd->add_option("--encoding", import_sheet.encoding, "auto, utf-8, cp932, utf-16le")
      ->capture_default_str();
  import_cmd->add_flag("--dry-run", import_sheet.dry_run,
                       "Show what would be imported; write nothing");
  auto* history = app.add_subcommand("history", "Who changed a field, when (online)");
  history->add_option("entry", entry)->required();
  history->add_option("field", field)->required();

  CLI11_PARSE(app, argc, argv);
  try {
    if (*login) return cmd_login(c, user, device);
    if (*sync_cmd) return watch ? cmd_watch(c) : cmd_sync(c);
    if (*status) return cmd_status(c);
    if (*list) return cmd_list(c, all, status_filter);
    if (*show) return cmd_show(c, entry);
    if (*set) return cmd_set(c, entry, field, value);
    if (*discard) return cmd_discard(c, entry, field);
    if (*conflicts) return cmd_conflicts(c);
    if (*bundle_export) return cmd_bundle_export(c, bundle_file);
    if (*bundle_import) return cmd_bundle_import(c, bundle_file);
    if (*bundle_forward) return cmd_bundle_forward(c, bundle_file, answer_file);
    if (*resolve) {
      auto local = open_replica(c);
      if (!local) return fail(local.error());
      // Mine and theirs from where the user stands: if this user sent the
      // incoming value, it is theirs to call "mine".
      auto conflict = local->db().find_conflict(conflict_id);
      if (!conflict) return fail(conflict.error());
      const bool incoming_is_mine = local->who() && conflict->user == local->who()->user;
      const std::string how = !mine && !theirs             ? "merged"
                              : (mine == incoming_is_mine) ? "incoming"
                                                           : "server";
      return queued_then_sent(*local, local->queue_resolution(conflict_id, how, resolution_value),
                              "resolution of conflict " + std::to_string(conflict_id));
    }
    if (*discard_action) {
      auto local = open_replica(c);
      if (!local) return fail(local.error());
      if (auto done = local->discard_action(action_id); !done) return fail(done.error());
      std::cout << "dropped\n";
      return 0;
    }
    if (*actions) return cmd_actions(c);
    for (const auto& [name, cmd] : steps) {
      if (!*cmd) continue;
      auto opened = open_entry(c, entry);
      if (!opened) return fail(opened.error());
      auto& local = opened->local;
      if (name == "comment") {
        return queued_then_sent(local, local.queue_comment(opened->key, comment), "comment");
      }
      return queued_then_sent(
          local, local.queue_transition(opened->key, parse_entry_action(name).value(), comment),
          name + " of " + entry);
    }
    if (*export_cmd) {
      auto local = open_replica(c);
      if (!local) return fail(local.error());
      return matome::cli::run_export(*local, export_data);
    }
    if (*import_cmd) {
      auto session = open_signed_in(c);
      if (!session) return fail(session.error());
      return matome::cli::run_import(session->id.server, session->token, import_sheet, c.json);
    }
    if (*history) {
      auto opened = open_entry(c, entry);
      if (!opened) return fail(opened.error());
      auto cell = opened->cell(field);
      if (!cell) return fail(cell.error());
      return cmd_online(c, "GET",
                        "/history?item=" + std::to_string(cell->item_id) +
                            "&department=" + std::to_string(cell->department_id) +
                            "&year=" + std::to_string(cell->year) + "&field=" + cell->field,
                        "");
    }
  } catch (const failure& f) {
    return fail({f.code(), f.what()});
  }
  return 2;
}
