// Conflicts always have a way through (issue 9.2): an open conflict follows
// its cell, so "theirs" is what the server holds now; a resolution decided
// on an older value is refused as stale and shows the new one; a second
// conflicting edit by the same user folds into the open conflict; and a
// coordinator can close a conflict left open in a finalized year.
#include <catch2/catch.hpp>

#include "support/catch_result.h"
#include "support/temp_dir.h"
#include "support/test_plan.h"

using namespace matome;

namespace {
struct fixture : test::store_fixture {
  const cell_key key{p.solo_row, p.fukushi, 2023, "progress"};

  change_outcome apply_one(const actor& who, const cell_change& c) {
    return s.apply(p.index, who, std::span(&c, 1)).at(0);
  }
  version_t version() { return s.find_cell(key)->version; }
  // fukushi1 and the coordinator both edit the empty cell: the coordinator's
  // value lands first, fukushi1's comes back as a conflict.
  record_id make_conflict() {
    REQUIRE(apply_one(p.coordinator(), {"c1", key, 0, "C1"}).kind == outcome_kind::applied);
    auto o = apply_one(p.member_of_fukushi(), {"a1", key, 0, "A1"});
    REQUIRE(o.kind == outcome_kind::conflict);
    return o.conflict_id;
  }
};
}  // namespace

TEST_CASE("an open conflict follows its cell when the cell changes again", "[store][conflict]") {
  fixture f;
  const auto id = f.make_conflict();
  REQUIRE(f.apply_one(f.p.coordinator(), {"c2", f.key, f.version(), "C2"}).kind ==
          outcome_kind::applied);
  auto c = f.s.find_conflict(id).value();
  CHECK_FALSE(c.resolved);
  CHECK(c.server_value == "C2");
  CHECK(c.server_version == f.version());
  CHECK(c.incoming_value == "A1");
  // Replicas learn the new "theirs" from the feed.
  auto page = f.s.pull(f.p.plan_id, feed_scope::of(f.p.member_of_fukushi()), f.version() - 1, 100);
  REQUIRE(page.conflicts.size() == 1);
  CHECK(page.conflicts[0].server_value == "C2");

  // Resolved against the current value, by the department: its text wins.
  auto resolved = f.s.resolve_conflict(f.p.index, f.p.member_of_fukushi(), id,
                                       store::resolution::take_incoming, {}, c.server_version);
  REQUIRE(resolved);
  CHECK(f.s.find_cell(f.key)->value == "A1");
  CHECK(f.s.open_conflicts(f.p.plan_id).empty());
}

// A replica may know a version the server has not (after the server was
// restored from a backup): its edit of a cell the server holds no value for
// is a conflict against nothing. The cell's first value, written without a
// read (cell_writer::write_new), is the conflict's "theirs" too.
TEST_CASE("a conflict on a cell without a value follows the first value it gets",
          "[store][conflict]") {
  fixture f;
  auto o = f.apply_one(f.p.member_of_fukushi(), {"a1", f.key, 5, "A1"});
  REQUIRE(o.kind == outcome_kind::conflict);
  CHECK(o.server_version == 0);
  REQUIRE(f.apply_one(f.p.coordinator(), {"c1", f.key, 0, "C1"}).kind == outcome_kind::applied);
  const auto c = f.s.find_conflict(o.conflict_id).value();
  CHECK(c.server_value == "C1");
  CHECK(c.server_version == f.version());
  CHECK(f.s.find_cell(f.key)->value == "C1");
}

