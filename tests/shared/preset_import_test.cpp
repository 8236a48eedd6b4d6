// The three sample reports imported with their presets. Every expected count
// here was established by reading presets/samples/*.tsv by hand; the spot
// checks compare values with the file's own bytes.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <functional>
#include <sstream>

#include "matome/import/sheet_import.h"
#include "matome/sheet/read_workbook.h"
#include "matome/store/store.h"
#include "support/temp_dir.h"

using namespace matome;
using namespace matome::import;

namespace {

const std::string presets = MATOME_PRESETS_DIR;

sheet_import import_sample(const std::string& city) {
  auto m = read_preset(presets, city);
  REQUIRE(m.has_value());
  auto book = sheet::read_workbook_file(presets + "/samples/" + city + ".tsv");
  REQUIRE(book.has_value());
  return build_plan_file(*book, *m);
}

// The sample file's cell, 1-based line and A-based column, as extracted.
std::string sample_cell(const std::string& city, int line, char column) {
  std::ifstream in(presets + "/samples/" + city + ".tsv");
  std::string text;
  for (int i = 0; i < line; ++i) std::getline(in, text);
  std::stringstream fields(text);
  std::string field;
  for (int i = 0; i <= column - 'A'; ++i) std::getline(fields, field, '\t');
  return field;
}

const plan_file_item* find_row(const std::vector<plan_file_item>& items, const std::string& label) {
  for (const auto& item : items) {
    if (item.children.empty() && item.label == label) return &item;
    if (const auto* found = find_row(item.children, label)) return found;
  }
  return nullptr;
}

const plan_file_report& report_of(const plan_file_item& row, const std::string& department,
                                  int year) {
  for (const auto& r : row.reports) {
    if (r.department == department && r.year == year) return r;
  }
  FAIL("no report of " << department << " for " << year << " on " << row.title);
  throw;
}

std::vector<std::string> problems_of(const sheet_import& result, severity level) {
  std::vector<std::string> out;
  for (const auto& p : result.problems) {
    if (p.level == level) out.push_back(p.where + ": " + p.message);
  }
  return out;
}

}  // namespace

TEST_CASE("坂戸市: the whole sample becomes a plan with its tree, owners, grades and years",
          "[import][preset]") {
  const sheet_import result = import_sample("sakado");
  INFO(describe(result));
  CHECK(problems_of(result, severity::error).empty());
  const import_counts c = result.counts();
  CHECK(c.items_per_level == std::vector<int>{1, 2, 5});  // 基本目標1, (1)(2), No.1–5
  CHECK(c.rows == 5);
  CHECK(c.shared_rows == 1);  // No.2: 高齢者福祉課 福祉総務課
  CHECK(c.rows_per_owner == std::map<std::string, int>{{"こども支援課", 1},
                                                       {"保育課", 1},
                                                       {"市民生活課", 1},
                                                       {"福祉総務課", 1},
                                                       {"高齢者福祉課", 2}});
  CHECK(c.grades.at("高齢者福祉課") == std::map<std::string, int>{{"評価 A", 1}, {"評価 B", 1}});
  CHECK(c.grades.at("保育課") == std::map<std::string, int>{{"評価 D", 1}});
  CHECK(c.grades.at("市民生活課") == std::map<std::string, int>{{"評価 B", 1}});
  // R1: the indicator of rows 1, 2 (both owners), 3 and 5; No.4 wrote 未実施.
  CHECK(c.values_per_year.at(2019) == 5);
  // R5: six entries × (実績, 課題, 対応策, 評価) + five indicators + five plan marks.
  CHECK(c.values_per_year.at(2023) == 34);
  CHECK(c.notes == 5);
  // The five 未実施 are reported, one per cell.
  const auto warnings = problems_of(result, severity::warning);
  REQUIRE(warnings.size() == 5);
  CHECK(warnings[0].starts_with("sakado!N27: 「未実施」は数値ではありません"));

  const auto& goal = result.file.items.at(0);
  CHECK(goal.label == "1");
  CHECK(goal.title == "コミュニティの活性化");
  CHECK(goal.description == "安心で住みよい地域をつくります");
  CHECK(goal.children.at(0).label == "(1)");
  CHECK(goal.children.at(0).page_ref == "P57~58");
  CHECK(goal.children.at(1).title == "集いの場の充実");

  const plan_file_item* shared = find_row(result.file.items, "2");
  REQUIRE(shared);
  CHECK(shared->owners == std::vector<std::string>{"koreisha-fukushi", "fukushi-somu"});
  // Free text byte for byte, for each owner of the shared row.
  const std::string written = sample_cell("sakado", 18, 'J');
  REQUIRE(written.find("・第1層協議体会議") != std::string::npos);
  CHECK(report_of(*shared, "koreisha-fukushi", 2023).values.at("result") == written);
  CHECK(report_of(*shared, "fukushi-somu", 2023).values.at("result") == written);
  CHECK(shared->plan_values.at("content") == sample_cell("sakado", 18, 'I'));
  CHECK(shared->plan_values.at("plan_marks@2024") == "○");

  const plan_file_item* kids = find_row(result.file.items, "3");
  REQUIRE(kids);
  CHECK(report_of(*kids, "kodomo-shien", 2019).values.at("indicator") == "11750");  // 11,750人
  CHECK(report_of(*kids, "kodomo-shien", 2023).values.at("indicator") == "42001");
  CHECK(report_of(*kids, "kodomo-shien", 2023).status == entry_status::accepted);
  CHECK(report_of(*kids, "kodomo-shien", 2019).status == entry_status::draft);
  const plan_file_item* first = find_row(result.file.items, "1");
  CHECK(report_of(*first, "shimin-seikatsu", 2023).values.at("indicator") == "65.4");  // 65.4%
  CHECK(first->plan_values.at("indicator_goal") == "現状維持 (69%)");
  const plan_file_item* nursery = find_row(result.file.items, "4");
  CHECK(report_of(*nursery, "hoiku", 2019).notes.at(0) == "⑤指標の実績 (2019年度): 「未実施」");
  CHECK(report_of(*nursery, "hoiku", 2023).values.at("grade") == "D");
  CHECK(result.file.finalized_years == std::vector<int>{2019, 2020, 2021, 2022});
}

