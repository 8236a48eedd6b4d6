// The data export: every entry of a year as CSV (wide and long) and JSON,
// read back with the import's own CSV reader and compared with the store.
#include "matome/report/data_export.h"

#include <catch2/catch.hpp>
#include <map>

#include "matome/domain/table_value.h"
#include "matome/plan_file/plan_file.h"
#include "matome/sheet/read_workbook.h"
#include "matome/util/rapidjson.h"
#include "support/catch_result.h"
#include "support/demo_store.h"
#include "support/temp_dir.h"

using namespace matome;
using matome::test::demo_store;

namespace {

std::vector<std::vector<std::string>> read_back(const std::string& csv) {
  auto book = sheet::read_workbook(csv, "export.csv");
  REQUIRE(book.has_value());
  return book->sheets.at(0).rows;
}

}  // namespace

TEST_CASE("The wide CSV has one row per entry and reads back cell for cell", "[export]") {
  demo_store d;
  const auto source = store_source(d.s);
  const data_table table = entries_table(d.index, source, {2024});
  int entries = 0;
  for (const auto& item : d.index.items) {
    if (d.index.plan.is_row(item)) entries += static_cast<int>(item.owner_ids.size());
  }
  CHECK(static_cast<int>(table.rows.size()) == entries);
  CHECK(std::vector<std::string>(table.header.begin(), table.header.begin() + 9) ==
        std::vector<std::string>{"目標", "施策", "取組", "番号", "事業名", "担当課", "状態", "年度",
                                 "年度（和暦）"});
  // A year series is a column per year, labelled as the report prints it.
  CHECK(std::find(table.header.begin(), table.header.end(), "指標の実績値（R5）") !=
        table.header.end());

  const std::string csv = to_csv(table);
  CHECK(csv.starts_with("\xEF\xBB\xBF"));  // Excel reads it as UTF-8
  const auto rows = read_back(csv);
  REQUIRE(rows.size() == table.rows.size() + 1);
  CHECK(rows[0] == table.header);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    auto written = table.rows[r];
    auto read = rows[r + 1];
    read.resize(written.size());  // trailing empty cells
    CHECK(read == written);
  }
}

TEST_CASE("The long CSV holds every value once, and each reads back to its cell", "[export]") {
  demo_store d;
  const auto source = store_source(d.s);
  const data_table table = cells_table(d.index, source, {2023});
  REQUIRE_FALSE(table.rows.empty());
  const auto rows = read_back(to_csv(table));
  REQUIRE(rows.size() == table.rows.size() + 1);
  const auto& header = rows[0];
  auto column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  std::map<std::string, record_id> items, departments;
  for (const auto& item : d.index.items) items[item.title] = item.id;
  for (const auto& dep : d.s.departments()) departments[dep.name] = dep.id;
  int checked = 0;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    const template_field* f = d.index.plan.tmpl.find(row[column("項目キー")]);
    REQUIRE(f != nullptr);
    const int year = row[column("値の年度")].empty() ? 0 : std::stoi(row[column("値の年度")]);
    const cell_key key{items.at(row[column("事業名")]),
                       f->scope == field_scope::plan ? 0 : departments.at(row[column("担当課")]),
                       year, f->key};
    auto cell = d.s.find_cell(key);
    REQUIRE(cell);
    const std::string expected =
        f->type == field_type::table ? table_as_text(*f, cell->value) : cell->value;
    std::string read = row[column("値")];
    CHECK(read == expected);
    ++checked;
  }
  CHECK(checked == static_cast<int>(table.rows.size()));
}

TEST_CASE("Only accepted entries, or one department's, when asked; JSON keeps tables as rows",
          "[export]") {
  demo_store d;
  const auto source = store_source(d.s);
  const record_id kourei = d.s.find_department_by_code("kourei").value().id;
  const auto accepted = entries_table(d.index, source, {2023, true});
  REQUIRE_FALSE(accepted.rows.empty());  // R5 was accepted: not an empty pass
  // R6 has drafts, submitted and returned entries, none accepted yet.
  CHECK_FALSE(entries_table(d.index, source, {2024}).rows.empty());
  CHECK(entries_table(d.index, source, {2024, true}).rows.empty());
  for (const auto& row : accepted.rows) {
    CHECK(row[6] == "確定");
  }
  const auto mine = entries_table(d.index, source, {2024, false, kourei});
  REQUIRE_FALSE(mine.rows.empty());
  for (const auto& row : mine.rows) CHECK(row[5] == "高齢介護課");

  rapidjson::Document doc;
  const std::string json = to_json(d.index, source, {2023});
  doc.Parse(json.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(std::string(doc["year_label"].GetString()) == "令和5年度");
  CHECK(doc["entries"].Size() == entries_table(d.index, source, {2023}).rows.size());
  bool table_seen = false;
  for (const auto& e : doc["entries"].GetArray()) {
    if (!e["values"].HasMember("activities")) continue;
    const auto& rows = e["values"]["activities"];
    REQUIRE(rows.IsArray());
    CHECK(std::string(rows[0]["name"].GetString()) == "養成講座");
    table_seen = true;
  }
  CHECK(table_seen);
}
