// A plan made of more than rows of text: a table field (headed paragraphs),
// a section on its headings (background text) and a 17-option multiple
// choice (the SDGs), imported from a sheet, edited offline by two
// departments and the coordinator, synced through a real server with a
// conflict on the table cell, and resolved with a merged table.
#include <catch2/catch.hpp>
#include <fstream>

#include "client/client_fixture.h"
#include "matome/domain/table_value.h"
#include "matome/import/sheet_import.h"
#include "matome/sheet/read_workbook.h"
#include "support/catch_result.h"
#include "support/run_cli.h"

using namespace matome;
using namespace matome::test;

namespace {

const char* const mapping = R"({
  "format": "matome-mapping", "version": 1,
  "plan": {"code": "jutenn", "title": "重点事業の進捗", "city": "試験市", "first_year": "R5",
           "last_year": "R7", "report_year": "R6", "levels": ["重点事業", "事業"]},
  "departments": [{"code": "fukushi", "name": "福祉課"}, {"code": "shakyo", "name": "社協", "external": true}],
  "template": [
    {"key": "background", "label": "背景", "type": "long_text", "scope": "plan", "level": 0},
    {"key": "sdgs", "label": "SDGs", "type": "multi_choice", "scope": "plan",
     "options": ["1","2","3","4","5","6","7","8","9","10","11","12","13","14","15","16","17"]},
    {"key": "paragraphs", "label": "取組の内容", "type": "table", "scope": "report",
     "columns": [{"key": "heading", "label": "見出し", "required": true},
                 {"key": "text", "label": "本文", "type": "long_text"}]}
  ],
  "users": [
    {"login": "fukushi1", "name": "福祉課 担当", "department": "fukushi", "role": "member", "password": "demo"},
    {"login": "shakyo1", "name": "社協 担当", "department": "shakyo", "role": "member", "password": "demo"},
    {"login": "coord", "name": "取りまとめ", "department": "fukushi", "role": "coordinator", "password": "demo"}
  ],
  "import": {"status": "draft"},
  "sheets": [{
    "headings": [{"level": 0, "column": "A", "pattern": "^【重点事業(\\d+)】(.+)$", "label": "$1", "title": "$2"}],
    "attributes": [{"level": 0, "column": "A", "pattern": "^背景$", "set": "background", "value": {"column": "B"}}],
    "skip": [{"column": "A", "pattern": "^No\\.$"}],
    "row": {"column": "A", "pattern": "^\\d+$"},
    "columns": [{"column": "A", "to": "label"}, {"column": "B", "to": "title"},
                {"column": "C", "to": "owners"}, {"column": "D", "to": "sdgs"},
                {"column": "E", "to": "paragraphs"}]
  }]
})";

const char* const sheet =
    "【重点事業1】地域共生社会の実現\n"
    "背景\t高齢化と単身世帯の増加で、相談が複雑になっている。\n"
    "No.\t事業名\t担当課\tSDGs\t取組の内容\n"
    "1\t総合相談\t福祉課 社協\t3、11\t【成果】窓口を開設した。【課題】周知が足りない。\n"
    "2\t見守り\t福祉課\t3\t【成果】見守り協定を結んだ。\n";

// The database the server starts on: the sheet above, imported.
void imported_plan(const std::filesystem::path& file) {
  const auto tsv = file.parent_path() / "jutenn.tsv";
  std::ofstream(tsv) << sheet;
  auto m = import::parse_mapping(mapping);
  REQUIRE(m.has_value());
  auto book = sheet::read_workbook_file(tsv.string());
  REQUIRE(book.has_value());
  const auto built = import::build_plan_file(*book, *m);
  INFO(import::describe(built));
  REQUIRE(built.problems.empty());
  store s = store::open(file).value();
  REQUIRE(import::write_import(s, built, hash_cost::minimal).has_value());
}

}  // namespace

