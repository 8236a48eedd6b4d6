// backup and restore: the administrator's copy of the master database, and
// putting one back (docs/operations.md, "Back up" and "Restore").
#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "admin/admin_commands.h"
#include "admin/admin_support.h"
#include "matome/store/schema.h"
#include "matome/store/store.h"
#include "matome/util/clock.h"
#include "net/database_lock.h"

namespace matome::server::admin {
namespace {

namespace fs = std::filesystem;

// Local time, sortable, for file names: "20261201-023000".
std::string file_stamp() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char text[32];
  std::strftime(text, sizeof text, "%Y%m%d-%H%M%S", &local);
  return text;
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// matome-<stamp>.db in `dir`, with -2, -3 ... when a backup already took
// that second.
fs::path new_backup_name(const fs::path& dir) {
  const std::string stamp = file_stamp();
  fs::path name = dir / ("matome-" + stamp + ".db");
  for (int n = 2; fs::exists(name); ++n) {
    name = dir / ("matome-" + stamp + "-" + std::to_string(n) + ".db");
  }
  return name;
}

// Deletes all but the newest `keep` matome-*.db files in `dir`, newest by
// the time each was written.
void prune_backups(const fs::path& dir, int keep) {
  std::vector<std::pair<fs::file_time_type, fs::path>> backups;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.starts_with("matome-") && name.ends_with(".db")) {
      backups.emplace_back(entry.last_write_time(), entry.path());
    }
  }
  if (backups.size() <= static_cast<std::size_t>(keep)) return;
  std::sort(backups.begin(), backups.end());
  for (std::size_t i = 0; i + keep < backups.size(); ++i) {
    std::error_code ignored;
    fs::remove(backups[i].second, ignored);
    std::cout << "removed the old backup " << backups[i].second.string() << "\n";
  }
}

// A backup is put back only if SQLite finds it whole and this Matome can
// open it; says what is wrong otherwise.
result<void> check_backup(const fs::path& file) {
  if (!fs::is_regular_file(file)) {
    return make_error(errc::not_found, file.string() + " does not exist or is not a file");
  }
  try {
    auto db = sqlite::database::open(file, sqlite::open_mode::read_only);
    auto integrity = db.prepare("PRAGMA integrity_check");
    while (integrity.step()) {
      if (integrity.text(0) != "ok") {
        return make_error(errc::invalid_value, file.string() + " is damaged (" + integrity.text(0) +
                                                   "); take another backup. Nothing was changed.");
      }
    }
    const int version = schema_version_of(db);
    auto is_matome = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'timelines'");
    is_matome.step();
    if (version == 0 || is_matome.int64(0) == 0) {
      return make_error(errc::invalid_value, file.string() +
                                                 " is not a backup of a Matome database. "
                                                 "Nothing was changed.");
    }
    if (version > current_schema_version()) {
      return make_error(errc::unsupported_version,
                        file.string() + " comes from a newer Matome (database schema " +
                            std::to_string(version) +
                            "); update Matome first. Nothing was changed.");
    }
  } catch (const failure& f) {
    return make_error(errc::invalid_value, file.string() + " cannot be read as a database: " +
                                               f.what() + ". Nothing was changed.");
  }
  return {};
}

// Folds the replaced database's write-ahead log into it, so that the file
// kept aside holds everything it had.
result<void> checkpoint(const fs::path& file) {
  auto db = sqlite::database::open(file);
  auto stmt = db.prepare("PRAGMA wal_checkpoint(TRUNCATE)");
  stmt.step();
  if (stmt.int64(0) != 0) {
    return make_error(errc::locked, "another program is still using " + file.string() +
                                        "; close it and restore again. Nothing was changed.");
  }
  return {};
}

}  // namespace

int backup(const std::string& db, const std::string& target_arg, int keep) {
  auto s = open_existing(db);
  if (!s) return report(s.error());
  const bool into_directory = fs::is_directory(target_arg);
  if (keep > 0 && !into_directory) {
    return report({errc::invalid_argument,
                   "--keep needs a directory to back up into, not the file " + target_arg});
  }
  const fs::path target = into_directory ? new_backup_name(target_arg) : fs::path(target_arg);
  if (fs::exists(target)) {
    return report(
        {errc::invalid_argument, target.string() + " exists already; choose a new file name"});
  }
  auto stmt = s->db().prepare("VACUUM INTO ?");
  stmt.bind(1, target.string()).run();
  // The copy gets a timeline of its own: when it is put back, every client
  // sees a database it has not synced with, pulls again from the start and
  // sends again what the copy lacks (schema.cpp, step 9).
  {
    auto copy = store::open(target);
    if (!copy) return report(copy.error());
    copy->start_timeline("backup of " + db + " taken at " + utc_now_iso());
  }
  s->record_backup(unix_now());
  std::cout << "backed up " << db << " to " << target.string() << " (" << fs::file_size(target)
            << " bytes)\n";
  if (keep > 0) prune_backups(target_arg, keep);
  return 0;
}

int restore(const std::string& db, const std::string& backup_file) {
  if (auto checked = check_backup(backup_file); !checked) return report(checked.error());
  const fs::path target(db);
  const bool replacing = fs::exists(target);
  std::optional<database_lock> lock;
  if (replacing) {
    lock = database_lock::try_lock(target, database_lock::kind::exclusive);
    if (!lock) {
      return report({errc::locked, "matome-server is serving " + db +
                                       ". Stop it first (sudo systemctl stop matome-server), "
                                       "then restore again. Nothing was changed."});
    }
  }
  // The copy is made and given its own timeline beside the database, then
  // swapped in with a rename: an interrupted restore leaves the old file.
  const fs::path incoming = target.string() + ".restoring";
  std::error_code ignored;
  fs::remove(incoming, ignored);
  {
    auto source = sqlite::database::open(backup_file, sqlite::open_mode::read_only);
    auto copy = source.prepare("VACUUM INTO ?");
    copy.bind(1, incoming.string()).run();
  }
  {
    auto restored = store::open(incoming);  // migrates a backup of an older Matome
    if (!restored) {
      fs::remove(incoming, ignored);
      return report(restored.error());
    }
    restored->start_timeline("restored from " + backup_file + " at " + utc_now_iso());
  }
  fs::path kept_aside;
  if (replacing) {
    if (auto done = checkpoint(target); !done) {
      fs::remove(incoming, ignored);
      return report(done.error());
    }
    kept_aside = target.string() + ".replaced-" + file_stamp();
    fs::rename(target, kept_aside);
    for (const char* suffix : {"-wal", "-shm"}) fs::remove(target.string() + suffix, ignored);
  }
  fs::rename(incoming, target);
  std::cout << "restored " << backup_file << " into " << db << "\n";
  if (replacing) {
    std::cout << "the database it replaced is kept as " << kept_aside.string() << "\n";
  }
  std::cout << "start the server again; clients pull everything again at their next sync\n";
  return 0;
}

}  // namespace matome::server::admin
