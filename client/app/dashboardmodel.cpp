#include "dashboardmodel.h"

#include <QClipboard>
#include <QDate>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include "apicall.h"
#include "matome/domain/calendar_date.h"
#include "matome/domain/fiscal_year.h"
#include "qtconvert.h"
#include "session.h"
#include "synccontroller.h"

namespace Matome {
namespace {

// The due date the server last told this replica, per year.
std::string dueDateSetting(int year) {
  return "due_date:" + std::to_string(year);
}

}  // namespace

DashboardModel::DashboardModel(QObject* parent) : QAbstractListModel(parent) {
  if (auto* session = Session::instance()) {
    connect(session, &Session::replicaChanged, this, &DashboardModel::reload);
    connect(session, &Session::planChanged, this, &DashboardModel::reload);
    m_year = session->reportYear();
  }
  reload();
}

int DashboardModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_board.departments.size());
}

QHash<int, QByteArray> DashboardModel::roleNames() const {
  return {{DepartmentIdRole, "departmentId"},
          {NameRole, "name"},
          {NotStartedRole, "notStarted"},
          {DraftRole, "draft"},
          {CheckingRole, "checking"},
          {SubmittedRole, "submitted"},
          {ReturnedRole, "returned"},
          {AcceptedRole, "accepted"},
          {TotalRole, "total"},
          {PercentRole, "percent"},
          {OverdueRole, "overdue"}};
}

QVariant DashboardModel::data(const QModelIndex& index, int role) const {
  Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid));
  const auto& row = m_board.departments[static_cast<std::size_t>(index.row())];
  using matome::entry_status;
  switch (role) {
    case DepartmentIdRole:
      return static_cast<qint64>(row.department.id);
    case Qt::DisplayRole:
    case NameRole:
      return qs(row.department.name);
    case NotStartedRole:
      return row.count(entry_status::not_started);
    case DraftRole:
      return row.count(entry_status::draft);
    case CheckingRole:
      return row.count(entry_status::checking);
    case SubmittedRole:
      return row.count(entry_status::submitted);
    case ReturnedRole:
      return row.count(entry_status::returned);
    case AcceptedRole:
      return row.count(entry_status::accepted);
    case TotalRole:
      return row.total;
    case PercentRole:
      return row.percent_complete;
    case OverdueRole:
      return row.overdue;
    default:
      return {};
  }
}

void DashboardModel::setYear(int year) {
  if (year == m_year) return;
  m_year = year;
  Q_EMIT yearChanged();
  reload();
}

QString DashboardModel::yearLabel() const {
  return m_year > 0 ? qs(matome::fiscal_year_label(m_year)) : QString();
}

QString DashboardModel::dueDate() const {
  return m_board.due_date ? qs(*m_board.due_date) : QString();
}

QString DashboardModel::dueDateLabel() const {
  if (!m_board.due_date) return {};
  auto date = matome::parse_calendar_date(*m_board.due_date);
  return date ? qs(matome::era_date_label(*date)) : dueDate();
}

int DashboardModel::percentComplete() const {
  const int t = total();
  return t == 0 ? 0 : 100 * accepted() / t;
}

QStringList DashboardModel::stillToSubmit() const {
  QStringList names;
  for (const auto& n : m_board.still_to_submit) names << qs(n);
  return names;
}

void DashboardModel::reload() {
  auto* session = Session::instance();
  const auto* index = session ? session->plan() : nullptr;
  beginResetModel();
  if (index && m_year > 0) {
    auto& local = session->replica();
    const auto today = QDate::currentDate().toString(Qt::ISODate).toStdString();
    auto due = local.setting(dueDateSetting(m_year));
    if (due && due->empty()) due.reset();
    m_board = matome::compute_dashboard(local.db(), index->plan.id, m_year, today, due);
    m_finalized = local.db().is_finalized(index->plan.id, m_year);
  } else {
    m_board = {};
    m_finalized = false;
  }
  endResetModel();
  Q_EMIT summaryChanged();
}

QString DashboardModel::reminderText() const {
  QString text =
      tr("%1の進捗状況報告について、次の担当課の提出が済んでいません。").arg(yearLabel());
  if (m_board.due_date) text += tr("（提出期限: %1）").arg(dueDateLabel());
  text += u'\n';
  for (const auto& row : m_board.departments) {
    if (row.open() == 0) continue;
    text += tr("・%1　未提出 %2件（全%3件）\n")
                .arg(qs(row.department.name))
                .arg(row.open())
                .arg(row.total);
  }
  return text;
}

