// The same report as TSV, as XLSX (written by libxlsxwriter, headings
// merged across the sheet as a city's workbook has them) and as CSV in
// CP932 (as Excel saves it on Windows) imports to the same plan.
#include <iconv.h>
#include <xlsxwriter.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "matome/import/sheet_import.h"
#include "matome/sheet/delimited_reader.h"
#include "matome/sheet/read_workbook.h"
#include "support/temp_dir.h"

using namespace matome;
using namespace matome::import;

namespace {

const std::string presets = MATOME_PRESETS_DIR;

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// Every item, value, report and note in a stable text form.
void flatten(const std::vector<plan_file_item>& items, const std::string& path, std::ostream& out) {
  for (const auto& item : items) {
    const std::string here = path + "/" + item.label + ":" + item.title;
    out << here << " page=" << item.page_ref << " desc=" << item.description << " owners=";
    for (const auto& o : item.owners) out << o << ",";
    out << "\n";
    for (const auto& [k, v] : item.plan_values) out << here << " " << k << "=" << v << "\n";
    for (const auto& r : item.reports) {
      out << here << " " << r.department << "@" << r.year << " " << static_cast<int>(r.status)
          << "\n";
      for (const auto& [k, v] : r.values) out << "  " << k << "=" << v << "\n";
      for (const auto& n : r.notes) out << "  note " << n << "\n";
    }
    flatten(item.children, here, out);
  }
}

std::string flattened(const sheet_import& result) {
  std::ostringstream out;
  flatten(result.file.items, "", out);
  for (const auto& p : result.problems) out << p.where << " " << p.message << "\n";
  return out.str();
}

sheet_import build(const std::string& path) {
  auto m = read_preset(presets, "sakado");
  REQUIRE(m.has_value());
  auto book = sheet::read_workbook_file(path);
  INFO((book ? std::string() : book.error().message));
  REQUIRE(book.has_value());
  return build_plan_file(*book, *m);
}

std::string to_cp932(const std::string& utf8) {
  iconv_t cd = iconv_open("CP932", "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 2, '\0');
  char* in_ptr = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  REQUIRE(iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) != static_cast<std::size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

}  // namespace

TEST_CASE("坂戸市 as XLSX with merged headings and as CP932 CSV imports as the TSV does",
          "[import][sheet]") {
  test::temp_dir dir;
  const std::string tsv_path = presets + "/samples/sakado.tsv";
  const auto rows = sheet::parse_delimited(read_all(tsv_path), '\t');
  const sheet_import from_tsv = build(tsv_path);
  REQUIRE(from_tsv.counts().rows == 5);

  // XLSX: one sheet named as the TSV file (so cell addresses read the same),
  // one-cell lines merged across A:T as headings are in a workbook.
  const auto xlsx = dir.file("sakado.xlsx");
  lxw_workbook* wb = workbook_new(xlsx.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(wb, "sakado");
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r);
    const auto& cells = rows[r];
    const bool heading = cells.size() == 1 && !cells[0].empty();
    if (heading) {
      worksheet_merge_range(sheet, row, 0, row, 19, cells[0].c_str(), nullptr);
      continue;
    }
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (!cells[c].empty()) {
        worksheet_write_string(sheet, row, static_cast<lxw_col_t>(c), cells[c].c_str(), nullptr);
      }
    }
  }
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  CHECK(flattened(build(xlsx.string())) == flattened(from_tsv));

  // CSV in CP932, quoted where Excel quotes.
  std::string csv;
  for (const auto& cells : rows) {
    for (std::size_t c = 0; c < cells.size(); ++c) csv += (c ? "," : "") + csv_field(cells[c]);
    csv += "\r\n";
  }
  std::ofstream(dir.file("sakado.csv"), std::ios::binary) << to_cp932(csv);
  CHECK(flattened(build(dir.file("sakado.csv").string())) == flattened(from_tsv));
}

TEST_CASE("A mapping that names a column the sheet lacks is one clear error", "[import]") {
  test::temp_dir dir;
  std::string mapping = read_all(presets + "/sakado.json");
  const std::string goal = R"({"column": "T", "to": "indicator_goal"})";
  REQUIRE(mapping.find(goal) != std::string::npos);
  mapping.replace(mapping.find(goal), goal.size(), R"({"column": "AB", "to": "indicator_goal"})");
  auto m = parse_mapping(mapping);
  REQUIRE(m.has_value());
  auto book = sheet::read_workbook_file(presets + "/samples/sakado.tsv");
  const sheet_import result = build_plan_file(*book, *m);
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].level == severity::error);
  CHECK(
      result.problems[0].message ==
      "対応表の列 AB がシート「sakado」にありません (T 列まで)。対応表の列名を確かめてください。");
  CHECK(result.file.items.empty());

  // A heading rule on a column the sheet lacks would never match: the same
  // error, not a plan with no headings.
  std::string heading_rule = read_all(presets + "/sakado.json");
  const std::string goal_heading = R"({"level": 0, "column": "A")";
  REQUIRE(heading_rule.find(goal_heading) != std::string::npos);
  heading_rule.replace(heading_rule.find(goal_heading), goal_heading.size(),
                       R"({"level": 0, "column": "Z")");
  const sheet_import by_heading = build_plan_file(*book, parse_mapping(heading_rule).value());
  REQUIRE(by_heading.problems.size() == 1);
  CHECK(by_heading.problems[0].message.starts_with("対応表の列 Z がシート「sakado」にありません"));
}

TEST_CASE("A mapping with a mistake names its JSON path", "[import]") {
  std::string mapping = read_all(presets + "/sakado.json");
  const std::string to = R"("to": "grade")";
  mapping.replace(mapping.find(to), to.size(), R"("to": "grades")");
  auto m = parse_mapping(mapping);
  REQUIRE_FALSE(m.has_value());
  CHECK(m.error().message.starts_with("対応表 $.sheets[0].columns[18].to: 「grades」は"));
  CHECK_FALSE(parse_mapping("{").has_value());
  CHECK_FALSE(parse_mapping(R"({"format": "matome-plan", "version": 1})").has_value());
}
