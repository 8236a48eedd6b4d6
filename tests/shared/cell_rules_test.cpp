#include <catch2/catch.hpp>

#include "matome/domain/cell.h"
#include "support/catch_result.h"
#include "support/temp_dir.h"
#include "support/test_plan.h"

using namespace matome;

namespace {
struct fixture : test::store_fixture {
  const plan_item& row(record_id id) const { return *p.index.find_item(id); }
};
}  // namespace

TEST_CASE("cells are checked against the plan and its template", "[cell]") {
  fixture f;
  const auto& plan = f.p.index.plan;
  const auto& shared = f.row(f.p.shared_row);

  CHECK(validate_cell(plan, shared, {f.p.shared_row, f.p.shakyo, 2023, "grade"}, "B"));
  CHECK(validate_cell(plan, shared, {f.p.shared_row, 0, 0, "content"}, "講座を開催します。"));
  CHECK(validate_cell(plan, shared, {f.p.shared_row, 0, 2024, "marks"}, "●"));

  SECTION("an unknown field") {
    auto e = validate_cell(plan, shared, {f.p.shared_row, f.p.shakyo, 2023, "nonsense"}, "x");
    REQUIRE_FALSE(e);
    CHECK(e.error().code == errc::invalid_value);
  }
  SECTION("a report field written as a plan cell") {
    auto e = validate_cell(plan, shared, {f.p.shared_row, 0, 2023, "grade"}, "A");
    REQUIRE_FALSE(e);
    CHECK(e.error().message.find("担当課が報告する項目") != std::string::npos);
  }
  SECTION("a plan field written in a department's entry") {
    auto e = validate_cell(plan, shared, {f.p.shared_row, f.p.shakyo, 2023, "content"}, "x");
    REQUIRE_FALSE(e);
    CHECK(e.error().message.find("計画の項目") != std::string::npos);
  }
  SECTION("a year outside the plan period") {
    auto e = validate_cell(plan, shared, {f.p.shared_row, f.p.shakyo, 2030, "grade"}, "A");
    REQUIRE_FALSE(e);
    CHECK(e.error().message.find("計画期間") != std::string::npos);
    CHECK_FALSE(validate_cell(plan, shared, {f.p.shared_row, 0, 2019, "marks"}, "●"));
  }
  SECTION("a year on a plan field that has no years") {
    CHECK_FALSE(validate_cell(plan, shared, {f.p.shared_row, 0, 2023, "content"}, "x"));
  }
  SECTION("a department that does not own the row") {
    CHECK_FALSE(
        validate_cell(plan, f.row(f.p.solo_row), {f.p.solo_row, f.p.shakyo, 2023, "grade"}, "A"));
  }
  SECTION("an item that is not a row") {
    CHECK_FALSE(validate_cell(plan, f.row(f.p.goal), {f.p.goal, 0, 0, "content"}, "x"));
  }
  SECTION("a choice value not among its options") {
    CHECK_FALSE(validate_cell(plan, shared, {f.p.shared_row, f.p.shakyo, 2023, "grade"}, "D"));
  }
}

TEST_CASE("departments write only report cells of their own entries", "[cell][rights]") {
  fixture f;
  const auto& shared = f.row(f.p.shared_row);
  const cell_key shakyo_grade{f.p.shared_row, f.p.shakyo, 2023, "grade"};
  const cell_key fukushi_grade{f.p.shared_row, f.p.fukushi, 2023, "grade"};
  const cell_key content{f.p.shared_row, 0, 0, "content"};

  CHECK(
      check_write_right(f.p.member_of_shakyo(), shared, shakyo_grade, entry_status::draft, false));
  CHECK(check_write_right(f.p.member_of_shakyo(), shared, shakyo_grade, entry_status::returned,
                          false));
  CHECK(check_write_right(f.p.member_of_shakyo(), shared, fukushi_grade, entry_status::draft, false)
            .error()
            .code == errc::forbidden);
  CHECK(check_write_right(f.p.member_of_shakyo(), shared, content, entry_status::not_started, false)
            .error()
            .code == errc::forbidden);
  CHECK(check_write_right(f.p.member_of_shakyo(), shared, shakyo_grade, entry_status::submitted,
                          false)
            .error()
            .code == errc::locked);
  CHECK(
      check_write_right(f.p.member_of_shakyo(), shared, shakyo_grade, entry_status::accepted, false)
          .error()
          .code == errc::locked);

  CHECK(check_write_right(f.p.coordinator(), shared, content, entry_status::not_started, false));
  CHECK(check_write_right(f.p.coordinator(), shared, shakyo_grade, entry_status::accepted, false));

  const actor admin{"root", "srv", 0, role::admin};
  CHECK(check_write_right(admin, shared, content, entry_status::not_started, false).error().code ==
        errc::forbidden);
}

TEST_CASE("a finalized year is locked for everyone", "[cell][rights]") {
  fixture f;
  const auto& shared = f.row(f.p.shared_row);
  const cell_key grade{f.p.shared_row, f.p.shakyo, 2023, "grade"};
  CHECK(
      check_write_right(f.p.coordinator(), shared, grade, entry_status::draft, true).error().code ==
      errc::locked);
  CHECK(check_write_right(f.p.member_of_shakyo(), shared, grade, entry_status::draft, true)
            .error()
            .code == errc::locked);
}
