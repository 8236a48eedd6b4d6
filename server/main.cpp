// matome-server: the sync server, and the administrator's commands on the
// same binary. See docs/api.md and `matome-server --help`.
#include <arpa/inet.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "admin/admin_commands.h"
#include "matome/import/presets.h"
#include "matome/plan_file/plan_file.h"
#include "net/http_server.h"

namespace {

using namespace matome;

// The demo plan: next to the installed binary's data, or in the source tree.
std::string default_demo_plan() {
  for (const char* candidate : {MATOME_INSTALLED_DEMO_PLAN, MATOME_SOURCE_DEMO_PLAN}) {
    if (std::filesystem::exists(candidate)) return candidate;
  }
  return MATOME_INSTALLED_DEMO_PLAN;
}

// The address an inherited socket (--listen-fd) listens on, e.g. "127.0.0.1".
std::string socket_host(int fd) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) return {};
  char text[INET6_ADDRSTRLEN] = {};
  if (address.ss_family == AF_INET) {
    ::inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&address)->sin_addr, text, sizeof text);
  } else if (address.ss_family == AF_INET6) {
    ::inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&address)->sin6_addr, text, sizeof text);
  }
  return text;
}

// "127.0.0.1:8750" or "[::1]:8750" into host and port; says what is wrong.
bool parse_host_port(const std::string& text, std::string_view option, std::string& host,
                     unsigned short& port) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos) {
    std::cerr << "matome-server: " << option << " wants HOST:PORT, e.g. 127.0.0.1:8750\n";
    return false;
  }
  host = text.substr(0, colon);
  if (host.starts_with('[')) host = host.substr(1, host.size() - 2);
  try {
    const int number = std::stoi(text.substr(colon + 1));
    if (number < 0 || number > 65535) throw std::out_of_range("port");
    port = static_cast<unsigned short>(number);
  } catch (const std::exception&) {
    std::cerr << "matome-server: " << option << ": \"" << text.substr(colon + 1)
              << "\" is not a port number\n";
    return false;
  }
  return true;
}

