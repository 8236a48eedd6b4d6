// End to end against a real server: the coordinator's review of changes
// since acceptance, a cell's history, finalizing a year, and sync by file.
#include <QFile>
#include <QSignalSpy>
#include <QUrl>
#include <catch2/catch.hpp>

#include "app_fixture.h"
#include "client/client_fixture.h"
#include "dashboardmodel.h"
#include "entrycontroller.h"
#include "historymodel.h"
#include "matome/client/transport.h"
#include "reviewmodel.h"
#include "support/catch_result.h"

using namespace matome;
using namespace matome::test;

namespace {

QString read(const QString& path) {
  QFile file(path);
  REQUIRE(file.open(QIODevice::ReadOnly));
  return QString::fromUtf8(file.readAll());
}

// The department fills in and submits `e`, and it reaches the server.
void submit_for_review(client_fixture& f, client::replica& department, const entry_key& e) {
  client_fixture::fill_for_submit(department, e);
  REQUIRE(department.queue_transition(e, entry_action::submit));
  REQUIRE(f.sync(department));
}

// The coordinator's form on `e`, once its replica shows it submitted.
void open_submitted(Matome::EntryController& entry, const entry_key& e) {
  entry.setItemId(e.item_id);
  entry.setDepartmentId(e.department_id);
  REQUIRE(wait_until([&] { return entry.status() == QStringLiteral("submitted"); }));
}

}  // namespace

TEST_CASE("The coordinator reviews what changed since acceptance and a cell's history",
          "[app][e2e]") {
  client_fixture f;
  const auto& p = f.p;
  const entry_key e{p.solo_row, p.fukushi, 2023};
  auto fukushi = f.sign_in("fukushi1");
  submit_for_review(f, fukushi, e);
  live_app coord(f.dir.file("coord-app"), f.url(), "coord");
  Matome::EntryController entry;
  open_submitted(entry, e);
  REQUIRE(entry.act(QStringLiteral("accept")));
  REQUIRE(wait_until([&] { return entry.status() == QStringLiteral("accepted"); }));
  REQUIRE(entry.act(QStringLiteral("reopen")));
  REQUIRE(wait_until([&] { return entry.status() != QStringLiteral("accepted"); }));

  REQUIRE(f.sync(fukushi));
  REQUIRE(fukushi.edit({e.item_id, e.department_id, e.year, "progress"},
                       "講座を2回開催し、父親の参加が増えた。"));
  REQUIRE(f.sync(fukushi));
  coord.sync->syncNow();
  REQUIRE(wait_until([&] {
    return coord.session->replica().value_of({e.item_id, e.department_id, e.year, "progress"}) ==
           "講座を2回開催し、父親の参加が増えた。";
  }));

  Matome::ReviewModel review;
  review.load(e.item_id, e.department_id, e.year);
  REQUIRE(wait_until([&] { return !review.loading(); }));
  REQUIRE(review.error().isEmpty());
  CHECK_FALSE(review.acceptedAt().isEmpty());
  CHECK(review.changedCount() == 1);
  for (int r = 0; r < review.rowCount(); ++r) {
    const auto at = review.index(r);
    const auto key = review.data(at, Matome::ReviewModel::KeyRole).toString();
    CHECK(review.data(at, Matome::ReviewModel::ChangedRole).toBool() ==
          (key == QStringLiteral("progress")));
    if (key == QStringLiteral("progress")) {
      CHECK(review.data(at, Matome::ReviewModel::AcceptedValueRole) ==
            QStringLiteral("実施した。"));
      CHECK(review.data(at, Matome::ReviewModel::ChangeHtmlRole)
                .toString()
                .contains(QStringLiteral("父親の参加")));
    }
  }

  Matome::HistoryModel history;
  history.load(e.item_id, e.department_id, e.year, QStringLiteral("progress"));
  REQUIRE(wait_until([&] { return !history.loading(); }));
  REQUIRE(history.rowCount() == 2);
  const auto newest = history.index(0);
  CHECK(history.data(newest, Matome::HistoryModel::UserRole) == QStringLiteral("fukushi1"));
  CHECK(history.data(newest, Matome::HistoryModel::DeviceRole) == QStringLiteral("fukushi1-pc"));
  CHECK(history.data(newest, Matome::HistoryModel::OldValueRole) == QStringLiteral("実施した。"));

  // A due date in the past makes the open entries overdue.
  Matome::DashboardModel board;
  board.setYear(2023);
  CHECK_FALSE(board.setDueDate(QStringLiteral("5月31日")));
  CHECK(board.dueDateError().contains(QStringLiteral("2025-05-31")));  // says the forms it reads
  CHECK(board.dueDate().isEmpty());
  REQUIRE(board.setDueDate(QStringLiteral("令和6年5月31日")));
  CHECK(board.dueDateError().isEmpty());
  REQUIRE(wait_until([&] { return board.dueDate() == QStringLiteral("2024-05-31"); }));
  CHECK(board.dueDateLabel() == QStringLiteral("令和6年5月31日"));
  CHECK(board.pastDue());
  int overdue = 0;
  for (int r = 0; r < board.rowCount(); ++r)
    overdue += board.data(board.index(r), Matome::DashboardModel::OverdueRole).toInt();
  CHECK(overdue == board.total() - board.accepted());

  // Finalizing the year locks it for everyone, the coordinator included.
  board.finalizeYear();
  REQUIRE(wait_until([&] { return board.finalized(); }));
  CHECK(coord.session->replica().db().is_finalized(p.plan_id, 2023));
  REQUIRE(wait_until([&] { return !entry.canEdit() && entry.actions().isEmpty(); }));
}

