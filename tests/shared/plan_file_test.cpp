#include "matome/plan_file/plan_file.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "matome/auth/password.h"
#include "matome/store/store.h"
#include "support/catch_result.h"
#include "support/temp_dir.h"
#include "support/test_plan.h"

using namespace matome;

namespace {
std::string demo_text() {
  std::ifstream in(MATOME_DEMO_PLAN);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}
}  // namespace

TEST_CASE("the demo plan loads with the structure of 北本市's report", "[plan_file][demo]") {
  test::temp_dir dir;
  store s = test::open_store(dir.file("demo.db"));
  auto summary = import_plan_file(s, std::string(MATOME_DEMO_PLAN), hash_cost::minimal).value();

  CHECK(summary.rows >= 20);
  CHECK(summary.departments >= 6);
  const auto index = s.load_plan_index(summary.plan_id).value();
  const auto& p = index.plan;
  CHECK(p.city == "北本市");
  CHECK(p.first_year == 2022);
  CHECK(p.last_year == 2026);
  CHECK(p.report_year == 2024);
  CHECK(p.level_names == std::vector<std::string>{"目標", "施策", "取組", "事業"});

  // The template of sample 001, grades with their printed definitions, and
  // what a richer report has: a section on the 目標, the 17 SDGs, a table.
  std::vector<std::string> keys;
  for (const auto& f : p.tmpl.fields) keys.push_back(f.key);
  CHECK(keys == std::vector<std::string>{"goal_background", "content", "final_goal", "sdgs",
                                         "progress", "grade", "reason", "activities", "next_goal",
                                         "indicator_name", "indicator", "indicator_target"});
  CHECK(p.tmpl.find("goal_background")->level == 0);
  CHECK(p.tmpl.find("sdgs")->options.size() == 17);
  CHECK(p.tmpl.find("sdgs")->options[16].definition == "パートナーシップで目標を達成しよう");
  CHECK(p.tmpl.find("activities")->type == field_type::table);
  CHECK(p.tmpl.find("activities")->columns.size() == 3);
  const auto* indicator = p.tmpl.find("indicator");
  REQUIRE(indicator != nullptr);
  CHECK(indicator->type == field_type::year_series);
  CHECK(indicator->element_type == field_type::number);
  const auto* grade = p.tmpl.find("grade");
  REQUIRE(grade->options.size() == 3);
  CHECK(grade->options[0].value == "A");
  CHECK(grade->options[0].definition.find("堅調に推移") != std::string::npos);
  CHECK(p.tmpl.find("content")->scope == field_scope::plan);

  int goals = 0, rows = 0, shared_two = 0, shared_three = 0, relisted = 0;
  for (const auto& item : index.items) {
    if (item.level == 0) ++goals;
    if (p.is_row(item)) ++rows;
    if (item.owner_ids.size() == 2) ++shared_two;
    if (item.owner_ids.size() == 3) ++shared_three;
    relisted += static_cast<int>(item.relistings.size());
  }
  CHECK(goals >= 3);
  CHECK(rows == summary.rows);
  CHECK(shared_two >= 1);
  CHECK(shared_three >= 1);
  CHECK(relisted >= 1);

  auto departments = s.departments();
  CHECK(std::ranges::any_of(departments,
                            [](const department& d) { return d.name == "社協" && d.external; }));

  // Demo users: coord and one per department, all with the password "demo".
  auto coord = s.find_user("coord").value();
  CHECK(coord.role == role::coordinator);
  CHECK(verify_password(coord.password_hash, "demo"));
  CHECK_FALSE(verify_password(coord.password_hash, "wrong"));
  for (const auto& d : departments) {
    auto user = s.find_user(d.code).value();
    CHECK(user.department_id == d.id);
    CHECK(verify_password(user.password_hash, "demo"));
  }
}

