// matome-wire-bench: what a user waits for, end to end. A real matome-server
// process on 127.0.0.1, driven over real HTTP by the real client core, each
// figure beside a baseline measured in the same run:
//
//   push       every cell of the large plan, as one coordinator, in the
//              client's batches with the requests made beforehand; with
//              time-ordered (v7) and random (v4) change ids. Baseline: the
//              SQLite writes a push cannot avoid (sqlite_baseline.h).
//   growth     ms per batch near 10,000 cells in the database and at the
//              end (1,000,000 cells; --growth-cells), random ids: flat is
//              the goal. Baseline: the first batches.
//   pull       the whole plan into an empty replica by client::sync, in a
//              process of its own (its peak memory is the client's); then
//              the same replica after 1 % of the cells changed. Baseline:
//              copying the cells between two SQLite files.
//   clients    N = 1, 10, 100 clients at once for --seconds, department
//              staff each pushing batches of 10 of its department's changes
//              and pulling what is new. Baseline: the median push of one
//              client alone.
//   peer       with --peer COMMAND (scripts/bench --peers), PouchDB's push
//              and pull of the same cells: the command is run with the
//              plan's sizes and prints one JSON object.
//
// The push and the first pull, their baselines and the peer are measured
// --rounds times (3), in turn, each on fresh databases; each figure is the
// median of its rounds. A slow minute on the machine then moves one round,
// not a ratio.
//
// Usage: matome-wire-bench [--quick] [--json] [--rows N] [--departments N]
//        [--fields N] [--batch N] [--seconds S] [--clients 1,10,100]
//        [--growth-cells N] [--rounds N] [--server PATH] [--peer COMMAND]
// scripts/bench --wire runs it on a Release build. With --json the last
// line is one JSON object with every figure.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "bench_plan.h"
#include "matome/client/replica.h"
#include "matome/client/sync_engine.h"
#include "matome/client/transport.h"
#include "matome/util/rapidjson.h"
#include "matome/util/uuid.h"
#include "matome/wire/messages.h"
#include "server_process.h"
#include "sqlite_baseline.h"

namespace {

using namespace matome;
using namespace matome::bench;
using clock_type = std::chrono::steady_clock;

double ms_since(clock_type::time_point start) {
  return std::chrono::duration<double, std::milli>(clock_type::now() - start).count();
}

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "matome-wire-bench: %s\n", what.c_str());
  std::exit(1);
}

struct options {
  sizes n;
  bool json = false;
  double seconds = 30;  // of each concurrency run
  long growth_cells = 1'000'000;
  std::vector<int> clients = {1, 10, 100};
  int rounds = 3;  // of the push, the first pull and the peer
  std::string server = MATOME_SERVER;
  // The command that runs the PouchDB peer (scripts/bench --peers).
  std::string peer;
  // The child that pulls: --pull-into FILE --url URL.
  std::string pull_into, url;
};

// One line of the table: Matome's figure, its baseline, and what they are.
struct figure {
  std::string path;
  double value = 0;
  double baseline = 0;
  std::string unit;
  std::string note = {};
};

double median_of(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t mid = v.size() / 2;
  return v.size() % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

// "rounds 2.10 2.37 1.98": each round's figure, as measured, for the note.
std::string rounds_note(const std::vector<double>& v) {
  if (v.size() < 2) return {};
  std::string out = "rounds";
  for (double x : v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", x);
    out += ' ';
    out += text;
  }
  return out;
}

std::string joined(const std::string& a, const std::string& b) {
  return a.empty() ? b : b.empty() ? a : a + "; " + b;
}

// A database file and its WAL, gone.
void remove_database(const std::filesystem::path& file) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
}

struct session {
  std::string token;
  record_id plan_id = 0;
  std::string timeline;
  std::int64_t last_seq = 0;
};

session sign_in_as(const std::string& url, const std::string& device,
                   const std::string& login = "coord") {
  auto who = client::sign_in(url, login, "bench", device);
  if (!who) die("sign-in failed: " + who.error().message);
  auto view = client::make_http_transport(url, who->token)->view(0);
  if (!view) die("/me failed: " + view.error().message);
  return {who->token, who->plan_ids.at(0), view->timeline, view->last_seq};
}

