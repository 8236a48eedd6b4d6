// matome-bench: the two paths DESIGN §5 sets speed targets for, each timed
// against a baseline of the SQLite work that cannot be avoided, in the same
// run, on the same disk, with the same pragmas (WAL, synchronous=FULL):
//
//   apply  every cell of a large plan pushed through store::apply in the
//          client's batches, vs. writing just the cell and one history row
//          per change with prepared statements, batch for batch.
//   pull   the whole plan from a real matome-server on 127.0.0.1 into an
//          empty replica (the client's first sync), vs. copying the same
//          cells between two SQLite files in one transaction.
//
// Usage: matome-bench [--rows N] [--departments N] [--fields N] [--batch N]
// Defaults are DESIGN's large plan: 2,000 rows x 10 departments x 12 fields
// = 240,000 cells. scripts/bench runs it on a Release build.
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "matome/auth/password.h"
#include "matome/client/replica.h"
#include "matome/client/sync_engine.h"
#include "matome/client/transport.h"
#include "matome/store/store.h"
#include "matome/util/uuid.h"
#include "net/http_server.h"

namespace {

using namespace matome;
using clock_type = std::chrono::steady_clock;

struct sizes {
  int rows = 2000;
  int departments = 10;
  int fields = 12;
  std::size_t batch = 1000;  // the client's push batch (sync_options::push_batch)
  long cells() const { return static_cast<long>(rows) * departments * fields; }
};

double seconds_since(clock_type::time_point start) {
  return std::chrono::duration<double>(clock_type::now() - start).count();
}

struct large_plan {
  record_id plan_id = 0;
  std::vector<record_id> departments;
  std::vector<record_id> rows;
  int year = 2024;
};

// A plan of `rows` rows, each reported on by every department, with a
// template of `fields` report fields; and a coordinator to push and pull.
large_plan make_plan(store& s, const sizes& n) {
  large_plan out;
  plan p;
  p.code = "bench";
  p.title = "ベンチマーク計画";
  p.city = "テスト市";
  p.first_year = 2022;
  p.last_year = 2026;
  p.report_year = out.year;
  p.level_names = {"目標", "事業"};
  for (int f = 0; f < n.fields; ++f) {
    template_field field;
    field.key = "f" + std::to_string(f);
    field.label = "項目" + std::to_string(f);
    field.type = field_type::long_text;
    field.scope = field_scope::report;
    p.tmpl.fields.push_back(field);
  }
  out.plan_id = s.add_plan(p).value();
  for (int d = 0; d < n.departments; ++d) {
    out.departments.push_back(
        s.add_department({0, "d" + std::to_string(d), "課" + std::to_string(d), false}).value());
  }
  plan_item goal;
  goal.label = "目標1";
  goal.title = "目標";
  const auto goal_id = s.add_item(out.plan_id, goal).value();
  for (int r = 0; r < n.rows; ++r) {
    plan_item row;
    row.parent_id = goal_id;
    row.level = 1;
    row.position = r;
    row.label = std::to_string(r + 1);
    row.title = "事業" + std::to_string(r + 1);
    row.owner_ids = out.departments;
    out.rows.push_back(s.add_item(out.plan_id, row).value());
  }
  const auto hash = hash_password("bench", hash_cost::minimal).value();
  s.add_user({0, "coord", "取りまとめ", out.departments[0], role::coordinator, hash, false})
      .value();
  return out;
}

// A typical report sentence (about 60 characters of Japanese).
const std::string kValue =
    "講座を年間12回開催し、延べ320人が参加した。参加者アンケートでは満足度が高かった。";

std::vector<cell_change> all_changes(const large_plan& p, const sizes& n) {
  std::vector<cell_change> out;
  out.reserve(static_cast<std::size_t>(n.cells()));
  for (auto row : p.rows)
    for (auto dept : p.departments)
      for (int f = 0; f < n.fields; ++f)
        out.push_back({new_uuid(), {row, dept, p.year, "f" + std::to_string(f)}, 0, kValue});
  return out;
}

// The writes store::apply cannot avoid: the cell and one history row.
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
  const auto start = clock_type::now();
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

double measured_apply(store& s, const large_plan& p, const std::vector<cell_change>& changes,
                      std::size_t batch) {
  const auto index = s.load_plan_index(p.plan_id).value();
  const actor coord{"coord", "bench", p.departments[0], role::coordinator};
  const auto start = clock_type::now();
  for (std::size_t i = 0; i < changes.size(); i += batch) {
    const std::span<const cell_change> slice(changes.data() + i,
                                             std::min(batch, changes.size() - i));
    for (const auto& outcome : s.apply(index, coord, slice)) {
      if (outcome.kind != outcome_kind::applied) {
        std::fprintf(stderr, "matome-bench: a change was not applied: %s\n",
                     outcome.reason.c_str());
        std::exit(1);
      }
    }
  }
  return seconds_since(start);
}

// The unavoidable local work of a first sync: every cell read and written
// into an empty file in one transaction.
double baseline_pull(const std::filesystem::path& master, const std::filesystem::path& copy) {
  auto from = sqlite::database::open(master, sqlite::open_mode::read_only);
  auto to = sqlite::database::open(copy);
  to.exec(
      "CREATE TABLE cells(item_id INTEGER, department_id INTEGER, year INTEGER, field TEXT,"
      " value TEXT, version INTEGER, PRIMARY KEY(item_id, department_id, year, field))");
  const auto start = clock_type::now();
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

struct pull_result {
  double seconds = 0;
  int received = 0;
};

pull_result measured_pull(const std::filesystem::path& master, const std::filesystem::path& file) {
  server::server_options options;
  options.host = "127.0.0.1";
  options.port = 0;
  options.threads = 2;
  server::http_server server(options, store::open(master).value());
  std::thread serving([&] { server.run(); });
  const auto url = "http://127.0.0.1:" + std::to_string(server.port());

  auto local = client::replica::open(file).value();
  auto who = client::sign_in(url, "coord", "bench", "bench-pc").value();
  local.set_identity({url, who.user, "bench-pc", who.department_id, who.role, who.plan_ids.at(0)});
  auto transport = client::make_http_transport(url, who.token);
  const auto start = clock_type::now();
  auto report = client::sync(local, *transport);
  pull_result out{seconds_since(start), report ? report->received : -1};
  server.stop();
  serving.join();
  if (!report) {
    std::fprintf(stderr, "matome-bench: sync failed: %s\n", report.error().message.c_str());
    std::exit(1);
  }
  return out;
}

sizes parse(int argc, char** argv) {
  sizes n;
  for (int i = 1; i + 1 < argc; i += 2) {
    const long v = std::strtol(argv[i + 1], nullptr, 10);
    if (v <= 0) {
      std::fprintf(stderr, "matome-bench: %s needs a positive number\n", argv[i]);
      std::exit(2);
    }
    if (!std::strcmp(argv[i], "--rows")) {
      n.rows = static_cast<int>(v);
    } else if (!std::strcmp(argv[i], "--departments")) {
      n.departments = static_cast<int>(v);
    } else if (!std::strcmp(argv[i], "--fields")) {
      n.fields = static_cast<int>(v);
    } else if (!std::strcmp(argv[i], "--batch")) {
      n.batch = static_cast<std::size_t>(v);
    } else {
      std::fprintf(stderr, "matome-bench: unknown option %s (see the comment at the top)\n",
                   argv[i]);
      std::exit(2);
    }
  }
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  const auto n = parse(argc, argv);
  spdlog::set_level(spdlog::level::warn);  // no request log in the timings
  const auto dir = std::filesystem::temp_directory_path() / ("matome-bench-" + new_uuid());
  std::filesystem::create_directories(dir);

  auto master = store::open(dir / "master.db").value();
  const auto plan = make_plan(master, n);
  const auto changes = all_changes(plan, n);
  std::printf("plan: %d rows x %d departments x %d fields = %ld cells, batches of %zu\n\n", n.rows,
              n.departments, n.fields, n.cells(), n.batch);

  const double base_apply = baseline_apply(dir / "baseline-apply.db", changes, n.batch);
  const double apply = measured_apply(master, plan, changes, n.batch);
  std::printf("%-6s %12s %12s %8s %14s\n", "path", "matome s", "baseline s", "ratio", "cells/s");
  std::printf("%-6s %12.3f %12.3f %8.2f %14.0f\n", "apply", apply, base_apply, apply / base_apply,
              static_cast<double>(changes.size()) / apply);

  const double base_pull = baseline_pull(dir / "master.db", dir / "baseline-pull.db");
  const auto pull = measured_pull(dir / "master.db", dir / "replica.db");
  std::printf("%-6s %12.3f %12.3f %8.2f %14.0f   (%d rows received)\n", "pull", pull.seconds,
              base_pull, pull.seconds / base_pull,
              static_cast<double>(changes.size()) / pull.seconds, pull.received);

  std::filesystem::remove_all(dir);
  return 0;
}
