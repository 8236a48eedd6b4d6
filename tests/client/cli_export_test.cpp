// matome-cli export: the year's data from the replica, with the server
// gone, own unsent edits included.
#include <catch2/catch.hpp>
#include <fstream>

#include "client/client_fixture.h"
#include "matome/sheet/read_workbook.h"
#include "matome/util/rapidjson.h"
#include "support/catch_result.h"
#include "support/run_cli.h"

using namespace matome;
using namespace matome::test;

TEST_CASE("matome-cli export writes CSV and JSON offline from the replica",
          "[client][cli][export]") {
  client_fixture f;
  const std::string data = f.dir.file("fukushi1-cli").string();
  REQUIRE(run_cli({"--data", data, "--server", f.url(), "login", "fukushi1"}).exit_code == 0);
  REQUIRE(run_cli({"--data", data, "sync"}).exit_code == 0);
  REQUIRE(run_cli({"--data", data, "set", std::to_string(f.p.solo_row), "progress",
                   "講座を2回, \"出前\"で開催した。\n好評だった。"})
              .exit_code == 0);
  f.server->stop();  // offline from here

  const auto csv = f.dir.file("r5.csv");
  auto wrote = run_cli({"--data", data, "export", "--year", "R5", "--out", csv.string()});
  REQUIRE(wrote.exit_code == 0);
  CHECK(wrote.out.find("令和5年度") != std::string::npos);
  auto book = sheet::read_workbook_file(csv.string());
  REQUIRE(book.has_value());
  const auto& rows = book->sheets.at(0).rows;
  // 福祉課 sees its two rows (one shared with 社協, whose part it does not see).
  REQUIRE(rows.size() >= 2);
  const auto& header = rows[0];
  const auto progress = std::find(header.begin(), header.end(), "進捗状況") - header.begin();
  bool found = false;
  for (const auto& row : rows) {
    if (row.size() > static_cast<std::size_t>(progress) &&
        row[static_cast<std::size_t>(progress)] ==
            "講座を2回, \"出前\"で開催した。\n好評だった。") {
      found = true;  // the unsent edit, quoted and read back whole
    }
  }
  CHECK(found);

  const auto json = f.dir.file("r5.json");
  REQUIRE(run_cli({"--data", data, "export", "--year", "令和5年度", "--format", "json", "--out",
                   json.string()})
              .exit_code == 0);
  std::ifstream in(json);
  std::string text{std::istreambuf_iterator<char>(in), {}};
  rapidjson::Document doc;
  doc.Parse(text.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(doc["year"].GetInt() == 2023);

  // The printed report, as a sheet that reads back with the import reader.
  const auto xlsx = f.dir.file("r5.xlsx");
  REQUIRE(run_cli({"--data", data, "export", "--year", "R5", "--format", "xlsx", "--out",
                   xlsx.string()})
              .exit_code == 0);
  auto report = sheet::read_workbook_file(xlsx.string());
  REQUIRE(report.has_value());
  CHECK(report->sheets.at(0).at(0, 0).ends_with("令和5年度 進捗状況報告"));
  bool row_seen = false;
  for (const auto& r : report->sheets.at(0).rows) {
    for (const auto& c : r)
      row_seen = row_seen || c == "講座を2回, \"出前\"で開催した。\n好評だった。";
  }
  CHECK(row_seen);

  auto bad = run_cli({"--data", data, "export", "--format", "docx", "--out", json.string()});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("pdf、xlsx、csv") != std::string::npos);
  auto outside = run_cli({"--data", data, "export", "--year", "R20", "--out", json.string()});
  CHECK(outside.exit_code == 2);
}
