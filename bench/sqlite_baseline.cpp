#include "sqlite_baseline.h"

#include <algorithm>
#include <chrono>

#include "matome/store/sqlite.h"

namespace matome::bench {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

double baseline_apply(const std::filesystem::path& file, const std::vector<cell_change>& changes,
                      std::size_t batch) {
  auto db = sqlite::database::open(file);
  db.exec(
      "CREATE TABLE cells(item_id INTEGER, department_id INTEGER, year INTEGER, field TEXT,"
      " value TEXT, version INTEGER, PRIMARY KEY(item_id, department_id, year, field))");
  db.exec(
      "CREATE TABLE history(seq INTEGER PRIMARY KEY, item_id INTEGER, department_id INTEGER,"
      " year INTEGER, field TEXT, old_value TEXT, new_value TEXT, user_name TEXT, device TEXT,"
      " at TEXT, change_id TEXT)");
  auto cell = db.prepare(
      "INSERT INTO cells VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET"
      " value = excluded.value, version = excluded.version");
  auto history = db.prepare(
      "INSERT INTO history VALUES (?, ?, ?, ?, ?, '', ?, 'coord', 'bench',"
      " '2026-11-24T09:00:00.000Z', ?)");
  const auto start = std::chrono::steady_clock::now();
  std::int64_t seq = 0;
  for (std::size_t i = 0; i < changes.size(); i += batch) {
    sqlite::transaction tx(db);
    for (std::size_t j = i; j < std::min(changes.size(), i + batch); ++j) {
      const auto& c = changes[j];
      ++seq;
      cell.bind(1, c.key.item_id).bind(2, c.key.department_id).bind(3, c.key.year);
      cell.bind(4, c.key.field).bind(5, c.value).bind(6, seq).run();
      history.bind(1, seq).bind(2, c.key.item_id).bind(3, c.key.department_id);
      history.bind(4, c.key.year).bind(5, c.key.field).bind(6, c.value).bind(7, c.change_id).run();
    }
    tx.commit();
  }
  return seconds_since(start);
}

double baseline_pull(const std::filesystem::path& master, const std::filesystem::path& copy) {
  auto from = sqlite::database::open(master, sqlite::open_mode::read_only);
  auto to = sqlite::database::open(copy);
  to.exec(
      "CREATE TABLE cells(item_id INTEGER, department_id INTEGER, year INTEGER, field TEXT,"
      " value TEXT, version INTEGER, PRIMARY KEY(item_id, department_id, year, field))");
  const auto start = std::chrono::steady_clock::now();
  auto read = from.prepare("SELECT item_id, department_id, year, field, value, version FROM cells");
  auto write = to.prepare("INSERT INTO cells VALUES (?, ?, ?, ?, ?, ?)");
  sqlite::transaction tx(to);
  while (read.step()) {
    write.bind(1, read.int64(0)).bind(2, read.int64(1)).bind(3, read.int64(2));
    write.bind(4, read.text(3)).bind(5, read.text(4)).bind(6, read.int64(5)).run();
  }
  tx.commit();
  return seconds_since(start);
}

}  // namespace matome::bench
