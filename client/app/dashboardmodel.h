#pragma once
// The coordinator's dashboard: departments × status for one fiscal year,
// with percent complete and overdue entries against the due date, computed
// from the replica (so it works offline; the due date is cached from the
// server). Also the reminder list, copy and CSV export, and finalizing a year.

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <QUrl>

#include "matome/report/dashboard.h"

namespace Matome {

class DashboardModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(int year READ year WRITE setYear NOTIFY yearChanged)
  Q_PROPERTY(QString yearLabel READ yearLabel NOTIFY yearChanged)
  Q_PROPERTY(QString dueDate READ dueDate NOTIFY summaryChanged)            // 2025-05-31
  Q_PROPERTY(QString dueDateLabel READ dueDateLabel NOTIFY summaryChanged)  // 令和7年5月31日
  // Why the typed due date was not taken; shown beside the field.
  Q_PROPERTY(QString dueDateError READ dueDateError NOTIFY messageChanged)
  Q_PROPERTY(bool pastDue READ pastDue NOTIFY summaryChanged)
  Q_PROPERTY(int total READ total NOTIFY summaryChanged)
  Q_PROPERTY(int accepted READ accepted NOTIFY summaryChanged)
  Q_PROPERTY(int percentComplete READ percentComplete NOTIFY summaryChanged)
  Q_PROPERTY(QStringList stillToSubmit READ stillToSubmit NOTIFY summaryChanged)
  Q_PROPERTY(bool finalized READ finalized NOTIFY summaryChanged)
  Q_PROPERTY(QString message READ message NOTIFY messageChanged)

 public:
  enum Roles {
    DepartmentIdRole = Qt::UserRole + 1,
    NameRole,
    NotStartedRole,
    DraftRole,
    CheckingRole,
    SubmittedRole,
    ReturnedRole,
    AcceptedRole,
    TotalRole,
    PercentRole,
    OverdueRole,
  };
  Q_ENUM(Roles)

  explicit DashboardModel(QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  int year() const { return m_year; }
  void setYear(int year);
  QString yearLabel() const;
  QString dueDate() const;
  QString dueDateLabel() const;
  QString dueDateError() const { return m_dueDateError; }
  bool pastDue() const { return m_board.past_due; }
  int total() const { return m_board.total(); }
  int accepted() const { return m_board.accepted(); }
  int percentComplete() const;
  QStringList stillToSubmit() const;
  bool finalized() const { return m_finalized; }
  QString message() const { return m_message; }

  // The reminder text (departments still to submit) on the clipboard.
  Q_INVOKABLE QString reminderText() const;
  Q_INVOKABLE void copyReminder() const;
  // The matrix as CSV (UTF-8 with BOM, so Excel opens it as Japanese).
  Q_INVOKABLE bool exportCsv(const QUrl& file);
  // Asks the server for the due date (online), then recomputes.
  Q_INVOKABLE void refreshDueDate();
  // Sets the year's due date (online, coordinators), typed as R7.5.31,
  // 令和7年5月31日 or 2025-05-31; false (and dueDateError) when unreadable.
  Q_INVOKABLE bool setDueDate(const QString& typed);
  // What finalizing leaves behind: the entries not accepted, by department
  // ("福祉課 3件、社協 1件"), or empty when every entry is accepted.
  Q_INVOKABLE QString notAcceptedSummary() const;
  // Locks the year for everyone (online, coordinators).
  Q_INVOKABLE void finalizeYear();
  Q_INVOKABLE void reload();

 Q_SIGNALS:
  void yearChanged();
  void summaryChanged();
  void messageChanged();

 private:
  void setMessage(const QString& message);

  int m_year = 0;
  matome::dashboard m_board;
  bool m_finalized = false;
  QString m_message;
  QString m_dueDateError;
};

}  // namespace Matome