void DashboardModel::copyReminder() const {
  if (auto* clipboard = QGuiApplication::clipboard()) clipboard->setText(reminderText());
}

bool DashboardModel::exportCsv(const QUrl& file) {
  QFile out(file.toLocalFile());
  if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
    setMessage(tr("%1 に書き込めません: %2").arg(file.toLocalFile(), out.errorString()));
    return false;
  }
  QString csv = QStringLiteral("\uFEFF");
  csv += tr("担当課,未着手,作成中,課内確認中,提出済,差戻し,確定,計,完了率(%),期限超過\n");
  for (int r = 0; r < rowCount(); ++r) {
    const auto at = index(r);
    QStringList cells{QStringLiteral("\"%1\"").arg(
        data(at, NameRole).toString().replace(u'"', QStringLiteral("\"\"")))};
    for (int role = NotStartedRole; role <= OverdueRole; ++role) cells << data(at, role).toString();
    csv += cells.join(u',') + u'\n';
  }
  out.write(csv.toUtf8());
  setMessage(tr("書き出しました: %1").arg(file.toLocalFile()));
  return true;
}

void DashboardModel::refreshDueDate() {
  auto* session = Session::instance();
  if (!session || !session->identity() || m_year == 0) return;
  const int year = m_year;
  callApiAsync(this, "GET",
               "/api/v1/plans/" + std::to_string(session->identity()->plan_id) +
                   "/dashboard?year=" + std::to_string(year),
               {}, [this, year](bool ok, const std::string& body) {
                 if (!ok) return;  // offline: the cached date stays
                 const auto json = QJsonDocument::fromJson(QByteArray::fromStdString(body));
                 const auto due = json.object().value(QStringLiteral("due_date"));
                 auto& local = Session::instance()->replica();
                 local.set_setting(dueDateSetting(year),
                                   due.isString() ? utf8(due.toString()) : "");
                 reload();
               });
}

bool DashboardModel::setDueDate(const QString& typed) {
  const auto date = matome::parse_calendar_date(utf8(typed));
  if (!date) {
    m_dueDateError = qs(date.error().message);
    Q_EMIT messageChanged();
    return false;
  }
  m_dueDateError.clear();
  Q_EMIT messageChanged();
  auto* session = Session::instance();
  if (!session || !session->identity()) return false;
  const int year = m_year;
  const auto text = matome::iso_date(*date);
  const QString label = qs(matome::era_date_label(*date));
  callApiAsync(this, "PUT",
               "/api/v1/plans/" + std::to_string(session->identity()->plan_id) + "/years/" +
                   std::to_string(year) + "/due-date",
               R"({"due_date":")" + text + R"("})",
               [this, year, text, label](bool ok, const std::string& bodyOrError) {
                 if (!ok) {
                   setMessage(tr("期限を設定できません: %1").arg(qs(bodyOrError)));
                   return;
                 }
                 Session::instance()->replica().set_setting(dueDateSetting(year), text);
                 setMessage(tr("提出期限を %1 にしました。").arg(label));
                 reload();
               });
  return true;
}

QString DashboardModel::notAcceptedSummary() const {
  QStringList parts;
  for (const auto& row : m_board.departments) {
    const int open = row.total - row.count(matome::entry_status::accepted);
    if (open > 0) parts << tr("%1 %2件").arg(qs(row.department.name)).arg(open);
  }
  return parts.join(tr("、"));
}

void DashboardModel::finalizeYear() {
  auto* session = Session::instance();
  if (!session || !session->identity()) return;
  callApiAsync(this, "POST",
               "/api/v1/plans/" + std::to_string(session->identity()->plan_id) + "/years/" +
                   std::to_string(m_year) + "/finalize",
               {}, [this](bool ok, const std::string& bodyOrError) {
                 setMessage(ok ? tr("%1を確定しました。").arg(yearLabel())
                               : tr("確定できません: %1").arg(qs(bodyOrError)));
                 if (auto* sync = SyncController::instance(); ok && sync) sync->syncNow();
               });
}

void DashboardModel::setMessage(const QString& message) {
  if (message == m_message) return;
  m_message = message;
  Q_EMIT messageChanged();
}

}  // namespace Matome