int serve(const std::string& db_path, const std::string& listen, int listen_fd, bool demo,
          const std::string& demo_plan, int threads, const std::string& tls_cert,
          const std::string& tls_key, const std::string& metrics_listen) {
  server::server_options options;
  options.listening_socket = listen_fd;
  options.tls_cert = tls_cert;
  options.tls_key = tls_key;
  options.handle_signals = true;
  options.threads = threads;
  if (!parse_host_port(listen, "--listen", options.host, options.port)) return 2;
  if (!metrics_listen.empty() && !parse_host_port(metrics_listen, "--metrics-listen",
                                                  options.metrics_host, options.metrics_port)) {
    return 2;
  }
  if (listen_fd >= 0) {
    options.host = socket_host(listen_fd);
    if (options.host.empty()) {
      std::cerr << "matome-server: --listen-fd " << listen_fd << " is not a listening socket\n";
      return 2;
    }
  }
  // /metrics names routes, load and backup times: not for the whole network.
  options.metrics_on_api_listener = server::is_loopback_address(options.host);
  if (demo && !server::is_loopback_address(options.host)) {
    std::cerr << "matome-server: the demo has well-known passwords and serves 127.0.0.1 only\n";
    return 2;
  }

  auto db = store::open(db_path);
  if (!db) {
    std::cerr << "matome-server: " << db.error().message << "\n";
    return 3;
  }

  if (demo && db->plan_ids().empty()) {
    auto summary = import_plan_file(*db, demo_plan);
    if (!summary) {
      std::cerr << "matome-server: cannot load the demo plan: " << summary.error().message << "\n";
      return 3;
    }
    spdlog::info("demo plan loaded: {} rows, {} departments, {} users (password: demo)",
                 summary->rows, summary->departments, summary->users);
  }
  db->read_applied_ids();
  try {
    server::http_server server(options, std::move(*db));
    server.run();
  } catch (const failure& f) {
    std::cerr << "matome-server: " << f.what() << "\n";
    return 2;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"matome-server: the Matome sync server (HTTP/JSON API under /api/v1/)"};
  app.set_config("--config", "", "Read options from a TOML/INI file");
  std::string db_path;
  std::string listen = "127.0.0.1:8750";
  bool demo = false;
  std::string demo_plan = default_demo_plan();
  int threads = 0;
  std::string tls_cert, tls_key;
  app.add_option("--db", db_path, "The master database (SQLite file; created if missing)")
      ->required();
  app.add_option("--listen", listen, "Address and port to serve on")->capture_default_str();
  int listen_fd = -1;
  app.add_option("--listen-fd", listen_fd,
                 "Serve this inherited, already listening socket instead of --listen "
                 "(socket activation; restarts that must keep the port)");
  app.add_flag("--demo", demo,
               "Load the demo plan and users into an empty database (127.0.0.1 only)");
  app.add_option("--demo-plan", demo_plan, "The plan file --demo loads")->capture_default_str();
  app.add_option("--threads", threads, "I/O threads (0: one per core)")->capture_default_str();
  app.add_option("--tls-cert", tls_cert, "PEM certificate chain: serve HTTPS and WSS")
      ->check(CLI::ExistingFile);
  app.add_option("--tls-key", tls_key, "PEM private key for --tls-cert")->check(CLI::ExistingFile);
  std::string metrics_listen;
  app.add_option("--metrics-listen", metrics_listen,
                 "Serve GET /metrics (Prometheus) on this HOST:PORT too, plain HTTP; the API "
                 "address serves /metrics itself only when it is 127.0.0.1 or ::1");

  std::string code, name, login, department, role = "member", file;
  bool external = false;
  long long device_id = 0;
  auto* add_department = app.add_subcommand("add-department", "Add a department (担当課)");
  add_department->add_option("code", code, "Short stable key, e.g. kyosei")->required();
  add_department->add_option("name", name, "Printed name, e.g. 共生福祉課")->required();
  add_department->add_flag("--external", external, "An outside body such as 社協");
  auto* list_departments = app.add_subcommand("list-departments", "List departments");
  auto* add_user =
      app.add_subcommand("add-user", "Add a user; the password is read from standard input");
  add_user->add_option("login", login)->required();
  add_user->add_option("--name", name, "Display name");
  add_user->add_option("--department", department, "Department code (none for an administrator)");
  add_user->add_option("--role", role, "member, chief, coordinator or admin")
      ->capture_default_str();
  auto* list_users = app.add_subcommand("list-users", "List users");
  auto* set_password =
      app.add_subcommand("set-password", "Set a password, read from standard input");
  set_password->add_option("login", login)->required();
  std::string new_department, new_role;
  auto* set_user = app.add_subcommand(
      "set-user", "Move a user to another department or role (devices re-sync their scope)");
  set_user->add_option("login", login)->required();
  set_user->add_option("--department", new_department, "Department code (- for none)");
  set_user->add_option("--role", new_role, "member, chief, coordinator or admin");
  long long item_id = 0;
  std::vector<std::string> owner_codes;
  auto* list_items = app.add_subcommand("list-items", "List the plans' items with ids and owners");
  auto* set_owners =
      app.add_subcommand("set-owners", "Set the departments that report on a row, in order");
  set_owners->add_option("item", item_id, "Item id (see list-items)")->required();
  set_owners->add_option("departments", owner_codes, "Department codes")->required();
  auto* remove_item =
      app.add_subcommand("remove-item", "Remove an item that nothing was reported on");
  remove_item->add_option("item", item_id, "Item id (see list-items)")->required();
  long long new_parent_id = 0;
  std::string new_label;
  auto* move_item = app.add_subcommand(
      "move-item", "Move an item under another heading of the level above (its values go with it)");
  move_item->add_option("item", item_id, "Item id (see list-items)")->required();
  move_item->add_option("--under", new_parent_id, "The new heading's id (0: the top level)")
      ->required();
  move_item->add_option("--label", new_label, "The number it is printed with there");
  std::string plan_code;
  auto* set_layout = app.add_subcommand(
      "set-layout", "Set the plan's report layout (docs/file-formats.md, \"Report layout\")");
  set_layout->add_option("plan", plan_code, "Plan code")->required();
  set_layout->add_option("file", file, "Layout JSON file; - for the default layout")->required();
  auto* list_devices = app.add_subcommand("list-devices", "List signed-in devices");
  auto* revoke_device = app.add_subcommand("revoke-device", "Revoke a device's token");
  revoke_device->add_option("id", device_id)->required();
  auto* import_plan =
      app.add_subcommand("import-plan", "Import a plan file (docs/file-formats.md)");
  import_plan->add_option("file", file)->required()->check(CLI::ExistingFile);
  matome::server::admin::import_sheet_options sheet;
  sheet.preset_dir = matome::import::default_presets_dir();
  auto* import_sheet = app.add_subcommand(
      "import-sheet", "Import a city's workbook (XLSX, CSV, TSV) through a mapping or a preset");
  import_sheet->add_option("file", sheet.file)->required()->check(CLI::ExistingFile);
  auto* mapping_option =
      import_sheet
          ->add_option("--mapping", sheet.mapping_file, "Mapping file (docs/file-formats.md)")
          ->check(CLI::ExistingFile);
  import_sheet
      ->add_option("--preset", sheet.preset, "A shipped preset: sakado, kitamoto, tsurugashima")
      ->excludes(mapping_option);
  import_sheet->add_option("--preset-dir", sheet.preset_dir, "Where the presets are")
      ->capture_default_str();
  import_sheet
      ->add_option("--encoding", sheet.encoding, "CSV/TSV text: auto, utf-8, cp932, utf-16le")
      ->capture_default_str();
  import_sheet->add_flag("--dry-run", sheet.dry_run, "Show what would be imported; write nothing");
  auto* backup =
      app.add_subcommand("backup", "Write a consistent copy of the database, also while serving");
  backup
      ->add_option("file", file,
                   "The new backup file, or a directory to write matome-YYYYMMDD-HHMMSS.db into")
      ->required();
  int keep = 0;
  backup->add_option("--keep", keep, "With a directory: keep only the newest N backups there")
      ->check(CLI::PositiveNumber);
  std::string backup_file;
  auto* restore = app.add_subcommand(
      "restore",
      "Put a backup back in place of the database (the server must be stopped; the replaced "
      "file is kept aside)");
  restore->add_option("backup", backup_file, "The backup file")->required();
  auto* check = app.add_subcommand("check", "Check the database's integrity");
  std::string answer_file;
  auto* import_bundle =
      app.add_subcommand("import-bundle", "Apply a device's sync bundle and write the answer");
  import_bundle->add_option("bundle", file, "The device's changes bundle")
      ->required()
      ->check(CLI::ExistingFile);
  import_bundle->add_option("answer", answer_file, "The answer bundle to carry back")->required();
  app.require_subcommand(0, 1);

  CLI11_PARSE(app, argc, argv);
  namespace admin = matome::server::admin;
  if (*add_department) return admin::add_department(db_path, code, name, external);
  if (*list_departments) return admin::list_departments(db_path);
  if (*add_user) return admin::add_user(db_path, login, name, department, role, std::cin);
  if (*list_users) return admin::list_users(db_path);
  if (*set_password) return admin::set_password(db_path, login, std::cin);
  if (*set_user) return admin::set_user(db_path, login, new_department, new_role);
  if (*list_items) return admin::list_items(db_path);
  if (*set_owners) return admin::set_owners(db_path, item_id, owner_codes);
  if (*remove_item) return admin::remove_item(db_path, item_id);
  if (*move_item) return admin::move_item(db_path, item_id, new_parent_id, new_label);
  if (*set_layout) return admin::set_layout(db_path, plan_code, file);
  if (*list_devices) return admin::list_devices(db_path);
  if (*revoke_device) return admin::revoke_device(db_path, device_id);
  if (*import_plan) return admin::import_plan(db_path, file);
  if (*import_sheet) {
    if (sheet.mapping_file.empty() && sheet.preset.empty()) {
      std::cerr << "matome-server: import-sheet needs --mapping FILE or --preset NAME\n";
      return 2;
    }
    return admin::import_sheet(db_path, sheet);
  }
  if (*backup) return admin::backup(db_path, file, keep);
  if (*restore) return admin::restore(db_path, backup_file);
  if (*check) return admin::check(db_path);
  if (*import_bundle) return admin::import_bundle(db_path, file, answer_file);
  return serve(db_path, listen, listen_fd, demo, demo_plan, threads, tls_cert, tls_key,
               metrics_listen);
}
