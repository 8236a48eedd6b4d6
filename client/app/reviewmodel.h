#pragma once
// What changed in an entry since it was last accepted (確定): each report
// field's value then and now, with the changes marked. The values at that
// moment come from the server's history (online); the current ones from
// the replica.

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <vector>

namespace Matome {

class ReviewModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
  Q_PROPERTY(QString error READ error NOTIFY loadingChanged)
  Q_PROPERTY(QString acceptedAt READ acceptedAt NOTIFY loadingChanged)
  Q_PROPERTY(int changedCount READ changedCount NOTIFY loadingChanged)

 public:
  enum Roles {
    KeyRole = Qt::UserRole + 1,
    LabelRole,
    AcceptedValueRole,
    CurrentValueRole,
    ChangeHtmlRole,
    ChangedRole,
  };
  Q_ENUM(Roles)

  using QAbstractListModel::QAbstractListModel;

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;
  bool loading() const { return m_loading; }
  QString error() const { return m_error; }
  // When the entry was last accepted (local time), empty if never.
  QString acceptedAt() const { return m_acceptedAt; }
  int changedCount() const;

  Q_INVOKABLE void load(qint64 itemId, qint64 departmentId, int year);

 Q_SIGNALS:
  void loadingChanged();

 private:
  struct Field {
    QString key;
    QString label;
    QString accepted;
    QString current;
  };
  void loadField(std::size_t index, qint64 acceptedSeq, int request);
  void finish(const QString& error);
  static QString unreachable(const QString& error);

  std::vector<Field> m_fields;
  qint64 m_itemId = 0;
  qint64 m_departmentId = 0;
  int m_year = 0;
  bool m_loading = false;
  QString m_error;
  QString m_acceptedAt;
  int m_request = 0;
};

}  // namespace Matome
