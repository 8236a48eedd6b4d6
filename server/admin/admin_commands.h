#pragma once
// The administrator's subcommands of matome-server: accounts, devices,
// plans, backup and integrity check. Each works on the database file
// directly, beside a running server (SQLite WAL allows it), and returns the
// process exit code after printing what happened.

#include <iosfwd>
#include <string>
#include <vector>

namespace matome::server::admin {

int add_department(const std::string& db, const std::string& code, const std::string& name,
                   bool external);
int list_departments(const std::string& db);
// Reads the password from `in` (one line; echo off on a terminal).
int add_user(const std::string& db, const std::string& login, const std::string& name,
             const std::string& department_code, const std::string& role, std::istream& in);
int list_users(const std::string& db);
int set_password(const std::string& db, const std::string& login, std::istream& in);
// Moves a user to another department ("-": none, for an administrator)
// and/or role; empty keeps what the user has.
int set_user(const std::string& db, const std::string& login, const std::string& department_code,
             const std::string& role);
// The plans' items with their ids and owners (item_commands.cpp).
int list_items(const std::string& db);
// Who reports on a row, in printed order (department codes).
int set_owners(const std::string& db, long long item_id, const std::vector<std::string>& codes);
// Removes a row or heading nothing was reported on.
int remove_item(const std::string& db, long long item_id);
// Moves an item under another heading, with a new printed label if given.
int move_item(const std::string& db, long long item_id, long long new_parent_id,
              const std::string& new_label);
// The plan's report layout from a JSON file ("-": back to the default),
// checked against the plan first (item_commands.cpp).
int set_layout(const std::string& db, const std::string& plan_code, const std::string& file);
int list_devices(const std::string& db);
int revoke_device(const std::string& db, long long device_id);
int import_plan(const std::string& db, const std::string& plan_file);

struct import_sheet_options {
  std::string file;          // XLSX, CSV or TSV
  std::string mapping_file;  // a mapping (docs/file-formats.md) ...
  std::string preset;        // ... or a shipped preset's name
  std::string preset_dir;
  std::string encoding = "auto";
  bool dry_run = false;
};
// Prints the dry run's summary and problems; writes only without dry_run
// and only when no problem is an error (import_commands.cpp).
int import_sheet(const std::string& db, const import_sheet_options& options);
// A consistent copy of the live database (VACUUM INTO), safe while serving.
// `target` is a new file, or a directory: then the copy is named
// matome-YYYYMMDD-HHMMSS.db and, with keep > 0, only the newest `keep`
// copies there are kept (backup_commands.cpp).
int backup(const std::string& db, const std::string& target, int keep = 0);
// Puts a backup back in place of the database: refused while a server
// serves it; the backup is checked first; the replaced file is kept aside.
int restore(const std::string& db, const std::string& backup_file);
int check(const std::string& db);
// Applies a device's signed "changes" bundle and writes the answer bundle.
int import_bundle(const std::string& db, const std::string& bundle_file,
                  const std::string& answer_file);

}  // namespace matome::server::admin