std::vector<wire::push_request> batches_of(const std::vector<cell_change>& changes,
                                           const session& s, std::size_t batch) {
  std::vector<wire::push_request> out;
  for (std::size_t i = 0; i < changes.size(); i += batch) {
    wire::push_request r;
    r.plan_id = s.plan_id;
    r.timeline = s.timeline;
    r.changes.assign(
        changes.begin() + static_cast<std::ptrdiff_t>(i),
        changes.begin() + static_cast<std::ptrdiff_t>(std::min(changes.size(), i + batch)));
    out.push_back(std::move(r));
  }
  return out;
}

struct push_result {
  double seconds = 0;
  std::vector<double> batch_ms;
  std::vector<version_t> versions;  // each change's cell version after it
};

// Pushes the prepared requests as the sync engine does: two in flight,
// the next sent while the server applies the last. Answers then come in
// uneven pairs, so a batch's time is half the time from the answer two
// before it to its own: what each batch adds to the push.
push_result push_all(client::transport& t, const std::vector<wire::push_request>& requests) {
  push_result out;
  const auto start = clock_type::now();
  std::deque<clock_type::time_point> answered{start, start};
  std::deque<std::future<result<wire::push_response>>> flying;
  const auto land_oldest = [&] {
    auto answer = flying.front().get();
    flying.pop_front();
    out.batch_ms.push_back(ms_since(answered.front()) / 2);
    answered.pop_front();
    answered.push_back(clock_type::now());
    if (!answer) die("push failed: " + answer.error().message);
    for (const auto& o : answer->outcomes) {
      if (o.kind != outcome_kind::applied) die("a change was not applied: " + o.reason);
      out.versions.push_back(o.version);
    }
  };
  for (const auto& r : requests) {
    flying.push_back(std::async(std::launch::async, [&t, &r] { return t.push(r); }));
    if (flying.size() == 2) land_oldest();
  }
  while (!flying.empty()) land_oldest();
  out.seconds = ms_since(start) / 1000;
  return out;
}

// The median batch time of `count` batches from `from` (a WAL checkpoint
// now and then makes one batch slow; the median is the batch's cost).
double median_ms(const std::vector<double>& ms, std::size_t from, std::size_t count) {
  from = std::min(from, ms.size());
  std::vector<double> window(
      ms.begin() + static_cast<std::ptrdiff_t>(from),
      ms.begin() + static_cast<std::ptrdiff_t>(std::min(ms.size(), from + count)));
  if (window.empty()) return 0;
  std::nth_element(window.begin(), window.begin() + static_cast<std::ptrdiff_t>(window.size() / 2),
                   window.end());
  return window[window.size() / 2];
}

