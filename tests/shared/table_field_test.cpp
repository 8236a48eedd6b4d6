// Table fields (rows of typed columns in one cell) and sections (plan fields
// on headings): the template rules, the stored form, and the store's checks.
#include <catch2/catch.hpp>

#include "matome/domain/cell.h"
#include "matome/domain/table_value.h"
#include "matome/plan_file/plan_file.h"
#include "matome/store/store.h"
#include "support/catch_result.h"
#include "support/temp_dir.h"

using namespace matome;

namespace {

template_field indicators() {
  template_field f;
  f.key = "indicators";
  f.label = "指標";
  f.type = field_type::table;
  f.scope = field_scope::report;
  f.columns = {{"name", "指標名", field_type::short_text, {}, 0, true},
               {"unit", "単位", field_type::single_choice, {"人", "回", "%"}, 0, false},
               {"value", "実績", field_type::number, {}, 0, false},
               {"note", "備考", field_type::long_text, {}, 20, false}};
  return f;
}

}  // namespace

TEST_CASE("A table's value is canonical JSON, every cell checked against its column", "[table]") {
  const template_field f = indicators();
  REQUIRE(validate_table_columns(f));
  const std::vector<table_row> rows{{"講座の参加者", "人", "1,229", "前年より増"},
                                    {"開催回数", "回", "11", ""}};
  const std::string stored = write_table_value(f, rows);
  CHECK(stored == R"([{"name":"講座の参加者","unit":"人","value":"1,229","note":"前年より増"},)"
                  R"({"name":"開催回数","unit":"回","value":"11","note":""}])");
  CHECK(validate_value(f, stored));
  CHECK(parse_table_value(f, stored).value() == rows);
  // Typed in another order or spacing: canonical after a round trip, refused as is.
  const std::string typed = R"([ {"value":"11","name":"開催回数"} ])";
  CHECK_FALSE(validate_value(f, typed));
  CHECK(canonical_table_value(f, typed).value() ==
        R"([{"name":"開催回数","unit":"","value":"11","note":""}])");
  CHECK(table_as_text(f, stored) ==
        "1. 講座の参加者 ｜ 人 ｜ 1,229 ｜ 前年より増\n2. 開催回数 ｜ 回 ｜ 11 ｜ ");

  auto refused = [&](std::vector<table_row> bad) {
    return validate_value(f, write_table_value(f, bad)).error().message;
  };
  CHECK(refused({{"", "人", "1", ""}}) == "表「指標」: 1行目の「指標名」が未入力です。");
  CHECK(refused({{"a", "件", "1", ""}}) == "表「指標」: 1行目の「単位」に「件」は選べません。");
  CHECK(refused({{"a", "", "多い", ""}}) ==
        "表「指標」: 1行目の「実績」は半角の数値で入力してください。");
  CHECK(refused({{"a\nb", "", "", ""}}) ==
        "表「指標」: 1行目の「指標名」は1行で入力してください。");
  CHECK(refused({{"a", "", "", std::string(21, 'x')}}) ==
        "表「指標」: 1行目の「備考」は20文字以内です。");
  CHECK(refused({{"a", "", "", ""}, {"", "", "", ""}}) ==
        "表「指標」: 2行目が空です。空の行は削除してください。");
  CHECK_FALSE(validate_value(f, R"([{"name":"a","colour":"red"}])"));
  CHECK_FALSE(validate_value(f, R"([{"name":1}])"));
  CHECK_FALSE(validate_value(f, "not a table"));
  CHECK(validate_value(f, ""));  // clearing the cell

  template_field no_columns = f;
  no_columns.columns.clear();
  CHECK_FALSE(validate_template({{no_columns}}));
  template_field twice = f;
  twice.columns[1].key = "name";
  CHECK_FALSE(validate_template({{twice}}));
}

