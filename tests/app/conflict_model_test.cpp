#include <QAbstractItemModelTester>
#include <catch2/catch.hpp>

#include "app_fixture.h"
#include "conflictlistmodel.h"
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