TEST_CASE("鶴ヶ島市: shifted columns, continuation lines, 同左 and checkboxes",
          "[import][preset]") {
  const sheet_import result = import_sample("tsurugashima");
  INFO(describe(result));
  CHECK(problems_of(result, severity::error).empty());
  const import_counts c = result.counts();
  // 基本目標1 › 取組の方向性 1–3 › (1)… thirteen 施策 › No.1–45 (No.46, the
  // file's cut-off last row, has no department and is left out, said below).
  CHECK(c.items_per_level == std::vector<int>{1, 3, 13, 45});
  CHECK(c.rows == 45);
  CHECK(c.shared_rows == 1);  // No.8: 子ども支援課 福祉政策課
  CHECK(c.rows_per_owner.size() == 11);
  CHECK(c.rows_per_owner.at("地域活動推進課") == 12);
  CHECK(c.rows_per_owner.at("福祉政策課") == 8);
  CHECK(c.rows_per_owner.at("こども支援課") == 5);
  CHECK(c.rows_per_owner.at("政策推進課") == 1);  // written 政策推進課 (女性センター)
  CHECK(c.grades.at("政策推進課").at("中間評価 ◎") == 1);
  CHECK(c.grades.at("福祉政策課").at("中間評価 ◎") == 1);
  CHECK(c.grades.at("福祉政策課").at("中間評価 ○") == 7);
  CHECK(c.values_per_year.at(2017) == 46);  // 29年度: one text per entry
  CHECK(c.values_per_year.at(2018) == 229);  // 30年度 text, 評価, 良かった点, 方向性 (45), 理由
  const auto warnings = problems_of(result, severity::warning);
  CHECK(std::count_if(warnings.begin(), warnings.end(), [](const std::string& w) {
          return w.starts_with("tsurugashima!129: 「多職種協働の促進」には担当課がない");
        }) == 1);
  CHECK(std::count_if(warnings.begin(), warnings.end(), [](const std::string& w) {
          return w.starts_with("tsurugashima!I58:") &&
                 w.find("印の付いた選択肢がありません") != std::string::npos;
        }) == 1);

  const plan_file_item* second = find_row(result.file.items, "2");
  REQUIRE(second);
  CHECK(second->page_ref == "P27");
  CHECK(second->owners == std::vector<std::string>{"fukushi-seisaku"});
  CHECK(second->description == sample_cell("tsurugashima", 9, 'C'));  // the continuation line
  const std::string h29 = sample_cell("tsurugashima", 8, 'F');
  REQUIRE(sample_cell("tsurugashima", 8, 'G') == "同左");
  CHECK(report_of(*second, "fukushi-seisaku", 2017).values.at("achievement") == h29);
  CHECK(report_of(*second, "fukushi-seisaku", 2018).values.at("achievement") == h29);  // 同左
  CHECK(report_of(*second, "fukushi-seisaku", 2018).values.at("direction") == "継続");
  CHECK(report_of(*second, "fukushi-seisaku", 2018).status == entry_status::accepted);
  CHECK(report_of(*second, "fukushi-seisaku", 2017).status == entry_status::draft);

  // 同左 with more after it is the department's own words: kept as written.
  const plan_file_item* fifth = find_row(result.file.items, "5");
  CHECK(report_of(*fifth, "koreisha-fukushi", 2018).values.at("achievement") ==
        sample_cell("tsurugashima", 15, 'G'));
  // A checkbox list split over the row and its continuation line.
  const plan_file_item* twentieth = find_row(result.file.items, "20");
  CHECK(report_of(*twentieth, "kodomo-shien", 2018).values.at("direction") == "継続");
  // The shared row: both departments report, with the same words.
  const plan_file_item* eighth = find_row(result.file.items, "8");
  CHECK(eighth->owners == std::vector<std::string>{"kodomo-shien", "fukushi-seisaku"});
  CHECK(report_of(*eighth, "fukushi-seisaku", 2018).values.at("evaluation") == "○");

  const auto& goal = result.file.items.at(0);
  CHECK(goal.title == "地域のふれあいで支え合いの仕組みをつくろう");
  CHECK(goal.children.at(0).title == "見守り、受け止めるシステムづくり");
  CHECK(goal.children.at(1).children.at(0).title == "高齢者のふれあい・交流の促進");
}

