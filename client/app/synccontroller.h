#pragma once
// The sync bar's state and actions. Runs the client core's sync_loop on its
// own thread (with its own replica connection), so the UI never waits on the
// network; every finished sync is handed to the UI thread, which refreshes
// the models. Sync by file (bundles) runs on a worker thread as well.

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <functional>
#include <memory>
#include <thread>

class QQmlEngine;
class QJSEngine;

namespace matome::client {
class sync_loop;
}

namespace Matome {

class Session;

class SyncController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_SINGLETON
  Q_PROPERTY(bool online READ online NOTIFY statusChanged)
  Q_PROPERTY(bool syncing READ syncing NOTIFY statusChanged)
  Q_PROPERTY(bool fileBusy READ fileBusy NOTIFY statusChanged)
  Q_PROPERTY(int pending READ pending NOTIFY statusChanged)
  Q_PROPERTY(int refused READ refused NOTIFY statusChanged)
  Q_PROPERTY(int conflicts READ conflicts NOTIFY statusChanged)
  Q_PROPERTY(QString lastSync READ lastSync NOTIFY statusChanged)
  Q_PROPERTY(QString message READ message NOTIFY statusChanged)
  Q_PROPERTY(int syncCount READ syncCount NOTIFY synced)
  Q_PROPERTY(bool needsSignIn READ needsSignIn NOTIFY statusChanged)
  Q_PROPERTY(QStringList recentErrors READ recentErrors NOTIFY recentErrorsChanged)

 public:
  explicit SyncController(Session* session, QObject* parent = nullptr);
  ~SyncController() override;

  static SyncController* instance();
  static void setInstance(SyncController* controller);
  static SyncController* create(QQmlEngine*, QJSEngine*);

  bool running() const { return m_thread.joinable(); }
  bool online() const { return m_online; }
  bool syncing() const { return m_syncing; }
  bool fileBusy() const { return m_fileBusy; }
  int pending() const { return m_pending; }
  int refused() const { return m_refused; }
  int conflicts() const { return m_conflicts; }
  QString lastSync() const { return m_lastSync; }
  QString message() const { return m_message; }
  int syncCount() const { return m_syncCount; }
  // The server no longer accepts this device (revoked, user disabled): the
  // user signs in again; nothing local is lost meanwhile.
  bool needsSignIn() const { return m_needsSignIn; }
  // The last problems met by sync and file transfers, newest first, with
  // their time: one place to look when something did not go through. Once
  // a sync goes through again, the problems before it say （解決済み …）.
  QStringList recentErrors() const;

  // Starts the background loop (once signed in); stops it on destruction.
  Q_INVOKABLE void start();
  Q_INVOKABLE void stop();
  // After a new sign-in: the loop starts again with the new token.
  Q_INVOKABLE void restart();
  Q_INVOKABLE void syncNow();
  // Soon after local edits: coalesces a burst of keystrokes into one push.
  // `delayMs` (default 1.5 s) leaves longer to take a choice back.
  Q_INVOKABLE void scheduleSync(int delayMs = 1500);
  // Sync by file, for machines with no route to the server.
  Q_INVOKABLE void exportBundle(const QUrl& file);
  Q_INVOKABLE void importAnswer(const QUrl& file);
  // Rereads the counts after a local change.
  Q_INVOKABLE void refreshStatus();

 Q_SIGNALS:
  void statusChanged();
  void synced();
  void fileDone(bool ok, const QString& message);
  void recentErrorsChanged();

 private:
  void onSyncReport(bool ok, int errorCode, const QString& error);
  void setMessage(const QString& message);
  void logError(const QString& error);
  void markProblemsResolved();
  // Runs `work` (returns an error, or empty) off the UI thread, then reports.
  void runFileJob(std::function<QString()> work, const QString& success);

  Session* m_session;
  std::unique_ptr<matome::client::sync_loop> m_loop;
  std::thread m_thread;
  QTimer m_debounce;
  bool m_notice = false;  // the message is a note on a sync, not a problem
  bool m_online = false;
  bool m_syncing = false;
  bool m_fileBusy = false;
  bool m_needsSignIn = false;
  int m_pending = 0;
  int m_refused = 0;
  int m_conflicts = 0;
  int m_syncCount = 0;
  QString m_lastSync;
  QString m_message;
  struct Problem {
    QString at;  // when last met
    QString text;
    QString resolvedAt;  // empty while it may still hold
  };
  std::vector<Problem> m_problems;
};

}  // namespace Matome
