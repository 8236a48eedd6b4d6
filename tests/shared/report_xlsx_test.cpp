// The printed report as XLSX: built from the demo plan with the default
// layout and with a layout file, written with libxlsxwriter and read back
// with the import's own XLSX reader.
#include "matome/report/report_xlsx.h"

#include <catch2/catch.hpp>

#include "matome/plan_file/plan_file.h"
#include "matome/sheet/read_workbook.h"
#include "support/catch_result.h"
#include "support/demo_store.h"
#include "support/temp_dir.h"

using namespace matome;
using matome::test::demo_store;

namespace {

int find_row(const sheet::worksheet& sheet, int column, const std::string& text) {
  for (int r = 0; r < static_cast<int>(sheet.rows.size()); ++r) {
    if (sheet.at(r, column) == text) return r;
  }
  return -1;
}

}  // namespace

TEST_CASE("The report reads as the plan prints: headings, sections, rows, 再掲, shared rows",
          "[report]") {
  demo_store d;
  const auto doc = build_report(d.index, store_source(d.s), default_layout(d.index.plan), {2024});
  CHECK(doc.title == "北本市地域福祉計画（デモ） 令和6年度 進捗状況報告");
  CHECK(doc.two_header_rows());         // the indicator's years under its header
  CHECK(doc.headers.back() == "状態");  // not only accepted entries: each one's status printed
  const auto accepted =
      build_report(d.index, store_source(d.s), default_layout(d.index.plan), {2024, true});
  CHECK(accepted.headers.back() != "状態");
  auto line_with = [&](report_line::kind kind, const std::string& start) {
    return std::ranges::find_if(doc.lines, [&](const report_line& l) {
      return l.type == kind &&
             (l.text.starts_with(start) || (!l.cells.empty() && l.cells[1] == start));
    });
  };
  CHECK(line_with(report_line::kind::heading, "目標1") != doc.lines.end());
  const auto section = line_with(report_line::kind::section, "目標の背景");
  REQUIRE(section != doc.lines.end());
  CHECK(section->text.find("地域のつながりが弱まり") != std::string::npos);
  // A row listed twice prints twice, the second time marked.
  int listed = 0;
  for (const auto& l : doc.lines) {
    if (l.type == report_line::kind::row && l.cells[1] == "認知症サポーター養成講座") {
      ++listed;
      if (listed == 2) CHECK(l.cells[0].ends_with("(再掲)"));
    }
  }
  CHECK(listed == 2);
  // A shared row: one line, each owner's text under its name.
  const auto shared = std::ranges::find_if(doc.lines, [](const report_line& l) {
    return l.type == report_line::kind::row && l.cells[2].find('\n') != std::string::npos;
  });
  REQUIRE(shared != doc.lines.end());
  const auto progress = std::ranges::find(doc.headers, "進捗状況") - doc.headers.begin();
  CHECK(shared->cells[static_cast<std::size_t>(progress)].starts_with("【"));
}

TEST_CASE("The XLSX prints like the report and reads back with the import reader", "[report]") {
  demo_store d;
  const auto doc = build_report(d.index, store_source(d.s), default_layout(d.index.plan), {2023});
  const auto path = d.dir.file("report.xlsx");
  REQUIRE(write_report_xlsx(doc, path.string()));
  auto book = sheet::read_workbook_file(path.string());
  REQUIRE(book.has_value());
  const auto& sheet = book->sheets.at(0);
  CHECK(sheet.name == "令和5年度");
  CHECK(sheet.at(0, 0) == doc.title);
  // Two header rows: a series' header merged over its years.
  const int header = find_row(sheet, 0, "No.");
  REQUIRE(header >= 0);
  const auto indicator =
      std::ranges::find(doc.group_headers, "指標の実績値") - doc.group_headers.begin();
  CHECK(sheet.at(header, static_cast<int>(indicator)) == "指標の実績値");
  CHECK(sheet.at(header + 1, static_cast<int>(indicator)) == "R4");
  // Every line of the report is a row of the sheet, headings merged across.
  int merged_headings = 0;
  for (const auto& m : sheet.merges) {
    if (m.first_row > header + 1 && m.first_column == 0 &&
        m.last_column == static_cast<int>(doc.headers.size()) - 1) {
      ++merged_headings;
    }
  }
  const auto headings = std::ranges::count_if(
      doc.lines, [](const report_line& l) { return l.type != report_line::kind::row; });
  CHECK(merged_headings == headings);
  // A row with a table is a sheet row per table row: the table's columns
  // one row each, the other cells merged down beside them (read back on
  // every row they span).
  int r = header + 2;
  int nested_rows = 0;
  for (const auto& line : doc.lines) {
    if (line.type != report_line::kind::row) {
      CHECK(sheet.at(r++, 0) == line.text);
      continue;
    }
    for (std::size_t k = 0; k <= line.sub_rows.size(); ++k, ++r) {
      for (std::size_t c = 0; c < line.cells.size(); ++c) {
        const bool in_table = doc.nested[c];
        const std::string& want = k == 0 || !in_table ? line.cells[c] : line.sub_rows[k - 1][c];
        CHECK(sheet.shown(r, static_cast<int>(c)) == want);
      }
      if (k > 0) ++nested_rows;
    }
  }
  CHECK(nested_rows >= 1);  // the demo's 主な活動 has rows to nest
}

