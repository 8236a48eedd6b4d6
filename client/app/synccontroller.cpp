#include "synccontroller.h"

#include <QDateTime>
#include <QFile>
#include <QFutureWatcher>
#include <QJSEngine>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include "displaytext.h"
#include "matome/client/sync_loop.h"
#include "qtconvert.h"
#include "session.h"

namespace Matome {
namespace {

SyncController* g_instance = nullptr;

}  // namespace

SyncController::SyncController(Session* session, QObject* parent)
    : QObject(parent), m_session(session) {
  m_debounce.setSingleShot(true);
  m_debounce.setInterval(1500);
  connect(&m_debounce, &QTimer::timeout, this, &SyncController::syncNow);
  connect(session, &Session::replicaChanged, this, &SyncController::refreshStatus);
  // A first sign-in starts the loop; a renewed one restarts it with the new token.
  connect(session, &Session::identityChanged, this, &SyncController::restart);
  refreshStatus();
}

SyncController::~SyncController() {
  stop();
  if (g_instance == this) g_instance = nullptr;
}

SyncController* SyncController::instance() {
  return g_instance;
}

void SyncController::setInstance(SyncController* controller) {
  g_instance = controller;
}

SyncController* SyncController::create(QQmlEngine*, QJSEngine*) {
  QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
  return g_instance;
}

void SyncController::start() {
  if (running() || !m_session->signedIn()) return;
  matome::client::sync_loop_options options;
  options.token = m_session->token();
  if (!options.token) {
    // The keychain lost it or is locked: without a token there is no sync,
    // so the window asks for the password again (nothing local is lost).
    m_needsSignIn = true;
    setMessage(tr("端末の鍵が見つかりません。もう一度サインインしてください。"));
    Q_EMIT statusChanged();
    return;
  }
  m_loop = std::make_unique<matome::client::sync_loop>(utf8(m_session->replicaPath()), options);
  m_syncing = true;
  QPointer<SyncController> self(this);
  m_thread = std::thread([this, self] {
    m_loop->run([self](const matome::result<matome::client::sync_report>& report) {
      const bool ok = report.has_value();
      const int code = ok ? 0 : static_cast<int>(report.error().code);
      QString error = ok ? QString() : qs(report.error().message);
      if (ok && report->rewound) {
        error =
            tr("サーバーが以前の状態に戻されていたため、全体を受け取り直し、あなたの値%1件を送り"
               "直しました。競合があれば「競合」で確認してください。")
                .arg(report->resent);
      } else if (ok && report->scope_changed) {
        error = tr("所属または役割がサーバーで変わったため、見られる内容を受け取り直しました。");
      }
      QMetaObject::invokeMethod(
          self,
          [self, ok, code, error] {
            if (self) self->onSyncReport(ok, code, error);
          },
          Qt::QueuedConnection);
    });
  });
  Q_EMIT statusChanged();
}

void SyncController::stop() {
  if (!running()) return;
  m_loop->stop();
  m_thread.join();
  m_loop.reset();
  m_syncing = false;
}

void SyncController::restart() {
  stop();
  m_needsSignIn = false;
  start();
}

void SyncController::syncNow() {
  m_debounce.stop();
  refreshStatus();  // what was just queued shows as pending at once
  if (!m_loop) return;
  m_syncing = true;
  Q_EMIT statusChanged();
  m_loop->sync_now();
}

void SyncController::scheduleSync(int delayMs) {
  refreshStatus();
  if (m_loop) m_debounce.start(delayMs);
}

void SyncController::onSyncReport(bool ok, int errorCode, const QString& error) {
  m_syncing = false;
  m_online = ok || static_cast<matome::errc>(errorCode) != matome::errc::unreachable;
  m_needsSignIn = static_cast<matome::errc>(errorCode) == matome::errc::unauthenticated;
  if (ok) {
    // A note on what a sync did (a restore, a move) stays until a problem
    // replaces it; an ordinary sync clears only problems.
    if (!error.isEmpty() || !m_notice) setMessage(error);
    m_notice = m_notice || !error.isEmpty();
  } else if (m_needsSignIn) {
    setMessage(
        tr("この端末の登録が無効になりました。もう一度サインインしてください（入力済みの内容は端末"
           "に残っています）。"));
  } else if (static_cast<matome::errc>(errorCode) == matome::errc::unreachable) {
    setMessage(tr("サーバーに接続できません。編集は端末に保存され、接続が戻ると送信されます。"));
  } else {
    setMessage(error);
  }
  if (!ok) m_notice = false;
  if (!ok) logError(error);
  if (ok) markProblemsResolved();  // through again: what stood in the way is gone
  ++m_syncCount;
  // Even a sync that brings no row may settle edits or finalize a year:
  // the views reread (the form keeps what is being typed).
  if (ok) {
    m_session->notifyReplicaChanged();  // the status follows replicaChanged()
  } else {
    refreshStatus();
  }
  Q_EMIT synced();
}

void SyncController::refreshStatus() {
  const auto s = m_session->replica().status();
  m_pending = s.pending + s.actions;
  m_refused = s.refused;
  m_conflicts = s.conflicts;
  m_lastSync =
      localTimeLabel(qs(s.last_sync), QStringLiteral("M/d HH:mm"));  // empty before the first
  Q_EMIT statusChanged();
}

void SyncController::logError(const QString& error) {
  constexpr std::size_t kKept = 30;
  const auto now = QDateTime::currentDateTime().toString(QStringLiteral("M/d HH:mm:ss"));
  // A server that stays away would fill the list with one message.
  if (!m_problems.empty() && m_problems.front().text == error &&
      m_problems.front().resolvedAt.isEmpty()) {
    m_problems.front().at = now;
  } else {
    m_problems.insert(m_problems.begin(), {now, error, {}});
    if (m_problems.size() > kKept) m_problems.resize(kKept);
  }
  Q_EMIT recentErrorsChanged();
}

void SyncController::markProblemsResolved() {
  const auto now = QDateTime::currentDateTime().toString(QStringLiteral("M/d HH:mm"));
  bool changed = false;
  for (auto& p : m_problems) {
    if (!p.resolvedAt.isEmpty()) continue;
    p.resolvedAt = now;
    changed = true;
  }
  if (changed) Q_EMIT recentErrorsChanged();
}

QStringList SyncController::recentErrors() const {
  QStringList out;
  for (const auto& p : m_problems) {
    QString line = p.at + u' ' + p.text;
    if (!p.resolvedAt.isEmpty()) line += tr("（解決済み %1）").arg(p.resolvedAt);
    out << line;
  }
  return out;
}

void SyncController::setMessage(const QString& message) {
  if (message == m_message) return;
  m_message = message;
  Q_EMIT statusChanged();
}

void SyncController::exportBundle(const QUrl& file) {
  const auto path = utf8(m_session->replicaPath());
  const auto target = file.toLocalFile();
  runFileJob(
      [path, target]() -> QString {
        auto local = matome::client::replica::open(path);
        if (!local) return qs(local.error().message);
        auto bundle = local->export_bundle();
        if (!bundle) return qs(bundle.error().message);
        QFile out(target);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            out.write(bundle->data(), static_cast<qint64>(bundle->size())) !=
                static_cast<qint64>(bundle->size())) {
          return tr("%1 に書き込めません: %2").arg(target, out.errorString());
        }
        return {};
      },
      tr("変更をファイルに書き出しました: %1").arg(target));
}

