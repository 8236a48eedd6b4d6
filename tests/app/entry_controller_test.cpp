#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <catch2/catch.hpp>

#include "app_fixture.h"
#include "entrycontroller.h"
#include "matome/client/replica.h"
#include "support/catch_result.h"

using namespace matome;
using namespace matome::test;
using Matome::EntryController;
using Matome::FieldListModel;

namespace {

constexpr int R5 = 2023;
constexpr int R6 = 2024;

QVariant field(EntryController& entry, const QString& key, int role) {
  const int row = entry.fields()->indexOfKey(key);
  REQUIRE(row >= 0);
  return entry.fields()->data(entry.fields()->index(row), role);
}

void open(EntryController& entry, record_id item, record_id department) {
  entry.setItemId(item);
  entry.setDepartmentId(department);
  REQUIRE(entry.valid());
}

}  // namespace

TEST_CASE("The entry form follows the template: plan fields read-only, last year beside",
          "[app][entry]") {
  demo_app app("kourei");
  EntryController entry;
  QAbstractItemModelTester tester(entry.fields(),
                                  QAbstractItemModelTester::FailureReportingMode::Fatal);
  open(entry, app.item("認知症サポーター養成講座"), app.department("kourei"));
  CHECK(entry.year() == R6);
  CHECK(entry.statusLabel() == QStringLiteral("未着手"));
  CHECK(entry.canEdit());
  CHECK(entry.actions() == QStringList{QStringLiteral("submit")});

  using R = FieldListModel::Roles;
  CHECK(field(entry, "content", R::ScopeRole) == QStringLiteral("plan"));
  CHECK_FALSE(field(entry, "content", R::EditableRole).toBool());
  CHECK(field(entry, "content", R::ValueRole).toString().contains(QStringLiteral("認知症")));
  CHECK(field(entry, "progress", R::EditableRole).toBool());
  CHECK(field(entry, "progress", R::RequiredRole).toBool());
  CHECK(field(entry, "progress", R::MaxLengthRole).toInt() == 800);
  CHECK(field(entry, "progress", R::LastYearValueRole).toString() ==
        QStringLiteral("講座を9回開催し、延べ164人が受講した。"));
  const auto grades = field(entry, "grade", R::OptionsRole).toList();
  REQUIRE(grades.size() == 3);
  CHECK(grades[0].toMap()[QStringLiteral("definition")].toString().contains(
      QStringLiteral("堅調に推移")));

  // The indicator: past years read-only, this year editable, the target from the plan.
  const auto series = field(entry, "indicator", R::SeriesRole).toList();
  REQUIRE(series.size() == 3);  // R4, R5, R6
  CHECK(series[0].toMap()[QStringLiteral("label")] == QStringLiteral("R4"));
  CHECK(series[0].toMap()[QStringLiteral("value")] == QStringLiteral("121"));
  CHECK_FALSE(series[0].toMap()[QStringLiteral("editable")].toBool());
  CHECK(series[1].toMap()[QStringLiteral("value")] == QStringLiteral("164"));
  CHECK(series[2].toMap()[QStringLiteral("editable")].toBool());
  CHECK(field(entry, "indicator", R::HasTargetRole).toBool());
  CHECK(field(entry, "indicator", R::TargetRole).toDouble() == 300);
}

TEST_CASE("An edit is in the replica file once the form flushes, and survives a reopen",
          "[app][entry]") {
  demo_app app("kourei");
  const cell_key key{app.item("認知症サポーター養成講座"), app.department("kourei"), R6,
                     "progress"};
  {
    EntryController entry;
    open(entry, key.item_id, key.department_id);
    entry.setValue(QStringLiteral("progress"), QStringLiteral("講座を10回開催した。"));
    entry.setValue(QStringLiteral("indicator"), QStringLiteral("180"), R6);
  }  // closing the form writes what was typed
  auto other = client::replica::open(app.dir.file("replica.db")).value();
  CHECK(other.value_of(key) == "講座を10回開催した。");
  CHECK(other.value_of({key.item_id, key.department_id, R6, "indicator"}) == "180");
  CHECK(other.outbox().size() == 2);  // waiting for the server
}

TEST_CASE("Bad input is refused with the reason and nothing is stored", "[app][entry]") {
  demo_app app("kourei");
  EntryController entry;
  open(entry, app.item("認知症サポーター養成講座"), app.department("kourei"));
  entry.setValue(QStringLiteral("indicator"), QStringLiteral("百八十"), R6);
  entry.flush();
  CHECK(entry.messageIsError());
  CHECK_FALSE(field(entry, "indicator", FieldListModel::ProblemRole).toString().isEmpty());
  CHECK(app.session->replica().outbox().empty());
  // Last year's values stay history: a department cannot change R5.
  entry.setValue(QStringLiteral("indicator"), QStringLiteral("1"), R5);
  entry.setValue(QStringLiteral("indicator"), QStringLiteral("170"), R6);
  entry.flush();
  CHECK(app.session->replica().value_of({entry.itemId(), entry.departmentId(), R5, "indicator"}) ==
        "164");
  CHECK(app.session->replica().outbox().size() == 1);
}

