#pragma once
// A cell's history from the server (who, when, device, old → new). The
// replica keeps values, not history, so this needs a route to the server;
// offline the model says so in `error`.

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <vector>

#include "historyapi.h"

namespace Matome {

class HistoryModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
  Q_PROPERTY(QString error READ error NOTIFY loadingChanged)

 public:
  enum Roles {
    AtRole = Qt::UserRole + 1,
    UserRole,
    DeviceRole,
    OldValueRole,
    NewValueRole,
    ChangeHtmlRole,
  };
  Q_ENUM(Roles)

  using QAbstractListModel::QAbstractListModel;

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;
  bool loading() const { return m_loading; }
  QString error() const { return m_error; }

  // A cell as the server keys it: department 0 and year 0 for a plan field.
  Q_INVOKABLE void load(qint64 itemId, qint64 departmentId, int year, const QString& field);

 Q_SIGNALS:
  void loadingChanged();

 private:
  std::vector<HistoryRow> m_changes;  // newest first
  bool m_loading = false;
  QString m_error;
  int m_request = 0;  // answers to older requests are dropped
};

}  // namespace Matome