TEST_CASE("A table field prints as nested rows under its header, one line per table row",
          "[report]") {
  demo_store d;
  const auto doc = build_report(d.index, store_source(d.s), default_layout(d.index.plan), {2023});
  // The table's columns under the field's label.
  const auto first = std::ranges::find(doc.group_headers, "主な活動") - doc.group_headers.begin();
  REQUIRE(static_cast<std::size_t>(first) + 2 < doc.headers.size());
  const auto at = static_cast<std::size_t>(first);
  CHECK(doc.headers[at] == "活動");
  CHECK(doc.headers[at + 1] == "回数");
  CHECK(doc.nested[at]);
  CHECK_FALSE(doc.nested[0]);
  // 認知症サポーター養成 lists two activities: two lines, side by side.
  auto row = std::ranges::find_if(doc.lines, [&](const report_line& l) {
    return std::ranges::find(l.cells, "養成講座") != l.cells.end();
  });
  REQUIRE(row != doc.lines.end());
  CHECK(row->cells[at] == "養成講座");
  CHECK(row->cells[at + 1] == "7");
  REQUIRE(row->sub_rows.size() == 1);
  CHECK(row->sub_rows[0][at] == "フォローアップ研修");
  CHECK(row->sub_rows[0][at + 1] == "2");
  CHECK(row->sub_rows[0][0].empty());  // the row's own cells are not repeated
}

TEST_CASE("A table column of another year prints that year's rows, as any column does",
          "[report]") {
  demo_store d;
  // Reporting R6, with last year's activities beside this year's progress.
  auto layout = parse_layout(R"({"columns": [
      {"header": "事業", "source": "title"},
      {"header": "前年度の活動", "source": "activities", "year": "R5"}]})",
                             d.index.plan);
  REQUIRE(layout.has_value());
  const auto doc = build_report(d.index, store_source(d.s), *layout, {2024});
  auto row = std::ranges::find_if(doc.lines, [](const report_line& l) {
    return !l.cells.empty() && l.cells[0] == "認知症サポーター養成講座";
  });
  REQUIRE(row != doc.lines.end());
  CHECK(row->cells[1] == "養成講座");
  REQUIRE(row->sub_rows.size() == 1);
  CHECK(row->sub_rows[0][1] == "フォローアップ研修");
}

TEST_CASE("A layout file chooses the columns, shared rows per owner and choices as boxes",
          "[report]") {
  demo_store d;
  auto layout = parse_layout(R"({
    "title": "{city} {year} 事業評価",
    "orientation": "portrait",
    "shared_rows": "sub_rows",
    "choices": "boxes",
    "columns": [{"header": "番号", "source": "label", "width": 6},
                {"header": "事業", "source": "title", "width": 30},
                {"header": "担当", "source": "owners"},
                {"header": "評価", "source": "grade", "width": 20},
                {"header": "状態", "source": "status"}]
  })",
                             d.index.plan);
  REQUIRE(layout);
  const auto doc = build_report(d.index, store_source(d.s), *layout, {2023});
  CHECK(doc.title == "北本市 令和5年度 事業評価");
  CHECK(doc.headers == std::vector<std::string>{"番号", "事業", "担当", "評価", "状態"});
  CHECK_FALSE(doc.landscape);
  bool boxes = false;
  for (const auto& l : doc.lines) {
    if (l.type != report_line::kind::row) continue;
    CHECK(l.cells[2].find('\n') == std::string::npos);  // one owner per line
    if (l.cells[3].find("☑") != std::string::npos) {
      CHECK(l.cells[3].starts_with("A "));
      boxes = true;
    }
  }
  CHECK(boxes);
  CHECK_FALSE(parse_layout(R"({"columns": [{"header": "x", "source": "nothing"}]})", d.index.plan));
  CHECK_FALSE(parse_layout(R"({"orientation": "sideways"})", d.index.plan));
}