// The same, of the last `count` batches.
double tail_ms(const std::vector<double>& ms, std::size_t count) {
  return median_ms(ms, ms.size() > count ? ms.size() - count : 0, count);
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

// A fresh database holding the plan, served by its own matome-server.
struct served_plan {
  large_plan plan;
  std::unique_ptr<server_process> server;
};

served_plan serve_new_plan(const options& o, const std::filesystem::path& db, const sizes& n) {
  served_plan out;
  {
    auto s = store::open(db).value();
    out.plan = make_plan(s, n);
  }
  out.server = std::make_unique<server_process>(o.server, db.string(), 2);
  return out;
}

// The pulling child: signs in as its own device and syncs the replica in
// `file`; prints seconds, cells received and its peak memory.
int pull_child(const options& o) {
  spdlog::set_level(spdlog::level::warn);
  auto who = client::sign_in(o.url, "coord", "bench", "bench-pull");
  if (!who) die("sign-in failed: " + who.error().message);
  auto local = client::replica::open(o.pull_into).value();
  local.set_identity(
      {o.url, who->user, "bench-pull", who->department_id, who->role, who->plan_ids.at(0)});
  auto transport = client::make_http_transport(o.url, who->token);
  const auto start = clock_type::now();
  auto report = client::sync(local, *transport);
  const double seconds = ms_since(start) / 1000;
  if (!report) die("sync failed: " + report.error().message);
  std::printf("%.6f %d %.1f\n", seconds, report->received, own_peak_rss_mib());
  return 0;
}

struct pull_result {
  double seconds = 0;
  int received = 0;
  double peak_rss_mib = 0;
};

pull_result pull_in_child(const std::string& url, const std::filesystem::path& replica) {
  const auto self = std::filesystem::read_symlink("/proc/self/exe").string();
  const auto command = "'" + self + "' --pull-into '" + replica.string() + "' --url " + url;
  FILE* child = ::popen(command.c_str(), "r");
  if (child == nullptr) die("cannot start " + self);
  pull_result out;
  const int read = std::fscanf(child, "%lf %d %lf", &out.seconds, &out.received, &out.peak_rss_mib);
  if (::pclose(child) != 0 || read != 3) die("the pulling process failed");
  return out;
}

struct clients_result {
  double push_p50 = 0, push_p99 = 0, pull_p99 = 0;
  double changes_per_second = 0;
  long errors = 0;
  std::string first_error;  // what went wrong, when something did
};

// `count` clients at once for `seconds`, as in the week before a deadline:
// department staff, each client a member of one department (in turn), with
// its own device and connection, writing its own share of its department's
// cells (so nothing conflicts): push 10 changes based on the versions it
// knows, then pull what its department sees that is new.
clients_result run_clients(const std::string& url, int count, double seconds,
                           const large_plan& plan, const std::vector<cell_change>& cells,
                           std::vector<version_t>& versions) {
  const auto departments = static_cast<int>(plan.departments.size());
  std::vector<std::vector<double>> push_ms(static_cast<std::size_t>(count));
  std::vector<std::vector<double>> pull_ms(static_cast<std::size_t>(count));
  std::atomic<long> applied{0}, errors{0};
  std::mutex error_lock;
  std::string first_error;
  auto failed = [&](const std::string& what) {
    if (errors++ > 0) return;
    std::lock_guard lock(error_lock);
    first_error = what;
  };
  const auto deadline = clock_type::now() + std::chrono::duration_cast<clock_type::duration>(
                                                std::chrono::duration<double>(seconds));
  std::vector<std::thread> threads;
  for (int c = 0; c < count; ++c) {
    threads.emplace_back([&, c] {
      const int department = c % departments;
      const auto me =
          sign_in_as(url, "bench-client-" + std::to_string(c), "d" + std::to_string(department));
      auto t = client::make_http_transport(url, me.token);
      std::int64_t cursor = me.last_seq;
      // The department's cells, shared out among its clients.
      const int sharing = (count - department + departments - 1) / departments;
      std::vector<std::size_t> mine;
      for (std::size_t i = 0, k = 0; i < cells.size(); ++i) {
        if (cells[i].key.department_id != plan.departments[static_cast<std::size_t>(department)])
          continue;
        if (static_cast<int>(k++ % static_cast<std::size_t>(sharing)) == c / departments)
          mine.push_back(i);
      }
      std::size_t next = 0;
      // Ten changes, fewer if the client's share is smaller: one cell twice
      // in a batch would conflict with itself.
      const std::size_t per_push = std::max<std::size_t>(1, std::min<std::size_t>(10, mine.size()));
      int round = 0;
      while (clock_type::now() < deadline) {
        wire::push_request r;
        r.plan_id = me.plan_id;
        r.timeline = me.timeline;
        std::vector<std::size_t> at;
        for (std::size_t k = 0; k < per_push; ++k, ++next) {
          const std::size_t i = mine[next % mine.size()];
          at.push_back(i);
          r.changes.push_back({new_uuid(), cells[i].key, versions[i],
                               "第" + std::to_string(++round) + "版 " + cells[i].value});
        }
        const auto sent = clock_type::now();
        auto answer = t->push(r);
        push_ms[static_cast<std::size_t>(c)].push_back(ms_since(sent));
        if (!answer) {
          failed("push: " + answer.error().message);
          continue;
        }
        for (std::size_t k = 0; k < answer->outcomes.size(); ++k) {
          const auto& o = answer->outcomes[k];
          if (o.kind == outcome_kind::applied) {
            versions[at[k]] = o.version;
            ++applied;
          } else {
            failed("a change was not applied: " + o.reason);
          }
        }
        const auto asked = clock_type::now();
        auto page = t->pull(me.plan_id, cursor, 1000);
        pull_ms[static_cast<std::size_t>(c)].push_back(ms_since(asked));
        if (!page) {
          failed("pull: " + page.error().message);
          continue;
        }
        cursor = page->cursor;
      }
    });
  }
  for (auto& t : threads) t.join();
  std::vector<double> pushes, pulls;
  for (auto& v : push_ms) pushes.insert(pushes.end(), v.begin(), v.end());
  for (auto& v : pull_ms) pulls.insert(pulls.end(), v.begin(), v.end());
  return {percentile(pushes, 0.5), percentile(pushes, 0.99),
          percentile(pulls, 0.99), static_cast<double>(applied) / seconds,
          errors.load(),           first_error};
}

// PouchDB's push and pull of the same cells: one run of the peer's command
// (bench/peers/pouchdb/peer.js), in a process of its own.
struct peer_figures {
  double push_s = 0, pull_s = 0;
  long cells = 0;
};

peer_figures run_peer(const std::string& command, const sizes& n) {
  const auto line = command + " --rows " + std::to_string(n.rows) + " --departments " +
                    std::to_string(n.departments) + " --fields " + std::to_string(n.fields);
  FILE* child = ::popen(line.c_str(), "r");
  if (child == nullptr) die("cannot run the peer: " + line);
  std::string text;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, child) != nullptr) text += buffer;
  if (::pclose(child) != 0) die("the peer failed: " + line);
  rapidjson::Document doc;
  doc.Parse(text.c_str());
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("push_s") ||
      !doc["push_s"].IsNumber() || !doc.HasMember("pull_s") || !doc["pull_s"].IsNumber() ||
      !doc.HasMember("cells") || !doc["cells"].IsInt64())
    die("the peer printed what is not its figures (bench/peers/pouchdb/peer.js): " + text);
  const peer_figures out{doc["push_s"].GetDouble(), doc["pull_s"].GetDouble(),
                         doc["cells"].GetInt64()};
  if (out.cells != n.cells())
    die("the peer ran " + std::to_string(out.cells) + " cells, this run " +
        std::to_string(n.cells()));
  return out;
}

