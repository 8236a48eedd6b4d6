#include "matome/report/dashboard.h"

#include <catch2/catch.hpp>

#include "support/catch_result.h"
#include "support/test_plan.h"

using namespace matome;
using namespace matome::test;

TEST_CASE("The dashboard counts every owner's entries, open ones included", "[dashboard]") {
  store_fixture f;
  const int year = f.p.index.plan.report_year;
  auto member = f.p.member_of_fukushi();
  const std::vector<cell_change> edit{
      {"c1", {f.p.solo_row, f.p.fukushi, year, "progress"}, 0, "実施した。"}};
  REQUIRE(f.s.apply(f.p.index, member, edit).front().kind == outcome_kind::applied);
  auto board = compute_dashboard(f.s, f.p.plan_id, year, "2024-04-01", std::nullopt);
  REQUIRE(board.departments.size() == 2);
  const auto& fukushi = board.departments[0].department.id == f.p.fukushi ? board.departments[0]
                                                                          : board.departments[1];
  CHECK(fukushi.total == 2);  // the solo row and its part of the shared row
  CHECK(fukushi.count(entry_status::draft) == 1);
  CHECK(fukushi.count(entry_status::not_started) == 1);
  CHECK(fukushi.percent_complete == 0);
  CHECK(board.still_to_submit.size() == 2);
  CHECK_FALSE(board.past_due);
  CHECK(fukushi.overdue == 0);

  auto late = compute_dashboard(f.s, f.p.plan_id, year, "2024-06-01", "2024-05-31");
  CHECK(late.past_due);
  CHECK(late.total() == 3);
  for (const auto& d : late.departments) CHECK(d.overdue == d.total);
}
