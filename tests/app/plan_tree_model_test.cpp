#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <catch2/catch.hpp>

#include "app_fixture.h"
#include "displaytext.h"
#include "plantreemodel.h"
#include "support/catch_result.h"

using namespace matome::test;
using Matome::PlanTreeModel;

namespace {

// The titles of the rows (事業) the model shows, in order.
QStringList rowTitles(const PlanTreeModel& model) {
  QStringList titles;
  for (int r = 0; r < model.rowCount(); ++r) {
    const auto at = model.index(r);
    if (model.data(at, PlanTreeModel::IsRowRole).toBool())
      titles << model.data(at, PlanTreeModel::TitleRole).toString();
  }
  return titles;
}

}  // namespace

TEST_CASE("The plan tree shows a department its own rows under their headings", "[app][tree]") {
  demo_app app("kourei");
  PlanTreeModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  CHECK(model.mineOnly());  // a department starts with its own rows
  CHECK(model.rowCountTotal() == 24);
  const auto mine = rowTitles(model);
  CHECK(mine.contains(QStringLiteral("認知症サポーター養成講座")));
  CHECK(mine.contains(QStringLiteral("各種サポーターの養成")));  // shared with 健康づくり課
  CHECK_FALSE(mine.contains(QStringLiteral("福祉教育")));        // 学校教育課's row
  CHECK(model.rowCountShown() == mine.size());
  // The first line is the top heading of the first row: 目標1.
  CHECK(model.data(model.index(0), PlanTreeModel::DepthRole).toInt() == 0);
  CHECK_FALSE(model.data(model.index(0), PlanTreeModel::IsRowRole).toBool());
  CHECK(model.data(model.index(0), PlanTreeModel::LabelRole).toString() == QStringLiteral("目標1"));

  model.setMineOnly(false);
  CHECK(rowTitles(model).size() == 24);
}

TEST_CASE("The plan tree filters by status and text", "[app][tree]") {
  demo_app app("kourei");
  PlanTreeModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  model.setStatusFilter(QStringLiteral("draft"));
  CHECK(rowTitles(model) == QStringList{QStringLiteral("各種サポーターの養成")});
  const auto row = model.index(model.indexOfItem(app.item("各種サポーターの養成")));
  CHECK(model.data(row, PlanTreeModel::StatusLabelRole).toString() == QStringLiteral("作成中"));
  CHECK(model.data(row, PlanTreeModel::EntryDepartmentIdRole).toLongLong() ==
        app.department("kourei"));

  model.setStatusFilter({});
  model.setMineOnly(false);
  model.setSearchText(QStringLiteral("社協"));  // owners count as text
  const auto found = rowTitles(model);
  REQUIRE_FALSE(found.isEmpty());
  for (int r = 0; r < model.rowCount(); ++r) {
    const auto at = model.index(r);
    if (model.data(at, PlanTreeModel::IsRowRole).toBool())
      CHECK(model.data(at, PlanTreeModel::OwnersRole).toString().contains(QStringLiteral("社協")));
  }
  model.setSearchText(QStringLiteral("存在しない事業名"));
  CHECK(model.rowCount() == 0);  // no row, so no heading either
}

TEST_CASE("The review queue: one department's entries in one status, opening that entry",
          "[app][tree]") {
  demo_app app("coord");
  PlanTreeModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  model.setMineOnly(false);
  // Submitted by 健康づくり課, while 高齢介護課 (listed first) is still writing.
  model.setStatusFilter(QStringLiteral("submitted"));
  const auto shared = model.index(model.indexOfItem(app.item("各種サポーターの養成")));
  REQUIRE(shared.isValid());
  CHECK(model.data(shared, PlanTreeModel::EntryDepartmentIdRole).toLongLong() ==
        app.department("kenkou"));
  CHECK(model.data(shared, PlanTreeModel::StatusRole).toString() == QStringLiteral("submitted"));

  // The dashboard's 健康づくり課 line: only its entries, each opening its own.
  model.setDepartmentFilter(app.department("kenkou"));
  CHECK(model.departmentFilterName() == QStringLiteral("健康づくり課"));
  const auto titles = rowTitles(model);
  REQUIRE_FALSE(titles.isEmpty());
  for (int r = 0; r < model.rowCount(); ++r) {
    const auto at = model.index(r);
    if (!model.data(at, PlanTreeModel::IsRowRole).toBool()) continue;
    CHECK(model.data(at, PlanTreeModel::EntryDepartmentIdRole).toLongLong() ==
          app.department("kenkou"));
    CHECK(model.data(at, PlanTreeModel::StatusRole).toString() == QStringLiteral("submitted"));
  }
  model.setStatusFilter({});
  const auto all_of_kenkou = rowTitles(model);
  CHECK(all_of_kenkou.size() >= titles.size());
  CHECK_FALSE(all_of_kenkou.contains(QStringLiteral("福祉教育")));  // not 健康づくり課's
  model.setDepartmentFilter(0);
  CHECK(rowTitles(model).size() == 24);
}

