#include "historymodel.h"

#include "displaytext.h"
#include "qtconvert.h"

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
  const int request = ++m_request;
  m_loading = true;
  m_error.clear();
  Q_EMIT loadingChanged();
  fetchHistory(
      this, itemId, departmentId, year, field,
      [this, request](bool ok, const std::vector<HistoryRow>& rows, const QString& error) {
        if (request != m_request) return;
        m_loading = false;
        beginResetModel();
        m_changes.assign(rows.rbegin(), rows.rend());  // newest first
        m_error =
            ok ? QString()
               : tr("履歴はサーバーにあります。接続できるときに表示できます（%1）").arg(error);
        endResetModel();
        Q_EMIT loadingChanged();
      });
}

}  // namespace Matome
