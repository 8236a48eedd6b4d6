// A connection keeps its statements prepared between uses (sqlite.h,
// statement_cache): a statement used again must behave as a fresh one.
#include <catch2/catch.hpp>

#include "matome/store/sqlite.h"
#include "support/temp_dir.h"

using namespace matome;

TEST_CASE("a statement prepared again starts fresh: no bindings, no rows left over", "[sqlite]") {
  test::temp_dir dir;
  auto db = sqlite::database::open(dir.file("cache.db"));
  db.exec("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1), (2), (3)");
  {
    auto first = db.prepare("SELECT ?1, x FROM t ORDER BY x");
    first.bind(1, 42);
    REQUIRE(first.step());  // left in the middle of its rows
    CHECK(first.int64(0) == 42);
  }
  auto again = db.prepare("SELECT ?1, x FROM t ORDER BY x");
  REQUIRE(again.step());
  CHECK(again.is_null(0));     // the old binding is gone
  CHECK(again.int64(1) == 1);  // from the first row again

  // The same SQL twice at once: two statements, each with its own rows.
  auto other = db.prepare("SELECT ?1, x FROM t ORDER BY x");
  other.bind(1, 7);
  REQUIRE(other.step());
  CHECK(other.int64(1) == 1);
  REQUIRE(again.step());
  CHECK(again.int64(1) == 2);
  CHECK(other.int64(0) == 7);
}

TEST_CASE("a statement kept prepared does not hold a read open, and survives a move", "[sqlite]") {
  test::temp_dir dir;
  auto db = sqlite::database::open(dir.file("cache.db"));
  db.exec("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1)");
  {
    auto reading = db.prepare("SELECT x FROM t");
    REQUIRE(reading.step());  // a read in progress, then given back mid-way
  }
  // Another connection can write and then checkpoint the whole log: no
  // read is left open here (a reader would make the checkpoint busy).
  auto writer = sqlite::database::open(dir.file("cache.db"));
  writer.exec("INSERT INTO t VALUES (2)");
  {
    auto checkpoint = writer.prepare("PRAGMA wal_checkpoint(TRUNCATE)");
    REQUIRE(checkpoint.step());
    CHECK(checkpoint.int64(0) == 0);  // not busy
  }
  auto moved = std::move(db);
  auto reading = moved.prepare("SELECT count(*) FROM t");
  REQUIRE(reading.step());
  CHECK(reading.int64(0) == 2);
}
