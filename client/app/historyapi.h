#pragma once
// One cell's history from the server (GET …/history), read by the history
// view and the review of changes since acceptance.

#include <QObject>
#include <QString>
#include <functional>
#include <vector>

namespace Matome {

struct HistoryRow {
  qint64 seq = 0;
  QString at;  // local time, for display
  QString user;
  QString device;
  QString oldValue;
  QString newValue;
};

// Oldest first. `done` runs on the UI thread unless `context` is gone; on
// failure `error` is the server's (or the network's) message.
void fetchHistory(
    QObject* context, qint64 itemId, qint64 departmentId, int year, const QString& field,
    std::function<void(bool ok, const std::vector<HistoryRow>& rows, const QString& error)> done);

}  // namespace Matome