options parse(int argc, char** argv) {
  options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--quick") {
      o.n.rows = 200;
      o.seconds = 3;
      o.growth_cells = 60'000;
      continue;
    }
    if (arg == "--json") {
      o.json = true;
      continue;
    }
    if (i + 1 >= argc) die(arg + " needs a value (see the comment at the top of wire_bench.cpp)");
    const std::string value = argv[++i];
    if (arg == "--server") {
      o.server = value;
    } else if (arg == "--pull-into") {
      o.pull_into = value;
    } else if (arg == "--peer") {
      o.peer = value;
    } else if (arg == "--url") {
      o.url = value;
    } else if (arg == "--clients") {
      o.clients.clear();
      for (std::size_t at = 0; at < value.size();) {
        const auto comma = std::min(value.find(',', at), value.size());
        const int count = std::atoi(value.substr(at, comma - at).c_str());
        if (count <= 0) die("--clients takes counts like 1,10,100");
        o.clients.push_back(count);
        at = comma + 1;
      }
    } else {
      const double v = std::strtod(value.c_str(), nullptr);
      if (v <= 0) die(arg + " needs a positive number");
      if (arg == "--rows")
        o.n.rows = static_cast<int>(v);
      else if (arg == "--departments")
        o.n.departments = static_cast<int>(v);
      else if (arg == "--fields")
        o.n.fields = static_cast<int>(v);
      else if (arg == "--batch")
        o.n.batch = static_cast<std::size_t>(v);
      else if (arg == "--seconds")
        o.seconds = v;
      else if (arg == "--growth-cells")
        o.growth_cells = static_cast<long>(v);
      else if (arg == "--rounds")
        o.rounds = std::max(1, static_cast<int>(v));
      else
        die("unknown option " + arg + " (see the comment at the top of wire_bench.cpp)");
    }
  }
  return o;
}