TEST_CASE("the demo's values went through the real workflow", "[plan_file][demo]") {
  test::temp_dir dir;
  store s = test::open_store(dir.file("demo.db"));
  auto summary = import_plan_file(s, std::string(MATOME_DEMO_PLAN), hash_cost::minimal).value();
  const auto index = s.load_plan_index(summary.plan_id).value();
  std::set<entry_status> seen_r6;
  int accepted_r5 = 0;
  for (const auto& item : index.items) {
    for (record_id d : item.owner_ids) {
      if (s.find_entry({item.id, d, 2023}).status == entry_status::accepted) ++accepted_r5;
      seen_r6.insert(s.find_entry({item.id, d, 2024}).status);
    }
  }
  CHECK(accepted_r5 >= 20);
  CHECK(seen_r6.contains(entry_status::not_started));
  CHECK(seen_r6.contains(entry_status::draft));
  CHECK(seen_r6.contains(entry_status::submitted));
  CHECK(seen_r6.contains(entry_status::returned));
  CHECK(s.last_seq() > summary.cells);  // every value and step has its own sequence number
}

// The soak's fuzzers found "0e-61pa": RapidJSON 1.1 parses such exponents
// with undefined behaviour. A plan file's numbers are whole or short
// fractions; an exponent is refused before any parser sees it.
TEST_CASE("a plan file with an exponent is refused before parsing", "[plan_file]") {
  for (const char* bytes : {"0e-61pa", R"({"format":"matome-plan","version":1e2})"}) {
    INFO(bytes);
    auto parsed = parse_plan_file(bytes);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().code == errc::invalid_argument);
    CHECK(parsed.error().message.find("計画ファイルに指数つきの数値") != std::string::npos);
  }
}

TEST_CASE("a bad plan file is refused with the path of the problem and changes nothing",
          "[plan_file]") {
  test::temp_dir dir;
  store s = test::open_store(dir.file("master.db"));

  auto not_json = parse_plan_file("これはJSONではありません");
  REQUIRE_FALSE(not_json);
  CHECK(not_json.error().message.find("not valid JSON") != std::string::npos);

  auto other_format = parse_plan_file(R"({"format":"something-else","version":1})");
  REQUIRE_FALSE(other_format);
  CHECK(other_format.error().message.find("not a Matome plan file") != std::string::npos);

  auto newer = parse_plan_file(R"({"format":"matome-plan","version":99})");
  REQUIRE_FALSE(newer);
  CHECK(newer.error().code == errc::unsupported_version);

  std::string text = demo_text();
  auto wrong_type = text;
  wrong_type.replace(wrong_type.find("\"first_year\": \"R4\""),
                     std::string("\"first_year\": \"R4\"").size(), "\"first_year\": true");
  auto typed = parse_plan_file(wrong_type);
  REQUIRE_FALSE(typed);
  CHECK(typed.error().message.find("$.plan.first_year") != std::string::npos);

  // An owner that is not a department: found only during import, which must roll back.
  auto parsed = parse_plan_file(text);
  REQUIRE(parsed);
  // The last row of the tree gets an owner that is not among the departments.
  auto* last = &parsed->items.back();
  while (!last->children.empty()) last = &last->children.back();
  last->owners.back() = "nobody";
  auto imported = import_plan_file(s, *parsed, hash_cost::minimal);
  REQUIRE_FALSE(imported);
  CHECK(imported.error().message.find("nobody") != std::string::npos);
  CHECK(s.departments().empty());
  CHECK(s.plan_ids().empty());
  CHECK(s.users().empty());
}

TEST_CASE("a plan file with a value the template does not allow is refused whole", "[plan_file]") {
  test::temp_dir dir;
  store s = test::open_store(dir.file("master.db"));
  auto text = demo_text();
  const std::string grade = "\"grade\": \"A\"";
  text.replace(text.find(grade), grade.size(), "\"grade\": \"S\"");
  auto imported = import_plan_file(s, parse_plan_file(text).value(), hash_cost::minimal);
  REQUIRE_FALSE(imported);
  CHECK(imported.error().message.find("事業評価") != std::string::npos);
  CHECK(s.plan_ids().empty());
}
