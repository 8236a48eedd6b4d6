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
//   settle one cell fought over: the last tenth of 10,000 conflicts
//          (--settled) made and settled on it, vs. the first tenth (the
//          cost of an edit must not grow with a cell's past).
//
// Usage: matome-bench [--quick] [--rows N] [--departments N] [--fields N]
//                     [--batch N] [--settled N]
// Defaults are DESIGN's large plan: 2,000 rows x 10 departments x 12 fields
// = 240,000 cells; --quick is 200 rows. scripts/bench runs it on a Release
// build.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "bench_plan.h"
#include "matome/client/replica.h"
#include "matome/client/sync_engine.h"
#include "matome/client/transport.h"
#include "matome/store/store.h"
#include "matome/util/uuid.h"
#include "net/http_server.h"
#include "sqlite_baseline.h"

namespace {

using namespace matome;
using namespace matome::bench;
using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point start) {
  return std::chrono::duration<double>(clock_type::now() - start).count();
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
  for (int i = 1; i < argc; ++i) {
    const char* option = argv[i];
    // The option's number, which must follow it.
    const auto number = [&] {
      const long v = i + 1 < argc ? std::strtol(argv[++i], nullptr, 10) : 0;
      if (v <= 0) {
        std::fprintf(stderr, "matome-bench: %s needs a positive number\n", option);
        std::exit(2);
      }
      return v;
    };
    if (!std::strcmp(option, "--quick")) {
      n.rows = 200;
    } else if (!std::strcmp(option, "--rows")) {
      n.rows = static_cast<int>(number());
    } else if (!std::strcmp(option, "--departments")) {
      n.departments = static_cast<int>(number());
    } else if (!std::strcmp(option, "--fields")) {
      n.fields = static_cast<int>(number());
    } else if (!std::strcmp(option, "--batch")) {
      n.batch = static_cast<std::size_t>(number());
    } else if (!std::strcmp(option, "--settled")) {
      n.settled = static_cast<int>(std::max(number(), 10L));
    } else {
      std::fprintf(stderr, "matome-bench: unknown option %s (see the comment at the top)\n",
                   option);
      std::exit(2);
    }
  }
  return n;
}

// `rounds` conflicts on one cell, each made (the coordinator writes, a
// member writes from the value before) and settled (the coordinator keeps
// its value), in the transactions the server would use.
double measured_settle(store& s, const large_plan& p, const cell_key& cell, int rounds, int& made) {
  const auto index = s.load_plan_index(p.plan_id).value();
  const actor coord{"coord", "bench", p.departments[0], role::coordinator};
  const actor member{"d0", "bench", cell.department_id, role::member};
  const auto start = clock_type::now();
  for (int i = 0; i < rounds; ++i, ++made) {
    const version_t base = s.find_cell(cell).value_or(matome::cell{cell, "", 0}).version;
    const std::string n = std::to_string(made);
    const cell_change first{"settle-c-" + n, cell, base, "取りまとめの記入 " + n};
    const cell_change second{"settle-m-" + n, cell, base, "担当課の記入 " + n};
    s.apply(index, coord, {&first, 1});
    const auto outcome = s.apply(index, member, {&second, 1});
    if (outcome.at(0).kind != outcome_kind::conflict ||
        !s.resolve_conflict(index, coord, outcome[0].conflict_id, store::resolution::keep_server,
                            "", 0)) {
      std::fprintf(stderr, "matome-bench: round %d did not make and settle a conflict\n", made);
      std::exit(1);
    }
  }
  return seconds_since(start);
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

  // The cell of the first department's first row, fought over.
  const cell_key fought = changes.front().key;
  const int tenth = n.settled / 10;
  int made = 0;
  const double first_settle = measured_settle(master, plan, fought, tenth, made);
  (void)measured_settle(master, plan, fought, n.settled - 2 * tenth, made);
  const double later_settle = measured_settle(master, plan, fought, tenth, made);
  std::printf(
      "%-6s %12.3f %12.3f %8.2f %14.0f   (conflicts settled on one cell: the last %d of "
      "%d vs the first)\n",
      "settle", later_settle, first_settle, later_settle / first_settle, tenth / later_settle,
      tenth, n.settled);

  std::filesystem::remove_all(dir);
  return 0;
}