TEST_CASE("a resolution decided on an older server value is refused and names the new one",
          "[store][conflict]") {
  fixture f;
  const auto id = f.make_conflict();
  const auto seen = f.s.find_conflict(id)->server_version;  // the resolver looked at C1
  REQUIRE(f.apply_one(f.p.coordinator(), {"c2", f.key, f.version(), "C2"}).kind ==
          outcome_kind::applied);
  auto stale = f.s.resolve_conflict(f.p.index, f.p.member_of_fukushi(), id,
                                    store::resolution::take_incoming, {}, seen);
  REQUIRE_FALSE(stale);
  CHECK(stale.error().code == errc::stale);
  CHECK(stale.error().message.find("C2") != std::string::npos);
  CHECK(f.s.find_cell(f.key)->value == "C2");  // nothing overwritten
  CHECK_FALSE(f.s.find_conflict(id)->resolved);
  // "Keep the server's value" keeps what the server holds now.
  REQUIRE(f.s.resolve_conflict(f.p.index, f.p.coordinator(), id, store::resolution::keep_server, {},
                               f.version()));
  CHECK(f.s.find_cell(f.key)->value == "C2");
  CHECK(f.s.find_conflict(id)->resolved_value == "C2");
}

TEST_CASE("resolving one of two conflicts on a cell leaves the other resolvable",
          "[store][conflict]") {
  fixture f;
  const auto first = f.make_conflict();
  // Another user of the department, from the same old base: a second conflict.
  const actor colleague{"fukushi2", "pc-3", f.p.fukushi, role::member};
  auto second = f.apply_one(colleague, {"b1", f.key, 0, "B1"});
  REQUIRE(second.kind == outcome_kind::conflict);
  REQUIRE(second.conflict_id != first);
  REQUIRE(f.s.resolve_conflict(f.p.index, f.p.member_of_fukushi(), first,
                               store::resolution::take_incoming, {}, f.version()));
  CHECK(f.s.find_cell(f.key)->value == "A1");
  auto other = f.s.find_conflict(second.conflict_id).value();
  CHECK(other.server_value == "A1");  // theirs moved with the resolution
  REQUIRE(f.s.resolve_conflict(f.p.index, colleague, second.conflict_id, store::resolution::merged,
                               "A1 と B1", other.server_version));
  CHECK(f.s.find_cell(f.key)->value == "A1 と B1");
  CHECK(f.s.open_conflicts(f.p.plan_id).empty());
}

TEST_CASE("a second conflicting edit by the same user folds into the open conflict",
          "[store][conflict]") {
  fixture f;
  const auto id = f.make_conflict();
  // Typed again while the first change was in flight: the same stale base.
  auto again = f.apply_one(f.p.member_of_fukushi(), {"a2", f.key, 0, "A2"});
  CHECK(again.kind == outcome_kind::conflict);
  CHECK(again.conflict_id == id);
  CHECK(f.s.open_conflicts(f.p.plan_id).size() == 1);
  CHECK(f.s.find_conflict(id)->incoming_value == "A2");
  // The repeated first change still gets its own first answer.
  auto retry = f.apply_one(f.p.member_of_fukushi(), {"a1", f.key, 0, "A1"});
  CHECK(retry.repeated);
  CHECK(retry.conflict_id == id);
}

TEST_CASE("a coordinator closes a conflict left open in a finalized year, keeping the locked value",
          "[store][conflict]") {
  fixture f;
  const auto id = f.make_conflict();
  REQUIRE(f.s.finalize_year(f.p.plan_id, f.p.coordinator(), 2023));
  CHECK(f.s.resolve_conflict(f.p.index, f.p.member_of_fukushi(), id, store::resolution::keep_server,
                             {}, f.version())
            .error()
            .code == errc::locked);
  CHECK(f.s.resolve_conflict(f.p.index, f.p.coordinator(), id, store::resolution::take_incoming, {},
                             f.version())
            .error()
            .code == errc::locked);  // the year's values stay as finalized
  auto closed = f.s.resolve_conflict(f.p.index, f.p.coordinator(), id,
                                     store::resolution::keep_server, {}, f.version());
  REQUIRE(closed);
  CHECK(closed->resolved_value == "C1");
  CHECK(f.s.find_cell(f.key)->value == "C1");
  CHECK(f.s.open_conflicts(f.p.plan_id).empty());
}
