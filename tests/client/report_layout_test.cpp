// The report layout is part of the plan (issue 12): set on the server, it
// reaches every replica at its next sync, and the export prints in it
// offline without being told; a layout that does not fit the plan is
// refused and changes nothing.
#include "matome/report/report_layout.h"

#include <catch2/catch.hpp>
#include <fstream>

#include "client/client_fixture.h"
#include "matome/client/replica_source.h"
#include "matome/plan_file/plan_file.h"
#include "matome/report/report_document.h"
#include "matome/sheet/read_workbook.h"
#include "support/catch_result.h"
#include "support/run_cli.h"

using namespace matome;
using namespace matome::test;

namespace {

constexpr std::string_view city_layout = R"({
  "title": "{city} {year} 事業の実績",
  "orientation": "portrait",
  "columns": [
    {"header": "番号", "source": "label", "width": 5},
    {"header": "取組", "source": "title", "width": 20},
    {"header": "実施した内容", "source": "progress", "width": 40},
    {"header": "担当", "source": "owners", "width": 10}
  ]
})";

void write(const std::filesystem::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// The first sheet of an XLSX export, read back with the import reader.
sheet::worksheet exported_sheet(const std::string& data, const std::filesystem::path& file) {
  auto run = run_cli(
      {"--data", data, "export", "--year", "R5", "--format", "xlsx", "--out", file.string()});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  auto book = sheet::read_workbook_file(file.string());
  REQUIRE(book.has_value());
  return book->sheets.at(0);
}

}  // namespace

TEST_CASE("a layout set on the server prints on every replica, offline, without --layout",
          "[client][report][layout]") {
  client_fixture f;
  const std::string data = f.dir.file("fukushi1-cli").string();
  REQUIRE(run_cli({"--data", data, "--server", f.url(), "login", "fukushi1"}).exit_code == 0);
  REQUIRE(run_cli({"--data", data, "sync"}).exit_code == 0);

  // Before: the default layout, every field under its own label.
  auto before = exported_sheet(data, f.dir.file("before.xlsx"));
  CHECK(before.at(0, 0).ends_with("令和5年度 進捗状況報告"));

  const auto layout_file = f.dir.file("layout.json");
  write(layout_file, city_layout);
  auto set = run_server_admin(
      {"--db", f.dir.file("master.db").string(), "set-layout", "test-plan", layout_file.string()});
  INFO(set.err);
  REQUIRE(set.exit_code == 0);
  REQUIRE(run_cli({"--data", data, "sync"}).exit_code == 0);
  f.server->stop();  // offline from here

  auto after = exported_sheet(data, f.dir.file("after.xlsx"));
  CHECK(after.at(0, 0) == "テスト市 令和5年度 事業の実績");
  // The header row is the layout's, in its order, then the 状態 column.
  bool header_seen = false;
  for (const auto& row : after.rows) {
    if (row.size() >= 5 && row[0] == "番号") {
      header_seen = true;
      CHECK(row[1] == "取組");
      CHECK(row[2] == "実施した内容");
      CHECK(row[3] == "担当");
      CHECK(row[4] == "状態");
    }
  }
  CHECK(header_seen);
}

TEST_CASE("a layout that does not fit the plan is refused, and '-' goes back to the default",
          "[client][report][layout]") {
  client_fixture f;
  const std::string db = f.dir.file("master.db").string();
  const auto bad = f.dir.file("bad.json");
  write(bad, R"({"columns": [{"header": "予算", "source": "budget"}]})");
  auto refused = run_server_admin({"--db", db, "set-layout", "test-plan", bad.string()});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("$.columns[0].source") != std::string::npos);
  CHECK(refused.err.find("budget") != std::string::npos);
  CHECK(f.server_store().load_plan(f.p.plan_id).value().report_layout.empty());

  const auto good = f.dir.file("good.json");
  write(good, city_layout);
  REQUIRE(run_server_admin({"--db", db, "set-layout", "test-plan", good.string()}).exit_code == 0);
  CHECK_FALSE(f.server_store().load_plan(f.p.plan_id).value().report_layout.empty());
  REQUIRE(run_server_admin({"--db", db, "set-layout", "test-plan", "-"}).exit_code == 0);
  CHECK(f.server_store().load_plan(f.p.plan_id).value().report_layout.empty());

  auto unknown_plan = run_server_admin({"--db", db, "set-layout", "no-such-plan", good.string()});
  CHECK(unknown_plan.exit_code != 0);
  CHECK(unknown_plan.err.find("no-such-plan") != std::string::npos);
  CHECK(unknown_plan.err.find("list-items") != std::string::npos);  // where the codes are
}