TEST_CASE("Sections live on the headings of their level; row fields on rows", "[table]") {
  test::temp_dir dir;
  auto s = store::open(dir.file("master.db")).value();
  const std::string file = R"({
    "format": "matome-plan", "version": 1,
    "plan": {"code": "p", "title": "計画", "first_year": "R5", "last_year": "R7", "report_year": "R6",
             "levels": ["重点事業", "事業"]},
    "departments": [{"code": "fukushi", "name": "福祉課"}],
    "template": [
      {"key": "background", "label": "背景", "type": "long_text", "scope": "plan", "level": 0},
      {"key": "policy", "label": "年度の方針", "type": "year_series", "element_type": "long_text",
       "scope": "plan", "level": 0},
      {"key": "paragraphs", "label": "取組の内容", "type": "table", "scope": "report",
       "columns": [{"key": "heading", "label": "見出し"}, {"key": "text", "label": "本文", "type": "long_text"}]},
      {"key": "sdgs", "label": "SDGs", "type": "multi_choice", "scope": "plan",
       "options": ["1","2","3","4","5","6","7","8","9","10","11","12","13","14","15","16","17"]}
    ],
    "items": [{"label": "1", "title": "地域共生社会の実現",
               "plan_values": {"background": "高齢化が進み…", "policy@2024": "相談窓口を一本化する。"},
               "children": [{"label": "1", "title": "総合相談", "owners": ["fukushi"],
                             "plan_values": {"sdgs": "3\n11"},
                             "reports": [{"department": "fukushi", "year": "R6",
                                          "values": {"paragraphs": "[{\"heading\":\"成果\",\"text\":\"窓口を開設した。\"}]"}}]}]}]
  })";
  auto parsed = parse_plan_file(file);
  REQUIRE(parsed);
  auto imported = import_plan_file(s, *parsed, hash_cost::minimal);
  REQUIRE(imported);
  auto index = s.load_plan_index(imported->plan_id).value();
  const plan_item& heading = index.items.at(0);
  const plan_item& row = index.items.at(1);
  CHECK(s.find_cell({heading.id, 0, 0, "background"})->value == "高齢化が進み…");
  CHECK(s.find_cell({heading.id, 0, 2024, "policy"})->value == "相談窓口を一本化する。");
  CHECK(s.find_cell({row.id, 0, 0, "sdgs"})->value == "3\n11");
  // The template survives the database: columns and levels.
  const template_field* paragraphs = index.plan.tmpl.find("paragraphs");
  REQUIRE(paragraphs->columns.size() == 2);
  CHECK(paragraphs->columns[1].type == field_type::long_text);
  CHECK(index.plan.tmpl.find("background")->level == 0);
  CHECK(index.plan.tmpl.find("sdgs")->level == -1);

  CHECK_FALSE(validate_cell(index.plan, row, {row.id, 0, 0, "background"}, "x"));
  CHECK_FALSE(validate_cell(index.plan, heading, {heading.id, 0, 0, "sdgs"}, "1"));
  CHECK(validate_cell(index.plan, heading, {heading.id, 0, 0, "background"}, "x"));
  CHECK_FALSE(validate_cell(index.plan, row, {row.id, 0, 0, "sdgs"}, "18"));
}

// RapidJSON 1.1 parses some exponents with undefined behaviour (a shift by
// 930 million for 0e-61, found by the soak's fuzzers). A table value is
// JSON inside a pushed string, past the request's own number check: it is
// checked before any parser sees it.
TEST_CASE("a table value with an exponent is refused before parsing", "[table]") {
  const template_field f = indicators();
  for (const char* typed : {R"([{"name":"a","value":0e-61}])", R"([{"name":"a","value":1E9}])",
                            R"([{"name":"a","value":0.0000000000000000000000001}])"}) {
    INFO(typed);
    auto parsed = parse_table_value(f, typed);
    REQUIRE_FALSE(parsed);
    // Says which field, and what to write instead.
    CHECK(parsed.error().message.find("「指標」の値") != std::string::npos);
    CHECK(parsed.error().message.find("数値") != std::string::npos);
    CHECK_FALSE(validate_value(f, typed));
  }
}