TEST_CASE("北本市: every row of the noisy sample, garbled letters and names included",
          "[import][preset]") {
  const sheet_import result = import_sample("kitamoto");
  INFO(describe(result));
  CHECK(problems_of(result, severity::error).empty());
  const import_counts c = result.counts();
  // Five 目標, thirteen 施策, 29 取組 (headings repeated on every page are
  // one each), and every line with a 事業主体: 109 rows.
  CHECK(c.items_per_level == std::vector<int>{5, 13, 29, 109});
  CHECK(c.rows == 109);
  CHECK(c.shared_rows == 23);
  CHECK(c.rows_per_owner == std::map<std::string, int>{{"くらし安全課", 10},
                                                       {"人権推進課", 2},
                                                       {"健康づくり課", 8},
                                                       {"共生福祉課", 26},
                                                       {"子育て支援課", 9},
                                                       {"学校教育課", 4},
                                                       {"市民課", 1},
                                                       {"市長公室", 1},
                                                       {"政策推進課", 1},
                                                       {"生涯学習課", 10},
                                                       {"社協", 36},
                                                       {"総務課", 1},
                                                       {"障がい福祉課", 12},
                                                       {"高齢介護課", 29}});
  CHECK(c.values_per_year.size() == 1);  // R5 only
  CHECK(c.notes == 8);  // Ь, R, ٨, R and D (three owners and one) kept as comments

  const auto& first_goal = result.file.items.at(0);
  CHECK(first_goal.label == "1");
  CHECK(first_goal.title == "すべての世代に福祉の心を広げる意識づくり");
  const auto& first_policy = first_goal.children.at(0);
  CHECK(first_policy.title == "福祉の心を育む学習機会の充実");
  CHECK(first_policy.description == sample_cell("kitamoto", 3, 'B'));  // once, not per page
  // 公共施設事業 (line 61) continues 取組① of 施策I-2 from the page before.
  const auto& second_policy = first_goal.children.at(1);
  REQUIRE(second_policy.children.size() == 2);
  const auto& first_action = second_policy.children.at(0);
  CHECK(first_action.label == "①");
  CHECK(first_action.children.back().title == "公共施設事業");

  auto row = [&](const std::string& title) {
    std::function<const plan_file_item*(const std::vector<plan_file_item>&)> walk =
        [&](const std::vector<plan_file_item>& items) -> const plan_file_item* {
      for (const auto& i : items) {
        if (i.children.empty() && i.title == title) return &i;
        if (const auto* f = walk(i.children)) return f;
      }
      return nullptr;
    };
    const plan_file_item* found = walk(result.file.items);
    REQUIRE(found);
    return found;
  };
  // Free text byte for byte; grades in Greek and Cyrillic letters read as A, C.
  const auto* education = row("福祉教育");
  CHECK(report_of(*education, "gakkou", 2023).values.at("progress") ==
        sample_cell("kitamoto", 11, 'D'));
  CHECK(report_of(*row("社会人権教育推進事業"), "shogai", 2023).values.at("grade") == "A");
  CHECK(report_of(*row("福祉の心を育む交流事業"), "shakyo", 2023).values.at("grade") == "C");
  // Grades written after each owner's name in the 事業主体 cell.
  const auto* sources = row("地域資源を活かした情報の発信");
  CHECK(sources->owners == std::vector<std::string>{"kyosei", "koshitsu", "shakyo"});
  CHECK(report_of(*sources, "kyosei", 2023).values.at("grade") == "B");
  CHECK(report_of(*sources, "koshitsu", 2023).values.at("grade") == "B");
  CHECK(report_of(*sources, "shakyo", 2023).values.at("grade") == "A");
  // Names run together: 高齢介護課共生福祉課障がい福祉課.
  CHECK(row("緊急時(災害時など)に 備えた対策")->owners ==
        std::vector<std::string>{"kourei", "kyosei", "shougai"});
  // A shared cell split by 【課名】: each owner gets its own part.
  const auto* supporters = row("各種サポーターの養成");
  CHECK(report_of(*supporters, "kenkou", 2023).values.at("reason") ==
        "健康長寿サポーター養成講座の実施 により、サポーター養成を推進する");
  CHECK(report_of(*supporters, "kourei", 2023)
            .values.at("next_goal")
            .starts_with("介護予防サポーター講座等を通じて"));
}

