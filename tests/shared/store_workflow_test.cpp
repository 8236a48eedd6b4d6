#include <catch2/catch.hpp>

#include "support/catch_result.h"
#include "support/temp_dir.h"
#include "support/test_plan.h"

using namespace matome;

namespace {
struct fixture : test::store_fixture {
  entry_key key{p.solo_row, p.fukushi, 2023};

  void fill(std::initializer_list<std::pair<const char*, const char*>> values) {
    std::vector<cell_change> changes;
    for (auto [field, value] : values) {
      changes.push_back(
          {"fill-" + std::string(field) + std::to_string(counter++),
           {key.item_id, key.department_id, key.year, field},
           s.find_cell({key.item_id, key.department_id, key.year, field}).value_or(cell{}).version,
           value});
    }
    for (const auto& o : s.apply(p.index, p.member_of_fukushi(), changes))
      REQUIRE(o.kind == outcome_kind::applied);
  }
  result<entry> step(const actor& who, entry_action action, std::string_view comment = {}) {
    return s.transition(p.index, who, key, action, comment);
  }
  int counter = 0;
};
}  // namespace

TEST_CASE("submit names the required field that is still empty", "[store][workflow]") {
  fixture f;
  f.fill({{"progress", "講座を開催した。"}});
  auto missing = f.step(f.p.member_of_fukushi(), entry_action::submit);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == errc::invalid_value);
  CHECK(missing.error().message.find("事業評価") != std::string::npos);
  CHECK(f.s.find_entry(f.key).status == entry_status::draft);  // nothing changed
}

TEST_CASE("a grade needs its reason before submit", "[store][workflow]") {
  fixture f;
  f.fill({{"progress", "講座を開催した。"}, {"grade", "B"}});
  auto missing = f.step(f.p.member_of_fukushi(), entry_action::submit);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message.find("評価の理由・課題") != std::string::npos);
}

TEST_CASE("submit, return with a comment, resubmit, accept, reopen", "[store][workflow]") {
  fixture f;
  f.fill({{"progress", "講座を開催した。"}, {"grade", "B"}, {"reason", "参加者が減った。"}});
  CHECK(f.step(f.p.member_of_fukushi(), entry_action::submit).value().status ==
        entry_status::submitted);

  SECTION("a submitted entry refuses the department's edits") {
    const cell_change late{"late", {f.key.item_id, f.key.department_id, 2023, "grade"}, 0, "A"};
    auto o = f.s.apply(f.p.index, f.p.member_of_fukushi(), std::span(&late, 1));
    CHECK(o[0].kind == outcome_kind::refused);
    CHECK(o[0].reason_code == "locked");
  }

  auto no_comment = f.step(f.p.coordinator(), entry_action::return_);
  REQUIRE_FALSE(no_comment);
  CHECK(no_comment.error().message.find("コメント") != std::string::npos);

  CHECK(f.step(f.p.coordinator(), entry_action::return_, "評価の理由を具体的に").value().status ==
        entry_status::returned);
  f.fill({{"reason", "参加者が前年度より2割減った。"}});
  CHECK(f.step(f.p.member_of_fukushi(), entry_action::submit).value().status ==
        entry_status::submitted);
  CHECK(f.step(f.p.member_of_fukushi(), entry_action::accept).error().code == errc::forbidden);
  CHECK(f.step(f.p.coordinator(), entry_action::accept).value().status == entry_status::accepted);

  const cell_change after{"after", {f.key.item_id, f.key.department_id, 2023, "grade"}, 0, "A"};
  CHECK(f.s.apply(f.p.index, f.p.member_of_fukushi(), std::span(&after, 1))[0].reason_code ==
        "locked");

  CHECK(f.step(f.p.coordinator(), entry_action::reopen).value().status == entry_status::returned);
  // Every step is recorded, the reopening included.
  auto steps = f.s.history_of({f.key.item_id, f.key.department_id, 2023, "_status"});
  REQUIRE(steps.size() == 5);
  CHECK(steps.back().old_value == "accepted");
  CHECK(steps.back().new_value == "returned");
  CHECK(steps.back().user == "coord");
}

TEST_CASE("illegal steps are refused and change nothing", "[store][workflow]") {
  fixture f;
  auto accept_draft = f.step(f.p.coordinator(), entry_action::accept);
  REQUIRE_FALSE(accept_draft);
  CHECK(accept_draft.error().code == errc::illegal_transition);
  CHECK(f.s.find_entry(f.key).status == entry_status::not_started);

  actor other = f.p.member_of_shakyo();
  CHECK(f.step(other, entry_action::submit).error().code == errc::forbidden);
}

TEST_CASE("a finalized year is locked for the coordinator too", "[store][workflow]") {
  fixture f;
  f.fill({{"progress", "実施した。"}});
  CHECK(f.s.finalize_year(f.p.plan_id, f.p.member_of_fukushi(), 2023).error().code ==
        errc::forbidden);
  REQUIRE(f.s.finalize_year(f.p.plan_id, f.p.coordinator(), 2023));
  CHECK(f.s.finalize_year(f.p.plan_id, f.p.coordinator(), 2023).error().code ==
        errc::illegal_transition);

  const cell_change c{"fin", {f.key.item_id, f.key.department_id, 2023, "progress"}, 0, "変更"};
  CHECK(f.s.apply(f.p.index, f.p.coordinator(), std::span(&c, 1))[0].reason_code == "locked");
  CHECK(f.step(f.p.member_of_fukushi(), entry_action::submit).error().code == errc::locked);
  // Other years stay open.
  const cell_change next{
      "next", {f.key.item_id, f.key.department_id, 2024, "progress"}, 0, "次年度"};
  CHECK(f.s.apply(f.p.index, f.p.member_of_fukushi(), std::span(&next, 1))[0].kind ==
        outcome_kind::applied);
}

TEST_CASE("entries_of_year lists the touched entries of one year with their status",
          "[store][workflow]") {
  fixture f;
  CHECK(f.s.entries_of_year(f.p.plan_id, 2023).empty());  // nothing touched yet
  f.fill({{"progress", "実施した。"}, {"grade", "A"}, {"reason", "計画どおり。"}});
  REQUIRE(f.step(f.p.member_of_fukushi(), entry_action::submit));
  const auto entries = f.s.entries_of_year(f.p.plan_id, 2023);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].key == f.key);
  CHECK(entries[0].status == entry_status::submitted);
  CHECK(entries[0].version == f.s.find_entry(f.key).version);
  CHECK(f.s.entries_of_year(f.p.plan_id, 2024).empty());  // another year
}