void print(const std::vector<figure>& figures, const options& o, double server_rss) {
  std::printf("%-34s %12s %12s %8s  %s\n", "path", "matome", "baseline", "ratio", "unit, note");
  for (const auto& f : figures) {
    if (f.baseline > 0) {
      std::printf("%-34s %12.3f %12.3f %8.2f  %s%s%s\n", f.path.c_str(), f.value, f.baseline,
                  f.value / f.baseline, f.unit.c_str(), f.note.empty() ? "" : ", ", f.note.c_str());
    } else {
      std::printf("%-34s %12.3f %12s %8s  %s%s%s\n", f.path.c_str(), f.value, "-", "-",
                  f.unit.c_str(), f.note.empty() ? "" : ", ", f.note.c_str());
    }
  }
  std::printf("server peak RSS: %.0f MiB\n", server_rss);
  if (!o.json) return;
  std::printf("{\"cells\":%ld,\"batch\":%zu,\"server_peak_rss_mib\":%.1f,\"figures\":[",
              o.n.cells(), o.n.batch, server_rss);
  for (std::size_t i = 0; i < figures.size(); ++i) {
    const auto& f = figures[i];
    std::printf(
        "%s{\"path\":\"%s\",\"value\":%.6f,\"baseline\":%.6f,\"ratio\":%.4f,\"unit\":\"%s\"}",
        i ? "," : "", f.path.c_str(), f.value, f.baseline,
        f.baseline > 0 ? f.value / f.baseline : 0.0, f.unit.c_str());
  }
  std::printf("]}\n");
}

// One round of the push and the first pull, with their baselines, each on
// fresh databases. The round's master database stays served for what
// follows the rounds.
struct round_result {
  push_result v4, v7;
  double base_apply = 0, base_pull = 0;
  pull_result first;
  served_plan master;
  std::vector<cell_change> cells;  // the push's changes, v7 ids
  std::filesystem::path master_db, replica;
};

// What a round measured, and what the peer did just before it.
struct round_figures {
  double v7_s = 0, v4_s = 0, base_apply_s = 0;
  double v7_first_ms = 0, v7_last_ms = 0, v4_first_ms = 0, v4_last_ms = 0;
  double pull_s = 0, base_pull_s = 0, client_rss_mib = 0;
  double peer_push_s = 0, peer_pull_s = 0;
};

// One figure of every round, in turn.
std::vector<double> each(const std::vector<round_figures>& rounds, double round_figures::*figure) {
  std::vector<double> out;
  for (const auto& r : rounds) out.push_back(r.*figure);
  return out;
}

round_result run_round(const options& o, const std::filesystem::path& dir, int round) {
  const auto name = [&](const char* what) {
    return dir / (std::string(what) + "-" + std::to_string(round) + ".db");
  };
  round_result out;
  // Random v4 ids on a database of their own, then v7 on the master.
  {
    auto served = serve_new_plan(o, name("push-v4"), o.n);
    const auto me = sign_in_as(served.server->url(), "bench-push");
    auto t = client::make_http_transport(served.server->url(), me.token);
    out.v4 = push_all(*t, batches_of(all_changes(served.plan, o.n, id_shape::v4), me, o.n.batch));
  }
  remove_database(name("push-v4"));
  out.master_db = name("master");
  out.master = serve_new_plan(o, out.master_db, o.n);
  const auto url = out.master.server->url();
  out.cells = all_changes(out.master.plan, o.n, id_shape::v7);
  const auto& cells = out.cells;
  out.base_apply = baseline_apply(name("baseline-apply"), cells, o.n.batch);
  remove_database(name("baseline-apply"));
  const auto me = sign_in_as(url, "bench-push");
  auto t = client::make_http_transport(url, me.token);
  out.v7 = push_all(*t, batches_of(cells, me, o.n.batch));
  out.base_pull = baseline_pull(out.master_db, name("baseline-pull"));
  remove_database(name("baseline-pull"));
  out.replica = name("replica");
  out.first = pull_in_child(url, out.replica);
  if (out.first.received < o.n.cells()) die("the pull received fewer cells than the plan has");
  return out;
}

}  // namespace

