#include <QAbstractItemModelTester>
#include <catch2/catch.hpp>

#include "app_fixture.h"
#include "conflictlistmodel.h"
#include "displaytext.h"
#include "support/catch_result.h"

using namespace matome;
using namespace matome::test;
using Matome::ConflictListModel;

TEST_CASE("The conflict list names the cell and marks what each side changed", "[app][conflicts]") {
  demo_app app("kourei");
  const cell_key key{app.item("認知症サポーター養成講座"), app.department("kourei"), 2024,
                     "progress"};
  app.add_conflict(key, "講座を9回開催した。", "講座を12回開催した。",
                   "講座を9回開催し、好評だった。", "kourei");
  ConflictListModel conflicts;
  QAbstractItemModelTester tester(&conflicts,
                                  QAbstractItemModelTester::FailureReportingMode::Fatal);
  REQUIRE(conflicts.rowCount() == 1);
  const auto row = conflicts.index(0);
  CHECK(conflicts.data(row, ConflictListModel::ItemRole) ==
        QStringLiteral("3 認知症サポーター養成講座"));
  CHECK(conflicts.data(row, ConflictListModel::FieldRole) ==
        QStringLiteral("進捗状況（令和6年度）"));
  CHECK(conflicts.data(row, ConflictListModel::DepartmentRole) == QStringLiteral("高齢介護課"));
  // Who changed the server's value first, and when.
  CHECK(conflicts.data(row, ConflictListModel::ServerByRole) == QStringLiteral("coord"));
  CHECK(conflicts.data(row, ConflictListModel::ServerAtRole) ==
        Matome::localTimeLabel(QStringLiteral("2026-11-24T08:30:00.000Z")));
  // Mine: 9 → 12 is marked; theirs: the added sentence is marked.
  const auto mine = conflicts.data(row, ConflictListModel::MineHtmlRole).toString();
  CHECK(mine.contains(QStringLiteral("<s style=\"color:#b3261e;background:#fde7e9\">9</s>")));
  CHECK(mine.contains(QStringLiteral("12</b>")));
  const auto theirs = conflicts.data(row, ConflictListModel::TheirsHtmlRole).toString();
  CHECK(theirs.contains(QStringLiteral("、好評だっ</b>た。")));  // the shortest edit keeps た

  REQUIRE(conflicts.takeTheirs(0));
  CHECK(conflicts.data(row, ConflictListModel::QueuedRole).toBool());
  CHECK(app.session->replica().actions().size() == 1);
  CHECK_FALSE(conflicts.takeMine(5));  // no such row: nothing queued
  CHECK(app.session->replica().actions().size() == 1);
}

TEST_CASE("An empty side says （空欄）; a choice can be undone until sent; next is the next open",
          "[app][conflicts]") {
  demo_app app("kourei");
  const auto row_id = app.item("認知症サポーター養成講座");
  const auto kourei = app.department("kourei");
  // The server emptied 進捗状況 while this user wrote in it; 評価の理由 the other way round.
  app.add_conflict({row_id, kourei, 2024, "progress"}, "講座を9回開催した。",
                   "講座を12回開催した。", "", "kourei");
  app.add_conflict({row_id, kourei, 2024, "reason"}, "受講者が伸びた。", "", "受講者が伸び悩んだ。",
                   "kourei");
  ConflictListModel conflicts;
  QAbstractItemModelTester tester(&conflicts,
                                  QAbstractItemModelTester::FailureReportingMode::Fatal);
  REQUIRE(conflicts.rowCount() == 2);
  const auto first = conflicts.index(0);
  const auto second = conflicts.index(1);
  CHECK(conflicts.data(first, ConflictListModel::TheirsHtmlRole)
            .toString()
            .contains(QStringLiteral("（空欄）")));
  CHECK(conflicts.data(second, ConflictListModel::MineHtmlRole)
            .toString()
            .contains(QStringLiteral("（空欄）")));
  CHECK(conflicts.nextOpen(0) == 1);

  REQUIRE(conflicts.takeMine(0));
  CHECK(conflicts.nextOpen(0) == 1);
  CHECK(conflicts.nextOpen(1) == 1);  // wraps round past the resolved one
  CHECK(app.session->replica().actions().size() == 1);
  REQUIRE(conflicts.undo(0));  // not sent yet: taken back
  CHECK_FALSE(conflicts.data(first, ConflictListModel::QueuedRole).toBool());
  CHECK(app.session->replica().actions().empty());
  CHECK_FALSE(conflicts.undo(0));  // nothing queued to take back
  REQUIRE(conflicts.takeTheirs(0));
  REQUIRE(conflicts.takeMine(1));
  CHECK(conflicts.nextOpen(0) == -1);  // all decided
}

TEST_CASE("Two tables in conflict show side by side, row by row; a merge is kept canonical",
          "[app][conflicts]") {
  demo_app app("kourei");
  const cell_key key{app.item("認知症サポーター養成講座"), app.department("kourei"), 2024,
                     "activities"};
  const std::string base = R"([{"name":"養成講座","count":"7","note":""}])";
  const std::string mine =
      R"([{"name":"養成講座","count":"9","note":""},{"name":"研修","count":"2","note":""}])";
  const std::string theirs = R"([{"name":"養成講座","count":"7","note":"企業向け"}])";
  app.add_conflict(key, base, mine, theirs, "kourei");
  ConflictListModel conflicts;
  REQUIRE(conflicts.rowCount() == 1);
  const auto row = conflicts.index(0);
  const auto mine_html = conflicts.data(row, ConflictListModel::MineHtmlRole).toString();
  CHECK(mine_html.contains(QStringLiteral("1. 養成講座 ｜ ")));
  CHECK(mine_html.contains(QStringLiteral("2. 研修 ｜ 2")));
  CHECK_FALSE(mine_html.contains(QStringLiteral("\"name\"")));  // rows, not JSON
  const auto theirs_html = conflicts.data(row, ConflictListModel::TheirsHtmlRole).toString();
  CHECK(theirs_html.contains(QStringLiteral("企業向け")));

  CHECK_FALSE(conflicts.merge(0, QStringLiteral("[{\"name\":\"\"}]")));  // an empty row
  CHECK(conflicts.error().contains(QStringLiteral("空")));
  REQUIRE(conflicts.merge(
      0, QStringLiteral(R"([ {"count":"9","name":"養成講座","note":"企業向け"} ])")));
  const auto actions = app.session->replica().actions();
  REQUIRE(actions.size() == 1);
  CHECK(actions[0].action.text == R"([{"name":"養成講座","count":"9","note":"企業向け"}])");
}
