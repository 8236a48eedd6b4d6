// Randomized convergence with fixed seeds: several replicas edit, sync, get
// cut off mid-sync, "crash" with changes in flight, and sync by file (with
// some answer files lost on the way back), in random order
// (random_workload.h); afterwards everything is checked against the real
// server's history.
#include <catch2/catch.hpp>

#include "client/random_workload.h"
#include "support/catch_result.h"

using namespace matome;
using namespace matome::test;

TEST_CASE(
    "random edits, steps, resolutions, syncs, cuts and crashes converge without losing anything",
    "[client][convergence]") {
  int total_conflicts = 0;
  random_workload::tally total;
  for (unsigned seed : {1u, 2u, 3u}) {
    INFO("seed " << seed);
    client_fixture f;
    cut_proxy proxy(f.server->port());
    std::mt19937 random(seed);
    random_workload work(f.p, f.dir.path(), f.url(proxy.port()), &proxy,
                         [&] { return f.server_store(); });
    for (int step = 0; step < 200; ++step) work.act(random);
    work.settle_then_check();
    auto server = f.server_store();
    total_conflicts += static_cast<int>(server.open_conflicts(f.p.plan_id).size());
    total.cuts += work.done.cuts;
    total.resends += work.done.resends;
    total.bundles += work.done.bundles;
    total.resolutions += work.done.resolutions;
    total.steps += work.done.steps;
    total.comments += work.done.comments;
  }
  // The runs must have exercised what they claim to.
  CHECK(total_conflicts > 0);
  CHECK(total.cuts > 0);
  CHECK(total.resends > 0);
  CHECK(total.bundles > 0);
  CHECK(total.resolutions > 0);
  CHECK(total.steps > 0);
  CHECK(total.comments > 0);
}