TEST_CASE("An unknown preset says which ones there are", "[import]") {
  auto missing = read_preset(presets, "hatoyama");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().message.ends_with("使えるのは kitamoto、sakado、tsurugashima です。"));
  CHECK_FALSE(read_preset(presets, "../sakado").has_value());
}

TEST_CASE("A dry run writes nothing; the real run writes the plan in one go", "[import][preset]") {
  test::temp_dir dir;
  auto s = store::open(dir.file("master.db"));
  REQUIRE(s.has_value());
  const sheet_import result = import_sample("sakado");
  CHECK(s->plan_ids().empty());  // building and describing never touch a store

  auto summary = write_import(*s, result, hash_cost::minimal);
  REQUIRE(summary.has_value());
  CHECK(summary->rows == 5);
  auto index = s->load_plan_index(summary->plan_id);
  REQUIRE(index.has_value());
  const plan_item* kids = nullptr;
  for (const auto& item : index->items) {
    if (item.label == "3" && index->plan.is_row(item)) kids = &item;
  }
  REQUIRE(kids);
  const record_id department = kids->owner_ids.at(0);
  auto cell = s->find_cell({kids->id, department, 2019, "indicator"});
  REQUIRE(cell);
  CHECK(cell->value == "11750");
  CHECK(s->find_entry({kids->id, department, 2023}).status == entry_status::accepted);
  CHECK(s->finalized_years(summary->plan_id) == std::vector<int>{2019, 2020, 2021, 2022});
}

