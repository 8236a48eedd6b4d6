#include "historymodel.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "apicall.h"
#include "conflictlistmodel.h"
#include "qtconvert.h"
#include "session.h"

namespace Matome {

int HistoryModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_changes.size());
}

QHash<int, QByteArray> HistoryModel::roleNames() const {
  return {{AtRole, "at"},
          {UserRole, "user"},
          {DeviceRole, "device"},
          {OldValueRole, "oldValue"},
          {NewValueRole, "newValue"},
          {ChangeHtmlRole, "changeHtml"}};
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const {
  Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid));
  const auto& c = m_changes[static_cast<std::size_t>(index.row())];
  switch (role) {
    case AtRole:
      return c.at;
    case UserRole:
      return c.user;
    case DeviceRole:
      return c.device;
    case OldValueRole:
      return c.oldValue;
    case Qt::DisplayRole:
    case NewValueRole:
      return c.newValue;
    case ChangeHtmlRole:
      return diffHtml(utf8(c.oldValue), utf8(c.newValue));
    default:
      return {};
  }
}

void HistoryModel::load(qint64 itemId, qint64 departmentId, int year, const QString& field) {
  auto* session = Session::instance();
  if (!session || !session->identity()) return;
  const int request = ++m_request;
  m_loading = true;
  m_error.clear();
  Q_EMIT loadingChanged();
  const auto target = "/api/v1/plans/" + std::to_string(session->identity()->plan_id) +
                      "/history?item=" + std::to_string(itemId) +
                      "&department=" + std::to_string(departmentId) +
                      "&year=" + std::to_string(year) + "&field=" + utf8(field);
  callApiAsync(this, "GET", target, {}, [this, request](bool ok, const std::string& body) {
    if (request != m_request) return;
    m_loading = false;
    beginResetModel();
    m_changes.clear();
    if (ok) {
      const auto rows = QJsonDocument::fromJson(QByteArray::fromStdString(body)).array();
      for (auto i = rows.size(); i-- > 0;) {  // newest first
        const auto o = rows.at(i).toObject();
        const auto at =
            QDateTime::fromString(o.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs)
                .toLocalTime();
        m_changes.push_back({at.toString(QStringLiteral("yyyy/M/d HH:mm")),
                             o.value(QStringLiteral("user")).toString(),
                             o.value(QStringLiteral("device")).toString(),
                             o.value(QStringLiteral("old_value")).toString(),
                             o.value(QStringLiteral("new_value")).toString()});
      }
    } else {
      m_error = tr("履歴はサーバーにあります。接続できるときに表示できます（%1）").arg(qs(body));
    }
    endResetModel();
    Q_EMIT loadingChanged();
  });
}

}  // namespace Matome
