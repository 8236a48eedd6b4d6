// Structure changes reach replicas (issue 9.9): a department added, a row
// added, an owner taken off a row, a row removed, each made beside a running
// server the way the admin commands make them (a second handle on the
// database file), and seen by every replica at its next sync, removals too.
#include <algorithm>
#include <catch2/catch.hpp>

#include "client/client_fixture.h"
#include "support/catch_result.h"
#include "support/run_cli.h"

using namespace matome;
using namespace matome::test;

namespace {
std::vector<record_id> owners_on(client::replica& r, record_id item_id) {
  auto index = r.plan();
  REQUIRE(index);
  const plan_item* item = index->find_item(item_id);
  return item ? item->owner_ids : std::vector<record_id>{};
}

bool has_item(client::replica& r, record_id item_id) {
  auto index = r.plan();
  REQUIRE(index);
  return index->find_item(item_id) != nullptr;
}

// A second top-level heading (目標 2), after the small plan's one.
record_id add_second_goal(store& admin, const small_plan& p) {
  plan_item heading;
  heading.level = 0;
  heading.position = 1;
  heading.label = "2";
  heading.title = "誰もが参加できる地域づくり";
  return admin.add_item(p.plan_id, heading).value();
}
}  // namespace

TEST_CASE("a department added on a running server reaches every replica", "[client][structure]") {
  client_fixture f;
  auto a = f.sign_in("fukushi1");
  auto admin = f.server_store();
  const auto added = admin.add_department({0, "kyosei", "共生福祉課", false}).value();

  REQUIRE(f.sync(a));
  const auto departments = a.db().departments();
  CHECK(std::ranges::any_of(
      departments, [&](const department& d) { return d.id == added && d.name == "共生福祉課"; }));
}

TEST_CASE("a row added and then removed on a running server comes and goes on replicas",
          "[client][structure]") {
  client_fixture f;
  auto a = f.sign_in("fukushi1");
  auto admin = f.server_store();
  plan_item row;
  row.parent_id = f.p.goal;
  row.position = 2;
  row.label = "③";
  row.title = "見守り活動";
  row.owner_ids = {f.p.fukushi};
  const auto id = admin.add_item(f.p.plan_id, row).value();
  REQUIRE(f.sync(a));
  REQUIRE(has_item(a, id));
  CHECK(a.plan().value().find_item(id)->title == "見守り活動");

  REQUIRE(admin.remove_item(id));
  REQUIRE(f.sync(a));
  CHECK_FALSE(has_item(a, id));
  CHECK(has_item(a, f.p.solo_row));
}

TEST_CASE("a row with reported values cannot be removed", "[client][structure]") {
  client_fixture f;
  auto a = f.sign_in("fukushi1");
  REQUIRE(a.edit({f.p.solo_row, f.p.fukushi, 2023, "progress"}, "実施した。"));
  REQUIRE(f.sync(a));
  auto admin = f.server_store();
  auto refused = admin.remove_item(f.p.solo_row);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message.find("福祉教育") != std::string::npos);
  CHECK(admin.load_plan_index(f.p.plan_id).value().find_item(f.p.solo_row) != nullptr);
  auto heading = admin.remove_item(f.p.goal);  // it has rows under it
  REQUIRE_FALSE(heading);
}

TEST_CASE("a department taken off a row keeps its unsent edit, refused with the reason",
          "[client][structure]") {
  client_fixture f;
  auto s = f.sign_in("shakyo1");
  auto a = f.sign_in("fukushi1");
  const cell_key draft{f.p.shared_row, f.p.shakyo, 2023, "progress"};
  REQUIRE(s.edit(draft, "社協の下書き"));  // offline, not yet sent

  auto admin = f.server_store();
  const auto before = admin.structure_version(f.p.plan_id);
  REQUIRE(admin.set_item_owners(f.p.shared_row, {f.p.fukushi}));
  CHECK(admin.structure_version(f.p.plan_id) != before);

  REQUIRE(f.sync(a));
  CHECK(owners_on(a, f.p.shared_row) == std::vector<record_id>{f.p.fukushi});
  REQUIRE(f.sync(s));
  CHECK(owners_on(s, f.p.shared_row) == std::vector<record_id>{f.p.fukushi});
  const auto outbox = s.outbox();
  REQUIRE(outbox.size() == 1);
  CHECK(outbox[0].refused);
  CHECK(outbox[0].change.value == "社協の下書き");
  CHECK(outbox[0].reason.find("サポーターの養成") != std::string::npos);
  CHECK(outbox[0].reason.find("担当") != std::string::npos);
  CHECK(f.server_value(draft).empty());

  // Given the row back, the department sends it again by saving it.
  REQUIRE(admin.set_item_owners(f.p.shared_row, {f.p.fukushi, f.p.shakyo}));
  REQUIRE(f.sync(s));
  REQUIRE(s.edit(draft, "社協の下書き"));
  REQUIRE(f.sync(s));
  CHECK(f.server_value(draft) == "社協の下書き");
}