TEST_CASE("A grade that is not an option is an error at its cell, and nothing is written",
          "[import]") {
  test::temp_dir dir;
  std::ifstream in(presets + "/samples/sakado.tsv", std::ios::binary);
  std::string text{std::istreambuf_iterator<char>(in), {}};
  const std::string grade = "\tB\t現状維持 (69%)";
  REQUIRE(text.find(grade) != std::string::npos);
  text.replace(text.find(grade), grade.size(), "\tＢ＋\t現状維持 (69%)");
  std::ofstream(dir.file("sakado.tsv"), std::ios::binary) << text;

  auto m = read_preset(presets, "sakado");
  REQUIRE(m.has_value());
  auto book = sheet::read_workbook_file(dir.file("sakado.tsv").string());
  REQUIRE(book.has_value());
  const sheet_import result = build_plan_file(*book, *m);
  CHECK(problems_of(result, severity::error) ==
        std::vector<std::string>{"sakado!S17: 「Ｂ＋」は A、B、C、D のいずれでもありません。"});

  auto s = store::open(dir.file("master.db"));
  REQUIRE(s.has_value());
  auto refused = write_import(*s, result, hash_cost::minimal);
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error().message.find("--dry-run") != std::string::npos);
  CHECK(s->plan_ids().empty());
}

TEST_CASE("Importing the same sheet twice adds nothing; a changed cell updates that cell only",
          "[import]") {
  test::temp_dir dir;
  auto s = store::open(dir.file("master.db"));
  REQUIRE(s.has_value());
  auto first = write_import(*s, import_sample("sakado"), hash_cost::minimal);
  REQUIRE(first.has_value());
  const auto items_before = s->load_plan_index(first->plan_id).value().items.size();
  const auto seq_before = s->last_seq();

  auto again = write_import(*s, import_sample("sakado"), hash_cost::minimal);
  REQUIRE(again.has_value());
  CHECK(again->updated);
  CHECK(again->plan_id == first->plan_id);
  CHECK(again->items == 0);
  CHECK(again->cells == 0);
  CHECK(again->departments == 0);
  CHECK(s->load_plan_index(first->plan_id).value().items.size() == items_before);
  CHECK(s->last_seq() == seq_before);  // not one change, comment or status step

  // The department corrected one R5 result in the workbook.
  std::ifstream in(presets + "/samples/sakado.tsv", std::ios::binary);
  std::string text{std::istreambuf_iterator<char>(in), {}};
  const std::string old_result = sample_cell("sakado", 26, 'J');
  text.replace(text.find(old_result), old_result.size(), "つどいの広場を3か所に増やしました。");
  std::ofstream(dir.file("sakado.tsv"), std::ios::binary) << text;
  auto m = read_preset(presets, "sakado");
  auto book = sheet::read_workbook_file(dir.file("sakado.tsv").string());
  REQUIRE(book.has_value());
  auto corrected = write_import(*s, build_plan_file(*book, *m), hash_cost::minimal);
  INFO((corrected ? std::string() : corrected.error().message));
  REQUIRE(corrected.has_value());
  CHECK(corrected->cells == 1);
  auto index = s->load_plan_index(first->plan_id).value();
  CHECK(index.items.size() == items_before);
  for (const auto& item : index.items) {
    if (item.label != "3" || !index.plan.is_row(item)) continue;
    auto cell = s->find_cell({item.id, item.owner_ids.at(0), 2023, "result"});
    REQUIRE(cell);
    CHECK(cell->value == "つどいの広場を3か所に増やしました。");
    CHECK(s->history_of(cell->key).size() == 2);  // the import, then the correction
  }
}

TEST_CASE("A re-import that would change a finalized year changes nothing at all", "[import]") {
  test::temp_dir dir;
  auto s = store::open(dir.file("master.db"));
  REQUIRE(s.has_value());
  REQUIRE(write_import(*s, import_sample("sakado"), hash_cost::minimal).has_value());
  const auto seq_before = s->last_seq();

  std::ifstream in(presets + "/samples/sakado.tsv", std::ios::binary);
  std::string text{std::istreambuf_iterator<char>(in), {}};
  // R5's result of No.1 and R1's indicator of No.3 (a finalized year).
  const std::string result = sample_cell("sakado", 17, 'J');
  text.replace(text.find(result), result.size(), "変更した実績");
  text.replace(text.find("11,750人"), std::string("11,750人").size(), "11,751人");
  std::ofstream(dir.file("sakado.tsv"), std::ios::binary) << text;
  auto m = read_preset(presets, "sakado");
  auto book = sheet::read_workbook_file(dir.file("sakado.tsv").string());
  auto refused = write_import(*s, build_plan_file(*book, *m), hash_cost::minimal);
  REQUIRE_FALSE(refused.has_value());
  CHECK(s->last_seq() == seq_before);
}
