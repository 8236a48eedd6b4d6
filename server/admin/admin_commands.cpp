#include "admin/admin_commands.h"

#include <termios.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "admin/admin_support.h"
#include "auth/device_tokens.h"
#include "matome/auth/password.h"
#include "matome/plan_file/plan_file.h"
#include "matome/store/store.h"
#include "matome/util/file.h"
#include "sync/bundle_service.h"

namespace matome::server::admin {

int report(const error& e) {
  std::cerr << "matome-server: " << e.message << "\n";
  return e.code == errc::storage ? 3 : 2;
}

result<store> open_existing(const std::string& path) {
  if (!std::filesystem::exists(path)) {
    return make_error(errc::not_found, path + " does not exist; start the server once with --db " +
                                           path + " (or --demo) to create it");
  }
  return store::open(path);
}

namespace {

std::string read_password(std::istream& in) {
  const bool terminal = &in == &std::cin && isatty(STDIN_FILENO);
  termios saved{};
  if (terminal) {
    std::cerr << "Password: " << std::flush;
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string password;
  std::getline(in, password);
  if (terminal) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << "\n";
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

}  // namespace

int add_department(const std::string& db, const std::string& code, const std::string& name,
                   bool external) {
  auto s = open_existing(db);
  if (!s) return report(s.error());
  auto id = s->add_department({0, code, name, external});
  if (!id) return report(id.error());
  std::cout << "added department " << *id << " " << code << " " << name << "\n";
  return 0;
}

int list_departments(const std::string& db) {
  auto s = open_existing(db);
  if (!s) return report(s.error());
  for (const auto& d : s->departments()) {
    std::cout << d.id << "\t" << d.code << "\t" << d.name << (d.external ? "\t(external)" : "")
              << "\n";
  }
  return 0;
}

int add_user(const std::string& db, const std::string& login, const std::string& name,
             const std::string& department_code, const std::string& role_name, std::istream& in) {
  auto s = open_existing(db);
  if (!s) return report(s.error());
  auto r = parse_role(role_name);
  if (!r) return report(r.error());
  record_id department_id = 0;
  if (!department_code.empty()) {
    auto d = s->find_department_by_code(department_code);
    if (!d) return report(d.error());
    department_id = d->id;
  }
  auto hash = hash_password(read_password(in));
  if (!hash) return report(hash.error());
  auto id = s->add_user({0, login, name.empty() ? login : name, department_id, *r, *hash, false});
  if (!id) return report(id.error());
  std::cout << "added user " << login << " (" << role_name << ")\n";
  return 0;
}

int list_users(const std::string& db) {
  auto s = open_existing(db);
  if (!s) return report(s.error());
  const auto departments = s->departments();
  for (const auto& u : s->users()) {
    std::string department = "-";
    for (const auto& d : departments) {
      if (d.id == u.department_id) department = d.code;
    }
    std::cout << u.login << "\t" << to_string(u.role) << "\t" << department << "\t"
              << u.display_name << (u.disabled ? "\t(disabled)" : "") << "\n";
  }
  return 0;
}

int set_user(const std::string& db, const std::string& login, const std::string& department_code,
             const std::string& role_name) {
  auto s = open_existing(db);
  if (!s) return report(s.error());
  auto user = s->find_user(login);
  if (!user) return report(user.error());
  record_id department_id = user->department_id;
  if (department_code == "-") {
    department_id = 0;
  } else if (!department_code.empty()) {
    auto d = s->find_department_by_code(department_code);
    if (!d) return report(d.error());
    department_id = d->id;
  }
  auto role = role_name.empty() ? result<matome::role>(user->role) : parse_role(role_name);
  if (!role) return report(role.error());
  if (auto changed = s->update_user(login, department_id, *role); !changed) {
    return report(changed.error());
  }
  std::cout << "user " << login << " is now " << to_string(*role);
  for (const auto& d : s->departments()) {
    if (d.id == department_id) std::cout << " of " << d.code << " " << d.name;
  }
  std::cout << "; their devices take the new scope at their next sync\n";
  return 0;
}

int set_password(const std::string& db, const std::string& login, std::istream& in) {
  auto s = open_existing(db);
  if (!s) return report(s.error());
  auto user = s->find_user(login);
  if (!user) return report(user.error());
  auto hash = hash_password(read_password(in));
  if (!hash) return report(hash.error());
  auto stmt = s->db().prepare("UPDATE users SET password_hash = ? WHERE id = ?");
  stmt.bind(1, *hash).bind(2, user->id).run();
  std::cout << "password of " << login << " changed\n";
  return 0;
}

int list_devices(const std::string& db) {
  auto s = open_existing(db);
  if (!s) return report(s.error());
  for (const auto& d : server::list_devices(*s)) {
    std::cout << d.id << "\t" << d.login << "\t" << d.name << "\tcreated " << d.created_at
              << "\tlast seen " << d.last_seen_at << (d.revoked ? "\tREVOKED" : "") << "\n";
  }
  return 0;
}

int revoke_device(const std::string& db, long long device_id) {
  auto s = open_existing(db);
  if (!s) return report(s.error());
  if (auto done = server::revoke_device(*s, device_id); !done) return report(done.error());
  std::cout << "device " << device_id << " revoked; its token no longer signs in\n";
  return 0;
}

int import_plan(const std::string& db, const std::string& plan_file) {
  auto s = store::open(db);
  if (!s) return report(s.error());
  auto summary = import_plan_file(*s, plan_file);
  if (!summary) return report(summary.error());
  std::cout << "imported plan " << summary->plan_id << ": " << summary->rows << " rows, "
            << summary->departments << " departments, " << summary->users << " users, "
            << summary->cells << " values\n";
  return 0;
}

int check(const std::string& db) {
  auto s = open_existing(db);
  if (!s) return report(s.error());
  int problems = 0;
  auto integrity = s->db().prepare("PRAGMA integrity_check");
  while (integrity.step()) {
    if (integrity.text(0) != "ok") {
      std::cout << "integrity: " << integrity.text(0) << "\n";
      ++problems;
    }
  }
  auto keys = s->db().prepare("PRAGMA foreign_key_check");
  while (keys.step()) {
    std::cout << "foreign key: table " << keys.text(0) << " row " << keys.int64(1) << "\n";
    ++problems;
  }
  // Cells have no foreign key (schema step 19): their items are checked here.
  auto orphans = s->db().prepare(
      "SELECT item_id, department_id, year, field FROM cells"
      " WHERE item_id NOT IN (SELECT id FROM items)");
  while (orphans.step()) {
    std::cout << "cells: a value of item " << orphans.int64(0) << " (department "
              << orphans.int64(1) << ", year " << orphans.int64(2) << ", field " << orphans.text(3)
              << ") whose item is gone\n";
    ++problems;
  }
  std::cout << (problems == 0 ? "ok: " + db + " is consistent\n"
                              : std::to_string(problems) +
                                    " problem(s). Keep this file as it is, and restore the newest "
                                    "backup that checks ok (matome-server restore; "
                                    "docs/operations.md, Restore).\n");
  return problems == 0 ? 0 : 1;
}

int import_bundle(const std::string& db, const std::string& bundle_file,
                  const std::string& answer_file) {
  auto s = open_existing(db);
  if (!s) return report(s.error());
  auto text = read_file(bundle_file);
  if (!text) return report(text.error());
  auto answered = answer_bundle(*s, *text);
  if (!answered) return report(answered.error());
  std::ofstream out(answer_file, std::ios::binary | std::ios::trunc);
  out << answered->answer;
  if (!out) return report({errc::storage, "cannot write " + answer_file});
  std::cout << "applied " << bundle_file << "; answer written to " << answer_file << "\n";
  return 0;
}

}  // namespace matome::server::admin