TEST_CASE("Next-row navigation skips headings", "[app][tree]") {
  demo_app app("kourei");
  PlanTreeModel model;
  const int first = model.nextRow(-1, 1);
  REQUIRE(first > 0);
  CHECK(model.data(model.index(first), PlanTreeModel::IsRowRole).toBool());
  const int second = model.nextRow(first, 1);
  REQUIRE(second > first);
  CHECK(model.data(model.index(second), PlanTreeModel::IsRowRole).toBool());
  CHECK(model.nextRow(second, -1) == first);
  CHECK(model.nextRow(first, -1) == -1);
}

TEST_CASE("Search ignores full/half width, hiragana/katakana and case", "[app][tree]") {
  demo_app app("kourei");
  PlanTreeModel model;
  model.setMineOnly(false);
  // 認知症サポーター養成講座, typed as people type it.
  for (const auto& typed :
       {QStringLiteral("さぽーたー"), QStringLiteral("ｻﾎﾟｰﾀｰ"), QStringLiteral("サポーター")}) {
    INFO(typed.toStdString());
    model.setSearchText(typed);
    CHECK(rowTitles(model).contains(QStringLiteral("認知症サポーター養成講座")));
  }
  CHECK(Matome::searchKey(QStringLiteral("ＡＢＣ１２３")) ==
        Matome::searchKey(QStringLiteral("abc123")));
  // Stored text is shown as written.
  model.setSearchText(QStringLiteral("ｻﾎﾟｰﾀｰ"));
  const auto first = model.index(model.indexOfItem(app.item("認知症サポーター養成講座")));
  CHECK(model.data(first, PlanTreeModel::TitleRole).toString() ==
        QStringLiteral("認知症サポーター養成講座"));
}

TEST_CASE("Search finds a row by what its fields say, own unsent text included", "[app][tree]") {
  demo_app app("kourei");
  PlanTreeModel model;
  model.setMineOnly(false);
  // 「164人が受講した。」 is in 認知症サポーター養成講座's 進捗状況 (R5) only.
  model.setSearchText(QStringLiteral("受講者数が伸び悩んだ"));
  CHECK(rowTitles(model).contains(QStringLiteral("認知症サポーター養成講座")));
  // Typed here and not sent yet: found too, width and kana folded.
  REQUIRE(app.session->replica().edit(
      {app.item("各種サポーターの養成"), app.department("kourei"), 2024, "progress"},
      "ウォーキング教室を開いた。"));
  model.reload();
  model.setSearchText(QStringLiteral("うぉーきんぐ"));
  CHECK(rowTitles(model) == QStringList{QStringLiteral("各種サポーターの養成")});
}

TEST_CASE("Rows with edits not sent yet are marked", "[app][tree]") {
  demo_app app("kourei");
  PlanTreeModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  const auto row = app.item("認知症サポーター養成講座");
  CHECK_FALSE(model.data(model.index(model.indexOfItem(row)), PlanTreeModel::UnsentRole).toBool());
  REQUIRE(
      app.session->replica().edit({row, app.department("kourei"), 2024, "progress"}, "実施した。"));
  QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
  model.refreshUnsent();
  CHECK(model.data(model.index(model.indexOfItem(row)), PlanTreeModel::UnsentRole).toBool());
  CHECK(changed.size() == 1);  // only that row, not a reset
  CHECK_FALSE(model
                  .data(model.index(model.indexOfItem(app.item("各種サポーターの養成"))),
                        PlanTreeModel::UnsentRole)
                  .toBool());
}