TEST_CASE("前年度の内容をコピー fills only the empty fields", "[app][entry]") {
  demo_app app("kourei");
  EntryController entry;
  open(entry, app.item("認知症サポーター養成講座"), app.department("kourei"));
  REQUIRE(entry.hasLastYear());
  entry.setValue(QStringLiteral("progress"), QStringLiteral("今年の実績。"));
  // Last year's table reads as rows beside the field, not as JSON.
  CHECK(field(entry, "activities", FieldListModel::LastYearValueRole) ==
        QStringLiteral("1. 養成講座 ｜ 7 ｜ 自治会・企業向けに開催\n2. フォローアップ研修 ｜ 2 ｜ "
                       "修了者の活動の場づくり"));
  CHECK(entry.copyFromLastYear() == 4);  // grade, reason, activities (a table), next_goal
  CHECK(field(entry, "progress", FieldListModel::ValueRole) == QStringLiteral("今年の実績。"));
  CHECK(field(entry, "grade", FieldListModel::ValueRole) == QStringLiteral("B"));
  CHECK(field(entry, "reason", FieldListModel::ValueRole) ==
        QStringLiteral("開催回数は増えたが受講者数が伸び悩んだ。"));
  CHECK(field(entry, "progress", FieldListModel::PendingRole).toBool());
  // A table is copied as the table it is, not as its text on screen.
  CHECK_FALSE(entry.messageIsError());
  CHECK(
      app.session->replica().value_of({entry.itemId(), entry.departmentId(), 2024, "activities"}) ==
      app.session->replica().value_of({entry.itemId(), entry.departmentId(), 2023, "activities"}));

  // Taken back: the copied fields are empty again; what was typed stays,
  // and so does a copied field the user has since changed.
  REQUIRE(entry.canUndoCopy());
  entry.setValue(QStringLiteral("next_goal"), QStringLiteral("来年度は出前講座を増やす。"));
  entry.flush();
  CHECK(entry.undoCopy() == 3);
  CHECK_FALSE(entry.canUndoCopy());
  CHECK(field(entry, "grade", FieldListModel::ValueRole).toString().isEmpty());
  CHECK(field(entry, "reason", FieldListModel::ValueRole).toString().isEmpty());
  CHECK(field(entry, "activities", FieldListModel::ValueRole).toString().isEmpty());
  CHECK(field(entry, "next_goal", FieldListModel::ValueRole) ==
        QStringLiteral("来年度は出前講座を増やす。"));
  CHECK(field(entry, "progress", FieldListModel::ValueRole) == QStringLiteral("今年の実績。"));
  // Nothing of the copy is left to send.
  for (const auto& change : app.session->replica().outbox()) {
    CHECK(change.change.key.field != "grade");
    CHECK(change.change.key.field != "reason");
    CHECK(change.change.key.field != "activities");
  }
}

TEST_CASE("Submit checks the template first and points at the field", "[app][entry]") {
  demo_app app("kourei");
  EntryController entry;
  open(entry, app.item("認知症サポーター養成講座"), app.department("kourei"));
  QSignalSpy problems(&entry, &EntryController::problemAt);
  CHECK_FALSE(entry.act(QStringLiteral("submit")));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0][0] == QStringLiteral("progress"));
  CHECK(entry.message().contains(QStringLiteral("進捗状況")));
  CHECK(field(entry, "progress", FieldListModel::ProblemRole)
            .toString()
            .contains(QStringLiteral("未入力")));

  entry.setValue(QStringLiteral("progress"), QStringLiteral("実施した。"));
  entry.setValue(QStringLiteral("grade"), QStringLiteral("A"));
  CHECK_FALSE(entry.act(QStringLiteral("submit")));
  CHECK(problems.last()[0] == QStringLiteral("reason"));  // a grade needs its reason

  entry.setValue(QStringLiteral("reason"), QStringLiteral("計画どおり。"));
  CHECK(entry.act(QStringLiteral("submit")));
  CHECK(entry.pendingAction() == QStringLiteral("submit"));
  CHECK(app.session->replica().actions().size() == 1);
}

TEST_CASE("A returned entry shows the coordinator's reason and may be edited again",
          "[app][entry]") {
  demo_app app("shogai");
  EntryController entry;
  open(entry, app.item("家庭教育支援"), app.department("shogai"));
  CHECK(entry.status() == QStringLiteral("returned"));
  CHECK(entry.returnComment().contains(QStringLiteral("評価をAとした理由")));
  CHECK(entry.canEdit());
  CHECK(entry.actions().contains(QStringLiteral("submit")));
  REQUIRE(entry.comments()->rowCount() >= 1);

  CHECK(entry.addComment(QStringLiteral("父親向けの週末講座を追記しました。")));
  const auto* comments = entry.comments();
  const auto last = comments->index(comments->rowCount() - 1);
  CHECK(comments->data(last, Matome::CommentListModel::PendingRole).toBool());
}

