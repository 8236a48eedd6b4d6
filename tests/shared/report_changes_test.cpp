// The printed report marks what changed since an entry was last accepted
// (issue 12): a coordinator reopens an accepted entry, the department
// corrects one value, and the reprinted report shades exactly that cell.
#include <catch2/catch.hpp>

#include "matome/report/report_document.h"
#include "matome/report/report_xlsx.h"
#include "matome/sheet/read_workbook.h"
#include "matome/store/schema.h"
#include "support/catch_result.h"
#include "support/test_plan.h"

using namespace matome;
using namespace matome::test;

namespace {

struct accepted_then_corrected : store_fixture {
  const int year = p.index.plan.report_year;
  int ids = 0;

  void write(const std::string& field, const std::string& value) {
    const cell_key key{p.solo_row, p.fukushi, year, field};
    const auto c = s.find_cell(key);
    const std::vector<cell_change> change{
        {"change-" + std::to_string(++ids), key, c ? c->version : 0, value}};
    REQUIRE(s.apply(p.index, p.member_of_fukushi(), change).front().kind == outcome_kind::applied);
  }
  void step(entry_action action, const actor& who) {
    REQUIRE(s.transition(p.index, who, {p.solo_row, p.fukushi, year}, action, "確認のため"));
  }

  accepted_then_corrected() {
    write("progress", "講座を2回開催した。");
    write("grade", "B");
    write("reason", "参加者が少なかった。");
    step(entry_action::submit, p.member_of_fukushi());
    step(entry_action::accept, p.coordinator());
  }

  // Which printed columns of the solo row are shaded.
  std::vector<std::string> shaded(bool mark) {
    const report_layout layout = default_layout(p.index.plan);
    export_options options{year};
    options.mark_changes = mark;
    const report_document doc = build_report(p.index, store_source(s), layout, options);
    std::vector<std::string> out;
    for (const auto& line : doc.lines) {
      if (line.type != report_line::kind::row || line.cells.at(1) != "福祉教育") continue;
      CHECK(line.changed.size() == (mark ? line.cells.size() : 0));
      for (std::size_t c = 0; c < line.changed.size(); ++c) {
        if (line.changed[c]) out.push_back(doc.headers[c]);
      }
    }
    return out;
  }
};

}  // namespace

TEST_CASE("Only the cells corrected after the last acceptance are marked", "[report][changes]") {
  accepted_then_corrected f;
  const auto title = f.p.index.find_item(f.p.solo_row)->title;
  REQUIRE(title == "福祉教育");
  CHECK(f.shaded(true).empty());  // accepted as it is: nothing changed since

  f.step(entry_action::reopen, f.p.coordinator());
  f.write("progress", "講座を3回開催した。");
  CHECK(f.shaded(true) == std::vector<std::string>{"進捗状況"});
  CHECK(f.shaded(false).empty());  // only when asked for

  // Accepted again: the correction is part of the accepted version now.
  f.step(entry_action::submit, f.p.member_of_fukushi());
  f.step(entry_action::accept, f.p.coordinator());
  CHECK(f.shaded(true).empty());
}

TEST_CASE("An entry never accepted has nothing marked", "[report][changes]") {
  store_fixture f;
  const int year = f.p.index.plan.report_year;
  const std::vector<cell_change> edit{
      {"c1", {f.p.solo_row, f.p.fukushi, year, "progress"}, 0, "実施した。"}};
  REQUIRE(f.s.apply(f.p.index, f.p.member_of_fukushi(), edit).front().kind ==
          outcome_kind::applied);
  export_options options{year};
  options.mark_changes = true;
  const auto doc =
      build_report(f.p.index, store_source(f.s), default_layout(f.p.index.plan), options);
  CHECK(doc.marks_changes);
  for (const auto& line : doc.lines) {
    for (bool changed : line.changed) CHECK_FALSE(changed);
  }
}

TEST_CASE("A database from before schema 12 finds each entry's last acceptance in its history",
          "[report][changes][schema]") {
  accepted_then_corrected f;
  const entry_key key{f.p.solo_row, f.p.fukushi, f.year};
  const auto accepted_at = f.s.find_entry(key).accepted_version;
  REQUIRE(accepted_at > 0);
  f.step(entry_action::reopen, f.p.coordinator());
  // The database as schema 11 left it: without the columns steps 12 and on add.
  f.s.db().exec(
      "ALTER TABLE entries DROP COLUMN accepted_version;"
      " ALTER TABLE conflicts DROP COLUMN server_user; ALTER TABLE conflicts DROP COLUMN server_at;"
      " ALTER TABLE conflicts DROP COLUMN opened_seq; DROP INDEX conflicts_open_by_cell;"
      " DROP INDEX comments_by_seq; DROP INDEX cells_by_department;"
      " DROP INDEX history_of_workflow; ALTER TABLE history DROP COLUMN prev_seq;"
      " CREATE INDEX history_by_cell ON history(item_id, department_id, year, field, seq);"
      " DROP TRIGGER cells_go_with_their_item;"
      " PRAGMA user_version = 11;");
  {
    auto reopened = store::open(f.dir.file("master.db"));
    INFO((reopened ? std::string() : reopened.error().message));
    REQUIRE(reopened.has_value());
    CHECK(reopened->find_entry(key).accepted_version == accepted_at);
    CHECK(reopened->find_entry(key).status == entry_status::returned);
  }
}

TEST_CASE("The XLSX report says what the shade means when it marks changes",
          "[report][changes][xlsx]") {
  accepted_then_corrected f;
  f.step(entry_action::reopen, f.p.coordinator());
  f.write("progress", "講座を3回開催した。");
  export_options options{f.year};
  options.mark_changes = true;
  const auto doc =
      build_report(f.p.index, store_source(f.s), default_layout(f.p.index.plan), options);
  const auto path = f.dir.file("marked.xlsx");
  REQUIRE(write_report_xlsx(doc, path.string()));
  auto book = sheet::read_workbook_file(path.string());
  REQUIRE(book.has_value());
  CHECK(book->sheets.at(0).at(1, 0) == "網掛けの欄は、前回確定したあとに変更された内容です。");
}