void SyncController::importAnswer(const QUrl& file) {
  const auto path = utf8(m_session->replicaPath());
  const auto source = file.toLocalFile();
  runFileJob(
      [path, source]() -> QString {
        QFile in(source);
        if (!in.open(QIODevice::ReadOnly))
          return tr("%1 を開けません: %2").arg(source, in.errorString());
        const auto text = in.readAll().toStdString();
        auto local = matome::client::replica::open(path);
        if (!local) return qs(local.error().message);
        auto imported = local->import_answer(text);
        return imported ? QString() : qs(imported.error().message);
      },
      tr("サーバーからの返答を取り込みました。"));
}

// A large bundle carries a whole plan: file work runs on a worker with its
// own replica connection, so the window stays responsive.
void SyncController::runFileJob(std::function<QString()> work, const QString& success) {
  if (m_fileBusy) return;
  m_fileBusy = true;
  Q_EMIT statusChanged();
  auto* watcher = new QFutureWatcher<QString>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, success] {
    watcher->deleteLater();
    m_fileBusy = false;
    const auto error = watcher->result();
    if (!error.isEmpty()) logError(error);
    m_session->notifyReplicaChanged();
    Q_EMIT fileDone(error.isEmpty(), error.isEmpty() ? success : error);
  });
  watcher->setFuture(QtConcurrent::run(std::move(work)));
}

}  // namespace Matome