TEST_CASE("A table, a section and the SDGs: imported, edited offline, conflicted and resolved",
          "[client][table]") {
  client_fixture f(test_server::quick_options(), imported_plan);
  const auto index = f.server_store().load_plan_index(f.p.plan_id).value();
  const template_field& paragraphs = *index.plan.tmpl.find("paragraphs");
  const record_id heading = f.p.goal;
  const record_id shared = f.p.shared_row;  // 総合相談: 福祉課 and 社協
  const cell_key fukushi_table{shared, f.p.fukushi, 2024, "paragraphs"};
  const cell_key shakyo_table{shared, f.p.shakyo, 2024, "paragraphs"};

  // What the sheet gave: a table from 【】 sections, the section, the SDGs.
  const std::string imported =
      write_table_value(paragraphs, {{"成果", "窓口を開設した。"}, {"課題", "周知が足りない。"}});
  CHECK(f.server_value(fukushi_table) == imported);
  CHECK(f.server_value(shakyo_table) == imported);  // a shared cell goes to each owner
  CHECK(f.server_value({heading, 0, 0, "background"}) ==
        "高齢化と単身世帯の増加で、相談が複雑になっている。");
  CHECK(f.server_value({shared, 0, 0, "sdgs"}) == "3\n11");

  auto fukushi = f.sign_in("fukushi1");
  auto shakyo = f.sign_in("shakyo1");
  auto coord = f.sign_in("coord");
  CHECK(fukushi.value_of({heading, 0, 0, "background"}).starts_with("高齢化"));

  // Offline, all three. Each table is checked per column before it is kept.
  const std::string by_fukushi = write_table_value(
      paragraphs, {{"成果", "窓口を開設し、相談を120件受けた。"}, {"課題", "周知が足りない。"}});
  REQUIRE(fukushi.edit(fukushi_table, by_fukushi));
  CHECK_FALSE(fukushi.edit(fukushi_table, write_table_value(paragraphs, {{"", "見出しがない"}})));
  const std::string by_shakyo = write_table_value(
      paragraphs,
      {{"成果", "窓口を開設した。"}, {"課題", "周知が足りない。"}, {"連携", "月1回の会議"}});
  REQUIRE(shakyo.edit(shakyo_table, by_shakyo));
  const std::string by_coord = write_table_value(
      paragraphs,
      {{"成果", "窓口を開設した。"}, {"課題", "周知が足りない。"}, {"次年度", "窓口を増やす"}});
  REQUIRE(coord.edit(fukushi_table, by_coord));
  REQUIRE(coord.edit({heading, 0, 0, "background"}, "高齢化が進み、相談が複雑になっている。"));
  REQUIRE(coord.edit({shared, 0, 0, "sdgs"}, "3\n11\n17"));
  CHECK_FALSE(coord.edit({shared, 0, 0, "sdgs"}, "18"));

  // The coordinator syncs first; 福祉課's table then meets it: a conflict,
  // both tables kept. 社協's own table goes through.
  REQUIRE(f.sync(coord));
  REQUIRE(f.sync(shakyo).value().conflicts == 0);
  CHECK(f.server_value(shakyo_table) == by_shakyo);
  REQUIRE(f.sync(fukushi).value().conflicts == 1);
  const auto conflict = fukushi.db().open_conflicts(f.p.plan_id).at(0);
  CHECK(conflict.key == fukushi_table);
  CHECK(conflict.incoming_value == by_fukushi);
  CHECK(conflict.server_value == by_coord);
  CHECK(conflict.base_value == imported);
  // Side by side, row by row, as the conflict view shows them.
  CHECK(table_as_text(paragraphs, conflict.incoming_value) ==
        "1. 成果 ｜ 窓口を開設し、相談を120件受けた。\n2. 課題 ｜ 周知が足りない。");
  CHECK(table_as_text(paragraphs, conflict.server_value) ==
        "1. 成果 ｜ 窓口を開設した。\n2. 課題 ｜ 周知が足りない。\n3. 次年度 ｜ 窓口を増やす");

  // 福祉課 merges: its first row, the coordinator's new one.
  const std::string merged =
      write_table_value(paragraphs, {{"成果", "窓口を開設し、相談を120件受けた。"},
                                     {"課題", "周知が足りない。"},
                                     {"次年度", "窓口を増やす"}});
  // Typed loosely (member order, spaces): the replica keeps the stored form.
  REQUIRE(fukushi.queue_resolution(
      conflict.id, "merged",
      R"([ {"text": "窓口を開設し、相談を120件受けた。", "heading": "成果"},
           {"heading": "課題", "text": "周知が足りない。"},
           {"heading": "次年度", "text": "窓口を増やす"} ])"));
  REQUIRE(f.sync(fukushi).value().conflicts == 0);
  CHECK(f.server_value(fukushi_table) == merged);

  for (auto* r : {&fukushi, &shakyo, &coord}) REQUIRE(f.sync(*r));
  CHECK(coord.value_of(fukushi_table) == merged);
  CHECK(fukushi.value_of(fukushi_table) == merged);
  CHECK(shakyo.value_of(shakyo_table) == by_shakyo);
  CHECK(fukushi.value_of({heading, 0, 0, "background"}) ==
        "高齢化が進み、相談が複雑になっている。");
  CHECK(shakyo.value_of({shared, 0, 0, "sdgs"}) == "3\n11\n17");
  CHECK(f.server_store().open_conflicts(f.p.plan_id).empty());
}

TEST_CASE("matome-cli writes a table as typed JSON and shows it row by row",
          "[client][table][cli]") {
  client_fixture f(test_server::quick_options(), imported_plan);
  const std::string data = f.dir.file("fukushi1-cli").string();
  REQUIRE(run_cli({"--data", data, "--server", f.url(), "login", "fukushi1"}).exit_code == 0);
  REQUIRE(run_cli({"--data", data, "sync"}).exit_code == 0);
  const std::string entry = std::to_string(f.p.solo_row);

  auto set = run_cli({"--data", data, "set", entry, "paragraphs",
                      R"([ {"text": "協定を3件結んだ。", "heading": "成果"} ])"});
  CHECK(set.exit_code == 0);
  auto show = run_cli({"--data", data, "show", entry});
  CHECK(show.out.find("paragraphs 「取組の内容」: \n      1. 成果 ｜ 協定を3件結んだ。") !=
        std::string::npos);
  auto empty_row = run_cli({"--data", data, "set", entry, "paragraphs", R"([{"heading":""}])"});
  CHECK(empty_row.exit_code == 2);
  CHECK(empty_row.err.find("1行目が空です") != std::string::npos);
  REQUIRE(run_cli({"--data", data, "sync"}).exit_code == 0);
  CHECK(f.server_value({f.p.solo_row, f.p.fukushi, 2024, "paragraphs"}) ==
        R"([{"heading":"成果","text":"協定を3件結んだ。"}])");
}