TEST_CASE("An accepted year is read-only for the department; the coordinator may reopen it",
          "[app][entry]") {
  {
    demo_app app("kourei");
    EntryController entry;
    open(entry, app.item("認知症サポーター養成講座"), app.department("kourei"));
    entry.setYear(R5);
    CHECK(entry.status() == QStringLiteral("accepted"));
    CHECK_FALSE(entry.canEdit());
    CHECK(entry.actions().isEmpty());
    CHECK_FALSE(field(entry, "progress", FieldListModel::EditableRole).toBool());
  }
  demo_app app("coord");
  EntryController entry;
  open(entry, app.item("認知症サポーター養成講座"), app.department("kourei"));
  entry.setYear(R5);
  CHECK(entry.actions() == QStringList{QStringLiteral("reopen")});
  entry.setYear(R6);
  entry.setItemId(app.item("福祉教育"));
  entry.setDepartmentId(app.department("gakkou"));
  CHECK(entry.status() == QStringLiteral("submitted"));
  CHECK(entry.actions().contains(QStringLiteral("accept")));
  CHECK(entry.actions().contains(QStringLiteral("return")));
  CHECK_FALSE(entry.act(QStringLiteral("return")));  // a return needs its reason
  CHECK(entry.messageIsError());
  CHECK(entry.act(QStringLiteral("return"), QStringLiteral("実施校数を明記してください。")));
}

TEST_CASE("A row's form shows its headings' sections; only the coordinator writes them",
          "[app][entry]") {
  {
    demo_app app("kourei");
    EntryController entry;
    open(entry, app.item("認知症サポーター養成講座"), app.department("kourei"));
    const auto sections = entry.sections();
    REQUIRE(sections.size() == 1);
    const auto background = sections[0].toMap();
    CHECK(background[QStringLiteral("label")] == QStringLiteral("目標の背景"));
    CHECK(background[QStringLiteral("heading")].toString().startsWith(QStringLiteral("目標")));
    CHECK(background[QStringLiteral("value")].toString().startsWith(
        QStringLiteral("地域のつながり")));
    CHECK_FALSE(background[QStringLiteral("editable")].toBool());
    CHECK_FALSE(entry.setSection(background[QStringLiteral("itemId")].toLongLong(),
                                 QStringLiteral("goal_background"), 0, QStringLiteral("書き換え")));
    CHECK(app.session->replica().outbox().empty());
  }
  demo_app app("coord");
  EntryController entry;
  open(entry, app.item("認知症サポーター養成講座"), app.department("kourei"));
  const auto background = entry.sections().at(0).toMap();
  REQUIRE(background[QStringLiteral("editable")].toBool());
  const auto heading = background[QStringLiteral("itemId")].toLongLong();
  REQUIRE(entry.setSection(heading, QStringLiteral("goal_background"), 0,
                           QStringLiteral("担い手の高齢化が進んでいる。")));
  CHECK(app.session->replica().value_of({heading, 0, 0, "goal_background"}) ==
        "担い手の高齢化が進んでいる。");
  CHECK(app.session->replica().outbox().size() == 1);
  CHECK(entry.sections().at(0).toMap()[QStringLiteral("value")] ==
        QStringLiteral("担い手の高齢化が進んでいる。"));
}

TEST_CASE("A coordinator reviews a department's entry read-only; editing it is a recorded choice",
          "[app][entry]") {
  demo_app app("coord");
  EntryController entry;
  open(entry, app.item("各種サポーターの養成"), app.department("kenkou"));  // submitted
  REQUIRE(entry.valid());
  CHECK(entry.reviewMode());
  CHECK_FALSE(entry.canEdit());
  CHECK_FALSE(field(entry, "progress", FieldListModel::EditableRole).toBool());
  // The steps stay: a review ends in 確定 or 差戻し.
  CHECK_FALSE(entry.actions().isEmpty());
  entry.setValue(QStringLiteral("progress"), QStringLiteral("取りまとめの書き換え"));
  entry.flush();
  CHECK(app.session->replica().outbox().empty());  // nothing written while reviewing
  CHECK(entry.messageIsError());

  REQUIRE(entry.editAsCoordinator());
  CHECK_FALSE(entry.reviewMode());
  CHECK(field(entry, "progress", FieldListModel::EditableRole).toBool());
  // Recorded in the entry's thread, which the department reads.
  const auto actions = app.session->replica().actions();
  REQUIRE(actions.size() == 1);
  CHECK(actions[0].action.kind == matome::action_kind::comment);
  CHECK(actions[0].action.text.find("編集") != std::string::npos);
  entry.setValue(QStringLiteral("progress"), QStringLiteral("取りまとめが補った実績。"));
  entry.flush();
  CHECK(app.session->replica().outbox().size() == 1);

  // Another entry starts in review again.
  open(entry, app.item("認知症サポーター養成講座"), app.department("kourei"));
  CHECK(entry.reviewMode());
}
