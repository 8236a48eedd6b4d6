#include <QAbstractItemModelTester>
#include <QFile>
#include <QUrl>
#include <catch2/catch.hpp>

#include "app_fixture.h"
#include "dashboardmodel.h"
#include "support/catch_result.h"

using namespace matome::test;
using Matome::DashboardModel;

TEST_CASE("The dashboard counts the demo's entries by department offline", "[app][dashboard]") {
  demo_app app("coord");
  DashboardModel board;
  QAbstractItemModelTester tester(&board, QAbstractItemModelTester::FailureReportingMode::Fatal);
  CHECK(board.yearLabel() == QStringLiteral("令和6年度"));
  REQUIRE(board.rowCount() == 7);
  int total = 0;
  int kourei = -1;
  for (int r = 0; r < board.rowCount(); ++r) {
    total += board.data(board.index(r), DashboardModel::TotalRole).toInt();
    if (board.data(board.index(r), DashboardModel::NameRole) == QStringLiteral("高齢介護課"))
      kourei = r;
  }
  CHECK(total == board.total());
  REQUIRE(kourei >= 0);
  const auto row = board.index(kourei);
  CHECK(board.data(row, DashboardModel::DraftRole).toInt() == 1);
  CHECK(board.data(row, DashboardModel::TotalRole).toInt() == 7);
  CHECK(board.stillToSubmit().contains(QStringLiteral("高齢介護課")));
  CHECK(board.reminderText().contains(QStringLiteral("高齢介護課　未提出 7件（全7件）")));

  const auto csv = app.dir.file("dashboard.csv");
  REQUIRE(board.exportCsv(QUrl::fromLocalFile(QString::fromStdString(csv.string()))));
  QFile file(QString::fromStdString(csv.string()));
  REQUIRE(file.open(QIODevice::ReadOnly));
  const auto bytes = file.readAll();
  CHECK(bytes.startsWith("\xEF\xBB\xBF"));  // the BOM: Excel reads it as UTF-8
  const auto text = QString::fromUtf8(bytes);
  CHECK(text.count(u'\n') == 8);  // header + 7 departments
  CHECK(text.contains(QStringLiteral("\"高齢介護課\",")));
}
