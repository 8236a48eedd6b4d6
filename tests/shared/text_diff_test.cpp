#include "matome/util/text_diff.h"

#include <catch2/catch.hpp>

#include "support/catch_result.h"

using namespace matome;
using kind = diff_segment::kind;

namespace {

// Rebuilds one side from the segments: what a reviewer reads as before/after.
std::string side(const std::vector<diff_segment>& segments, kind skipped) {
  std::string out;
  for (const auto& s : segments)
    if (s.what != skipped) out += s.text;
  return out;
}

}  // namespace

TEST_CASE("A diff marks the changed Japanese characters, not whole bytes or lines", "[diff]") {
  auto d = diff_text("講座を9回開催し、延べ164人が受講した。",
                     "講座を12回開催し、延べ164人が受講した。");
  REQUIRE(d.size() == 4);
  CHECK(d[0] == diff_segment{kind::same, "講座を"});
  CHECK(d[1] == diff_segment{kind::removed, "9"});
  CHECK(d[2] == diff_segment{kind::added, "12"});
  CHECK(d[3] == diff_segment{kind::same, "回開催し、延べ164人が受講した。"});
}

TEST_CASE("A diff's sides rebuild both texts exactly", "[diff]") {
  const std::string before =
      "【高齢介護課】サポーター養成講座を2回開催した。\n参加者は少なかった。";
  const std::string after = "【高齢介護課】介護予防サポーター講座を3回開催し、52人を養成した。";
  auto d = diff_text(before, after);
  CHECK(side(d, kind::added) == before);
  CHECK(side(d, kind::removed) == after);
  for (std::size_t i = 1; i < d.size(); ++i) CHECK(d[i].what != d[i - 1].what);
}

TEST_CASE("Identical, empty and one-sided texts diff simply", "[diff]") {
  CHECK(diff_text("同左", "同左") == std::vector<diff_segment>{{kind::same, "同左"}});
  CHECK(diff_text("", "").empty());
  CHECK(diff_text("", "新規") == std::vector<diff_segment>{{kind::added, "新規"}});
  CHECK(diff_text("削除", "") == std::vector<diff_segment>{{kind::removed, "削除"}});
}

TEST_CASE("Texts too long for the table fall back to one removed and one added run", "[diff]") {
  auto d = diff_text("前ABC後", "前XYZ後", /*max_cells=*/4);
  REQUIRE(d.size() == 4);
  CHECK(d[1] == diff_segment{kind::removed, "ABC"});
  CHECK(d[2] == diff_segment{kind::added, "XYZ"});
}