TEST_CASE("owners must be departments, and a row needs at least one", "[store][structure]") {
  client_fixture f;
  auto admin = f.server_store();
  CHECK_FALSE(admin.set_item_owners(f.p.shared_row, {}));
  CHECK_FALSE(admin.set_item_owners(f.p.shared_row, {9999}));
  CHECK_FALSE(admin.set_item_owners(f.p.goal, {f.p.fukushi}));  // a heading has no owners
  CHECK(admin.load_plan_index(f.p.plan_id).value().find_item(f.p.shared_row)->owner_ids.size() ==
        2);
}

TEST_CASE("the admin lists rows with ids and changes their owners beside the running server",
          "[client][structure][admin]") {
  client_fixture f;
  auto s = f.sign_in("shakyo1");
  const std::string db = f.dir.file("master.db").string();
  auto listed = run_server_admin({"--db", db, "list-items"});
  REQUIRE(listed.exit_code == 0);
  CHECK(listed.out.find(std::to_string(f.p.shared_row) +
                        "\t  ② サポーターの養成\tfukushi,shakyo") != std::string::npos);

  auto set = run_server_admin({"--db", db, "set-owners", std::to_string(f.p.shared_row), "shakyo"});
  REQUIRE(set.exit_code == 0);
  REQUIRE(f.sync(s));
  CHECK(owners_on(s, f.p.shared_row) == std::vector<record_id>{f.p.shakyo});

  auto unknown =
      run_server_admin({"--db", db, "set-owners", std::to_string(f.p.shared_row), "nope"});
  CHECK(unknown.exit_code == 2);
  CHECK_FALSE(unknown.err.empty());
  // A row moved under another heading by the administrator, and one it
  // cannot go under (a row is not a heading).
  auto moved = run_server_admin({"--db", db, "move-item", std::to_string(f.p.solo_row), "--under",
                                 std::to_string(f.p.goal), "--label", "③"});
  CHECK(moved.exit_code == 0);
  REQUIRE(f.sync(s));
  CHECK(s.plan().value().find_item(f.p.solo_row)->label == "③");
  auto not_under_a_row = run_server_admin({"--db", db, "move-item", std::to_string(f.p.solo_row),
                                           "--under", std::to_string(f.p.shared_row)});
  CHECK(not_under_a_row.exit_code == 2);
  CHECK(not_under_a_row.err.find("の下にしか移せません") != std::string::npos);
  auto used = run_server_admin({"--db", db, "remove-item", std::to_string(f.p.goal)});
  CHECK(used.exit_code == 2);
  CHECK(used.err.find("削除できません") != std::string::npos);
  CHECK(owners_on(s, f.p.shared_row) == std::vector<record_id>{f.p.shakyo});
}