TEST_CASE("a plan file's report_layout is checked against its template", "[plan_file][layout]") {
  const std::string base = R"({"format": "matome-plan", "version": 1,
    "plan": {"code": "p", "title": "計画", "first_year": "R4", "last_year": "R8",
             "report_year": "R5", "levels": ["目標", "事業"]},
    "template": [{"key": "progress", "label": "進捗状況", "type": "long_text",
                  "scope": "report"}],
    "report_layout": LAYOUT})";
  auto with = [&](std::string_view layout) {
    std::string text = base;
    text.replace(text.find("LAYOUT"), 6, layout);
    return parse_plan_file(text);
  };
  auto good = with(R"({"columns": [{"header": "内容", "source": "progress"}]})");
  REQUIRE(good.has_value());
  auto layout = read_layout("", good->plan_);
  REQUIRE(layout.has_value());
  REQUIRE(layout->columns.size() == 1);
  CHECK(layout->columns[0].header == "内容");

  auto bad = with(R"({"columns": [{"header": "評価", "source": "grade"}]})");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().message.find("$.report_layout") != std::string::npos);
  CHECK(bad.error().message.find("grade") != std::string::npos);
}

TEST_CASE("a replica marks the server's corrections and its own unsent edits after an acceptance",
          "[client][report][changes]") {
  client_fixture f;
  auto a = f.sign_in("fukushi1");
  const int year = f.p.index.plan.report_year;
  const entry_key entry{f.p.solo_row, f.p.fukushi, year};
  {
    auto server = f.server_store();
    int id = 0;
    auto write = [&](const std::string& field, const std::string& value) {
      const cell_key key{f.p.solo_row, f.p.fukushi, year, field};
      const auto c = server.find_cell(key);
      const std::vector<cell_change> change{
          {"server-" + std::to_string(++id), key, c ? c->version : 0, value}};
      REQUIRE(server.apply(f.p.index, f.p.member_of_fukushi(), change).front().kind ==
              outcome_kind::applied);
    };
    write("progress", "講座を2回開催した。");
    write("grade", "B");
    write("reason", "参加者が少なかった。");
    REQUIRE(server.transition(f.p.index, f.p.member_of_fukushi(), entry, entry_action::submit));
    REQUIRE(server.transition(f.p.index, f.p.coordinator(), entry, entry_action::accept));
    REQUIRE(server.transition(f.p.index, f.p.coordinator(), entry, entry_action::reopen,
                              "回数を確認してください"));
    write("progress", "講座を3回開催した。");  // corrected on another computer
  }
  REQUIRE(f.sync(a));
  // Typed here and not sent yet.
  REQUIRE(a.edit({f.p.solo_row, f.p.fukushi, year, "reason"}, "参加者が少なく、周知が課題。"));

  const auto index = a.plan().value();
  export_options options{year};
  options.mark_changes = true;
  const auto doc =
      build_report(index, client::replica_source(a), default_layout(index.plan), options);
  std::vector<std::string> shaded;
  for (const auto& line : doc.lines) {
    if (line.type != report_line::kind::row || line.cells.at(1) != "福祉教育") continue;
    for (std::size_t c = 0; c < line.changed.size(); ++c) {
      if (line.changed[c]) shaded.push_back(doc.headers[c]);
    }
  }
  CHECK(shaded == std::vector<std::string>{index.plan.tmpl.find("progress")->label,
                                           index.plan.tmpl.find("reason")->label});
}