int run(int argc, char** argv) {
  const auto o = parse(argc, argv);
  if (!o.pull_into.empty()) return pull_child(o);
  spdlog::set_level(spdlog::level::warn);
  const auto dir = std::filesystem::temp_directory_path() / ("matome-wire-bench-" + new_uuid());
  std::filesystem::create_directories(dir);
  std::printf(
      "plan: %d rows x %d departments x %d fields = %ld cells, batches of %zu, %d rounds\n\n",
      o.n.rows, o.n.departments, o.n.fields, o.n.cells(), o.n.batch, o.rounds);
  std::fflush(stdout);
  std::vector<figure> figures;
  double server_rss = 0;

  // The rounds, the peer's and Matome's in turn.
  std::vector<round_figures> rounds;
  round_result last;
  for (int round = 0; round < o.rounds; ++round) {
    if (round > 0) {
      server_rss = std::max(server_rss, last.master.server->peak_rss_mib());
      last.master.server->stop();
      last.master.server.reset();
      remove_database(last.master_db);
      remove_database(last.replica);
    }
    round_figures f;
    if (!o.peer.empty()) {
      const auto peer = run_peer(o.peer, o.n);
      f.peer_push_s = peer.push_s;
      f.peer_pull_s = peer.pull_s;
    }
    last = run_round(o, dir, round);
    f.v7_s = last.v7.seconds;
    f.v4_s = last.v4.seconds;
    f.base_apply_s = last.base_apply;
    f.v7_first_ms = median_ms(last.v7.batch_ms, 0, 20);
    f.v7_last_ms = tail_ms(last.v7.batch_ms, 20);
    f.v4_first_ms = median_ms(last.v4.batch_ms, 0, 20);
    f.v4_last_ms = tail_ms(last.v4.batch_ms, 20);
    f.pull_s = last.first.seconds;
    f.base_pull_s = last.base_pull;
    f.client_rss_mib = last.first.peak_rss_mib;
    rounds.push_back(f);
    std::printf("round %d: push v7 %.2f s (baseline %.2f s), v4 %.2f s, pull %.2f s", round + 1,
                f.v7_s, f.base_apply_s, f.v4_s, f.pull_s);
    if (!o.peer.empty())
      std::printf("; PouchDB push %.2f s, pull %.2f s", f.peer_push_s, f.peer_pull_s);
    std::printf("\n");
    std::fflush(stdout);
  }
  std::printf("\n");
  const auto median = [&](double round_figures::*figure) {
    return median_of(each(rounds, figure));
  };
  const auto note = [&](double round_figures::*figure) {
    return rounds_note(each(rounds, figure));
  };
  using each_round = round_figures;
  figures.push_back({"push, time-ordered v7 ids", median(&each_round::v7_s),
                     median(&each_round::base_apply_s), "s",
                     joined("baseline: the SQLite writes", note(&each_round::v7_s))});
  figures.push_back({"push, random v4 ids", median(&each_round::v4_s),
                     median(&each_round::base_apply_s), "s", note(&each_round::v4_s)});
  figures.push_back({"  v7 ms/batch, last 20", median(&each_round::v7_last_ms),
                     median(&each_round::v7_first_ms), "ms", "baseline: the first 20"});
  figures.push_back({"  v4 ms/batch, last 20", median(&each_round::v4_last_ms),
                     median(&each_round::v4_first_ms), "ms", "baseline: the first 20"});
  const auto url = last.master.server->url();
  // What a year of the plan costs on disk (docs/operations.md, capacity).
  {
    std::error_code none;
    const auto wal = std::filesystem::file_size(last.master_db.string() + "-wal", none);
    const double bytes =
        static_cast<double>(std::filesystem::file_size(last.master_db) + (none ? 0 : wal));
    figures.push_back({"  server database after the push", bytes / (1024.0 * 1024.0), 0, "MiB",
                       std::to_string(static_cast<long>(bytes / o.n.cells())) + " bytes a cell"});
  }
  figures.push_back({"pull, all cells, empty replica", median(&each_round::pull_s),
                     median(&each_round::base_pull_s), "s",
                     joined("baseline: copying the cells in SQLite", note(&each_round::pull_s))});
  const auto client_rss = each(rounds, &each_round::client_rss_mib);
  figures.push_back({"  client peak RSS", *std::max_element(client_rss.begin(), client_rss.end()),
                     0, "MiB", "the largest"});
  if (!o.peer.empty()) {
    figures.push_back(
        {"push v7 vs PouchDB", median(&each_round::v7_s), median(&each_round::peer_push_s), "s",
         joined("baseline: PouchDB replicating the same cells", note(&each_round::peer_push_s))});
    figures.push_back(
        {"pull vs PouchDB", median(&each_round::pull_s), median(&each_round::peer_pull_s), "s",
         joined("baseline: PouchDB replicating the same cells", note(&each_round::peer_pull_s))});
  }
  auto& pushed = last.v7;
  const auto& served = last.master;
  const auto& cells = last.cells;
  const auto me = sign_in_as(url, "bench-push");
  auto t = client::make_http_transport(url, me.token);
  const std::size_t one_percent = cells.size() / 100;
  std::vector<cell_change> some(cells.begin(),
                                cells.begin() + static_cast<std::ptrdiff_t>(one_percent));
  std::vector<version_t> their_versions(
      pushed.versions.begin(), pushed.versions.begin() + static_cast<std::ptrdiff_t>(one_percent));
  const auto changed =
      push_all(*t, batches_of(rewrite(some, their_versions, "一部を修正した。"), me, o.n.batch));
  std::copy(changed.versions.begin(), changed.versions.end(), pushed.versions.begin());
  const auto again = pull_in_child(url, last.replica);
  figures.push_back({"pull, after 1 % changed", again.seconds * 1000, 0, "ms",
                     std::to_string(again.received) + " received"});
  std::fflush(stdout);

  // Many clients at once.
  double alone = 0;
  for (int count : o.clients) {
    const auto r = run_clients(url, count, o.seconds, served.plan, cells, pushed.versions);
    if (count == o.clients.front()) alone = r.push_p50;
    const auto n = std::to_string(count);
    figures.push_back({n + " clients: push p50", r.push_p50, alone, "ms"});
    figures.push_back({n + " clients: push p99", r.push_p99, alone, "ms"});
    figures.push_back({n + " clients: pull p99", r.pull_p99, 0, "ms"});
    figures.push_back({n + " clients: changes/s", r.changes_per_second, 0, "1/s",
                       std::to_string(r.errors) + " errors"});
    if (r.errors > 0)
      die(std::to_string(r.errors) + " errors with " + n + " clients, the first: " + r.first_error);
  }
  server_rss = std::max(server_rss, served.server->peak_rss_mib());
  served.server->stop();

  // Growth: random ids into an ever larger database.
  {
    sizes g = o.n;
    g.rows = static_cast<int>(o.growth_cells / (g.departments * g.fields)) + 1;
    auto grown = serve_new_plan(o, dir / "growth.db", g);
    const auto who = sign_in_as(grown.server->url(), "bench-growth");
    const auto requests = batches_of(all_changes(grown.plan, g, id_shape::v4), who, g.batch);
    auto tg = client::make_http_transport(grown.server->url(), who.token);
    const auto r = push_all(*tg, requests);
    // The median of 50 batches after the first 10,000 cells against the
    // last 50 (a quarter of the batches each in a smaller run). Ten at
    // each end scattered from 0.5 to 1.4 between runs of one build.
    const std::size_t batches = r.batch_ms.size();
    const std::size_t window = std::clamp<std::size_t>(batches / 4, 1, 50);
    const std::size_t at_10k =
        std::min(10'000 / g.batch, batches > 2 * window ? batches - 2 * window : 0);
    figures.push_back({"growth: ms/batch at " + std::to_string(g.cells() / 1000) + "k cells",
                       tail_ms(r.batch_ms, window), median_ms(r.batch_ms, at_10k, window), "ms",
                       "baseline: after " + std::to_string(at_10k * g.batch / 1000) + "k, " +
                           std::to_string(window) + " batches each"});
    server_rss = std::max(server_rss, grown.server->peak_rss_mib());
  }

  print(figures, o, server_rss);
  std::filesystem::remove_all(dir);
  return 0;
}

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {  // a server that did not start, a file it could not write
    die(e.what());
  }
}
