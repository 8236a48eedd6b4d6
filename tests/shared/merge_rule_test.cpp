// The merge rule itself (DESIGN §3), table by table: apply only on the
// cell's current version, unchanged when the value is already there,
// otherwise a conflict. A base version the server never reached (a client
// of a restored server, or a buggy one) is a conflict, never an overwrite.
#include "matome/sync/merge_rule.h"

#include <catch2/catch.hpp>

using namespace matome;

namespace {
cell_change change(version_t base, std::string value) {
  return {"c", {1, 2, 2023, "progress"}, base, std::move(value)};
}
}  // namespace

TEST_CASE("a change based on the current version applies", "[merge]") {
  CHECK(decide(7, "前の値", change(7, "新しい値")) == merge_decision::apply);
  CHECK(decide(0, "", change(0, "最初の値")) == merge_decision::apply);  // a cell never written
}

TEST_CASE("a change to the value the cell already holds is unchanged, whatever its base",
          "[merge]") {
  CHECK(decide(7, "同じ", change(3, "同じ")) == merge_decision::unchanged);
  CHECK(decide(7, "同じ", change(9, "同じ")) == merge_decision::unchanged);
}

TEST_CASE("a change based on an older version is a conflict", "[merge]") {
  CHECK(decide(7, "サーバーの値", change(3, "古い版からの値")) == merge_decision::conflict);
  CHECK(decide(7, "サーバーの値", change(0, "空欄からの値")) == merge_decision::conflict);
}

TEST_CASE("a change based on a version above the current one is a conflict", "[merge]") {
  // The server never issued version 12 for this cell: the client's base
  // comes from a database that was rewound, or from a bug.
  CHECK(decide(7, "サーバーの値", change(12, "先の版からの値")) == merge_decision::conflict);
  CHECK(decide(0, "", change(5, "消えた版からの値")) == merge_decision::conflict);
}