TEST_CASE("an edit refused for good does not hold up the rest of the outbox or later syncs",
          "[client][structure]") {
  client_fixture f;
  auto a = f.sign_in("fukushi1");
  const cell_key lost_row{f.p.shared_row, f.p.fukushi, 2023, "progress"};
  const cell_key own_row{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(a.edit(lost_row, "外された行への入力"));
  REQUIRE(a.edit(own_row, "自分の行への入力"));
  REQUIRE(f.server_store().set_item_owners(f.p.shared_row, {f.p.shakyo}));

  REQUIRE(f.sync(a));
  CHECK(f.server_value(own_row) == "自分の行への入力");
  CHECK(f.server_value(lost_row).empty());
  auto outbox = a.outbox();
  REQUIRE(outbox.size() == 1);
  CHECK(outbox[0].refused);
  CHECK(outbox[0].change.key == lost_row);

  // Later edits and syncs go through beside the refused one, which stays.
  REQUIRE(a.edit(own_row, "二度目の入力"));
  REQUIRE(f.sync(a));
  REQUIRE(f.sync(a));
  CHECK(f.server_value(own_row) == "二度目の入力");
  outbox = a.outbox();
  REQUIRE(outbox.size() == 1);
  CHECK(outbox[0].refused);
  CHECK(f.server_store().history_of(own_row).size() == 2);
}

TEST_CASE("a desktop offline while the plan is restructured catches up, its edits on their rows",
          "[client][structure]") {
  client_fixture f;
  auto a = f.sign_in("fukushi1");
  auto coord = f.sign_in("coord");
  const cell_key offline_edit{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(a.edit(offline_edit, "オフラインで入力した実績"));

  // Meanwhile: a new heading, a new row in front of this desktop's row, the
  // row listed under the new heading too, a new department, and others'
  // work moving the sequence on.
  auto admin = f.server_store();
  const auto heading_id = add_second_goal(admin, f.p);
  plan_item row;
  row.parent_id = f.p.goal;
  row.level = 1;
  row.position = 0;
  row.label = "(0)";
  row.title = "新たに加えた事業";
  row.owner_ids = {f.p.fukushi};
  const auto new_row = admin.add_item(f.p.plan_id, row).value();
  REQUIRE(admin.add_relisting(f.p.solo_row, {heading_id, "2-(1)"}));
  REQUIRE(admin.add_department({0, "kikaku", "企画課", false}));
  for (int i = 0; i < 5; ++i) {
    REQUIRE(coord.edit({f.p.shared_row, f.p.fukushi, 2023, "progress"},
                       "取りまとめの追記 " + std::to_string(i)));
    REQUIRE(f.sync(coord));
  }

  REQUIRE(f.sync(a));
  CHECK(f.server_value(offline_edit) == "オフラインで入力した実績");
  CHECK(a.outbox().empty());
  const auto plan = a.plan().value();
  REQUIRE(plan.find_item(new_row));
  CHECK(plan.find_item(new_row)->title == "新たに加えた事業");
  REQUIRE(plan.find_item(heading_id));
  const auto* listed = plan.find_item(f.p.solo_row);
  REQUIRE(listed);
  REQUIRE(listed->relistings.size() == 1);
  CHECK(listed->relistings[0].parent_id == heading_id);
  CHECK(a.value_of(offline_edit) == "オフラインで入力した実績");
  CHECK(a.value_of({f.p.shared_row, f.p.fukushi, 2023, "progress"}) == "取りまとめの追記 4");

  // And the new row takes its edits like any other.
  const cell_key on_new_row{new_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(a.edit(on_new_row, "新しい行の実績"));
  REQUIRE(f.sync(a));
  CHECK(f.server_value(on_new_row) == "新しい行の実績");
}

TEST_CASE("a row moved under another heading while a desktop was offline keeps its edits",
          "[client][structure]") {
  client_fixture f;
  auto a = f.sign_in("fukushi1");
  const cell_key reported{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(a.edit(reported, "移動前に送った実績"));
  REQUIRE(f.sync(a));
  const cell_key offline_edit{f.p.solo_row, f.p.fukushi, 2023, "reason"};
  REQUIRE(a.edit(offline_edit, "移動の間にオフラインで入力"));

  // The city reorganises its plan: the row goes under a new heading, with
  // the number it is printed with there.
  auto admin = f.server_store();
  const auto heading_id = add_second_goal(admin, f.p);
  REQUIRE(admin.move_item(f.p.solo_row, heading_id, "(1)"));

  REQUIRE(f.sync(a));
  // The edit made offline landed on the row, wherever it is now listed.
  CHECK(f.server_value(offline_edit) == "移動の間にオフラインで入力");
  CHECK(a.outbox().empty());
  const auto plan = a.plan().value();
  const auto* moved = plan.find_item(f.p.solo_row);
  REQUIRE(moved);
  CHECK(moved->parent_id == heading_id);
  CHECK(moved->label == "(1)");
  CHECK(moved->owner_ids == std::vector<record_id>{f.p.fukushi});
  // What was reported before stays with it, as do its entry and history.
  CHECK(a.value_of(reported) == "移動前に送った実績");
  CHECK(admin.history_of(reported).size() == 1);
  // Under its new heading, after the heading itself (tree order).
  std::size_t heading_at = 0, row_at = 0;
  for (std::size_t i = 0; i < plan.items.size(); ++i) {
    if (plan.items[i].id == heading_id) heading_at = i;
    if (plan.items[i].id == f.p.solo_row) row_at = i;
  }
  CHECK(heading_at < row_at);
}

TEST_CASE("a row moves only under a heading of the level above it, in its own plan",
          "[store][structure]") {
  store_fixture f;
  const auto before = f.s.load_plan_index(f.p.plan_id).value();
  const auto version_before = f.s.structure_version(f.p.plan_id);
  // Under a row, or under itself: a row is not a heading.
  auto under_row = f.s.move_item(f.p.solo_row, f.p.shared_row);
  REQUIRE_FALSE(under_row);
  CHECK(under_row.error().code == errc::invalid_value);
  CHECK(under_row.error().message.find("目標") != std::string::npos);  // says where it may go
  CHECK_FALSE(f.s.move_item(f.p.solo_row, f.p.solo_row));
  // A heading to the top level is where it is already; nothing else moves it.
  CHECK_FALSE(f.s.move_item(f.p.goal, f.p.goal));
  // Unknown items.
  CHECK(f.s.move_item(9999, f.p.goal).error().code == errc::not_found);
  CHECK(f.s.move_item(f.p.solo_row, 9999).error().code == errc::not_found);
  // Nothing changed, not even the structure's number.
  const auto after = f.s.load_plan_index(f.p.plan_id).value();
  CHECK(f.s.structure_version(f.p.plan_id) == version_before);
  REQUIRE(after.items.size() == before.items.size());
  for (std::size_t i = 0; i < after.items.size(); ++i) {
    CHECK(after.items[i].parent_id == before.items[i].parent_id);
    CHECK(after.items[i].label == before.items[i].label);
  }
}