TEST_CASE("A machine with no route syncs by file through the coordinator", "[app][e2e]") {
  client_fixture f;
  const auto& p = f.p;
  live_app app(f.dir.file("fukushi1-app"), f.url(), "fukushi1");
  app.sync->stop();  // from now on, the separated network

  Matome::EntryController entry;
  entry.setItemId(p.solo_row);
  entry.setDepartmentId(p.fukushi);
  entry.setValue(QStringLiteral("progress"), QStringLiteral("ファイルで届いた実績。"));
  entry.flush();
  QSignalSpy done(app.sync.get(), &Matome::SyncController::fileDone);
  const auto changes = QString::fromStdString(f.dir.file("changes.matome").string());
  app.sync->exportBundle(QUrl::fromLocalFile(changes));
  REQUIRE(wait_until([&] { return done.size() == 1; }));
  CHECK(done[0][0].toBool());
  CHECK(read(changes).startsWith(QStringLiteral("MATOME-BUNDLE 1")));

  // The coordinator's machine carries it to the server and brings the answer back.
  f.sign_in("coord");
  auto answer = client::call_api(f.url(), f.tokens.at("coord"), "POST", "/api/v1/bundles",
                                 read(changes).toStdString());
  REQUIRE(answer);
  const auto answerFile = QString::fromStdString(f.dir.file("answer.matome").string());
  {
    QFile out(answerFile);
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(QByteArray::fromStdString(*answer));
  }
  app.sync->importAnswer(QUrl::fromLocalFile(answerFile));
  REQUIRE(wait_until([&] { return done.size() == 2; }));
  CHECK(done[1][0].toBool());
  CHECK(app.sync->pending() == 0);
  const cell_key progress{p.solo_row, p.fukushi, 2023, "progress"};
  CHECK(f.server_value(progress) == "ファイルで届いた実績。");

  // A file that is not a bundle changes nothing and says why.
  const auto junk = QString::fromStdString(f.dir.file("junk.txt").string());
  {
    QFile out(junk);
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write("これは同期ファイルではありません");
  }
  app.sync->importAnswer(QUrl::fromLocalFile(junk));
  REQUIRE(wait_until([&] { return done.size() == 3; }));
  CHECK_FALSE(done[2][0].toBool());
  CHECK(done[2][1].toString().contains(QStringLiteral("受け付けられません")));
  CHECK(done[2][1].toString().contains(QStringLiteral("何も変更していません")));
  CHECK(app.session->replica().value_of(progress) == "ファイルで届いた実績。");
  CHECK(app.sync->pending() == 0);
}

TEST_CASE("The 差戻し banner shows the reason given with the return, not a later comment",
          "[app][e2e]") {
  client_fixture f;
  const auto& p = f.p;
  const entry_key e{p.solo_row, p.fukushi, 2023};
  auto fukushi = f.sign_in("fukushi1");
  submit_for_review(f, fukushi, e);
  live_app coord(f.dir.file("coord-app"), f.url(), "coord");
  Matome::EntryController entry;
  open_submitted(entry, e);
  REQUIRE(
      entry.act(QStringLiteral("return"), QStringLiteral("参加者数の内訳を追記してください。")));
  REQUIRE(wait_until([&] { return entry.status() == QStringLiteral("returned"); }));
  CHECK(entry.returnComment() == QStringLiteral("参加者数の内訳を追記してください。"));

  // The department answers in the thread; the reason for the return stays.
  REQUIRE(f.sync(fukushi));
  REQUIRE(fukushi.queue_comment(e, "内訳を確認しています。"));
  REQUIRE(f.sync(fukushi));
  coord.sync->syncNow();
  REQUIRE(wait_until([&] { return entry.comments()->rowCount() == 2; }));
  CHECK(entry.status() == QStringLiteral("returned"));
  CHECK(entry.returnComment() == QStringLiteral("参加者数の内訳を追記してください。"));
}
