#pragma once
// The open conflicts this user may see, each with base, incoming and server
// values and the changed text marked; resolving one queues the resolution
// like any other offline action.

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <vector>

#include "matome/sync/change.h"

namespace Matome {

class ConflictListModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(int count READ count NOTIFY countChanged)
  Q_PROPERTY(QString error READ error NOTIFY errorChanged)

 public:
  enum Roles {
    ConflictIdRole = Qt::UserRole + 1,
    ItemIdRole,
    DepartmentIdRole,
    ItemRole,        // "1 福祉教育"
    FieldRole,       // the field's label, with the year for a series or a report
    DepartmentRole,  // the entry's department, empty for a plan field
    BaseRole,
    MineRole,        // the value that came in and met the conflict
    TheirsRole,      // the value the server holds
    MineHtmlRole,    // mine against base, changes marked
    TheirsHtmlRole,  // theirs against base, changes marked
    MineIsOwnRole,   // whether "mine" was sent by this user
    SentByRole,
    AtRole,
    QueuedRole,    // a resolution is queued, not yet confirmed
    ServerByRole,  // who wrote the server's value
    ServerAtRole,  // and when (local time)
  };
  Q_ENUM(Roles)

  explicit ConflictListModel(QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;
  int count() const { return rowCount(); }
  QString error() const { return m_error; }

  Q_INVOKABLE bool takeMine(int row);
  Q_INVOKABLE bool takeTheirs(int row);
  Q_INVOKABLE bool merge(int row, const QString& value);
  // Takes back a resolution not sent yet (the conflict is open again).
  Q_INVOKABLE bool undo(int row);
  // The next conflict after `row` with no resolution queued (wrapping
  // round), or -1: where the list goes after a resolution.
  Q_INVOKABLE int nextOpen(int row) const;
  Q_INVOKABLE void reload();

 Q_SIGNALS:
  void countChanged();
  void errorChanged();

 private:
  struct Row {
    matome::conflict_record conflict;
    // What the diff compares: the values, or for a table one line per row,
    // so two tables are shown side by side, row by row.
    std::string base_text, mine_text, theirs_text;
    QString item;
    QString field;
    QString department;
    bool queued = false;
    std::string action_id;  // the queued resolution's
  };
  static constexpr int kResolutionDelayMs = 8000;
  bool resolve(int row, const char* take, const QString& merged);
  void setError(const QString& error);

  std::vector<Row> m_rows;
  QString m_error;
};

}  // namespace Matome
