// Each sample, imported with its preset, printed in the layout the preset
// gave the plan, as XLSX read back: every row under the sample's headers.
#include <catch2/catch.hpp>
#include <fstream>
#include <set>

#include "matome/import/sheet_import.h"
#include "matome/report/report_xlsx.h"
#include "matome/sheet/read_workbook.h"
#include "support/catch_result.h"
#include "support/temp_dir.h"

using namespace matome;

namespace {

const std::string presets = MATOME_PRESETS_DIR;

struct printed {
  report_document doc;
  sheet::worksheet sheet;
  std::set<std::string> row_titles;  // in the store
};

printed print_sample(const std::string& city, test::temp_dir& dir) {
  auto m = import::read_preset(presets, city);
  REQUIRE(m.has_value());
  auto book = sheet::read_workbook_file(presets + "/samples/" + city + ".tsv");
  REQUIRE(book.has_value());
  auto s = store::open(dir.file(city + ".db")).value();
  auto imported = import::write_import(s, import::build_plan_file(*book, *m), hash_cost::minimal);
  REQUIRE(imported.has_value());
  auto index = s.load_plan_index(imported->plan_id).value();
  // The preset's layout came in with the plan: it prints without a layout file.
  REQUIRE_FALSE(index.plan.report_layout.empty());
  auto layout = read_layout("", index.plan);
  REQUIRE(layout.has_value());
  printed out;
  out.doc = build_report(index, store_source(s), *layout, {index.plan.report_year});
  const auto path = dir.file(city + ".xlsx");
  REQUIRE(write_report_xlsx(out.doc, path.string()));
  auto sheet = sheet::read_workbook_file(path.string());
  REQUIRE(sheet.has_value());
  out.sheet = sheet->sheets.at(0);
  for (const auto& item : index.items) {
    if (index.plan.is_row(item)) out.row_titles.insert(item.title);
  }
  return out;
}

// Every text of the sheet, to look for a cell's text anywhere.
std::set<std::string> texts(const sheet::worksheet& sheet) {
  std::set<std::string> out;
  for (const auto& row : sheet.rows) out.insert(row.begin(), row.end());
  return out;
}

}  // namespace

TEST_CASE("Each sample prints in its own layout, every row in the sheet", "[report][preset]") {
  test::temp_dir dir;
  for (const std::string city : {"sakado", "kitamoto", "tsurugashima"}) {
    INFO(city);
    const printed p = print_sample(city, dir);
    const auto all = texts(p.sheet);
    for (const auto& title : p.row_titles) {
      INFO(title);
      CHECK(all.contains(title));
    }
  }
}

TEST_CASE("坂戸市 prints its plan marks under one header, 鶴ヶ島市 its checkboxes and both years",
          "[report][preset]") {
  test::temp_dir dir;
  const printed sakado = print_sample("sakado", dir);
  CHECK(sakado.doc.title == "第3期坂戸市地域福祉計画 取組一覧 令和5年度実績報告");
  const auto marks = std::ranges::find(sakado.doc.group_headers, "①年度計画");
  REQUIRE(marks != sakado.doc.group_headers.end());
  CHECK(std::ranges::count(sakado.doc.group_headers, "①年度計画") == 6);  // R1 … R6
  const auto all = texts(sakado.sheet);
  CHECK(all.contains(
      "【高齢者福祉課】・第1層協議体会議を1回開催しました。 "
      "・第2層協議体会議(地域ミーティング)"
      "を年2回×5圏域、合計10回開催しました。\n【福祉総務課】・第1層協議体会議を1回開催しました。 "
      "・第2層協議体会議(地域ミーティング)を年2回×5圏域、合計10回開催しました。"));
  CHECK(all.contains("高齢者福祉課B 福祉総務課B"));  // a shared row's grades

  // 北本市 prints the grades' meanings under every 施策, as its report does.
  const printed kitamoto = print_sample("kitamoto", dir);
  const auto legends = std::ranges::count_if(kitamoto.doc.lines, [](const report_line& l) {
    return l.type == report_line::kind::section &&
           l.text.starts_with("事業評価\nA　具体的な施策に着手し");
  });
  CHECK(legends == 13);

  const printed tsurugashima = print_sample("tsurugashima", dir);
  const auto t = texts(tsurugashima.sheet);
  CHECK(t.contains("拡充 ☐ 継続 ☑ 見直し ☐ 廃止 ☐"));
  CHECK(t.contains(
      "本計画に位置付けられている様々な事業を実施することにより、意識の醸成を図っている。"));
}
