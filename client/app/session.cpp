#include "session.h"

#include <QFutureWatcher>
#include <QJSEngine>
#include <QSettings>
#include <QSysInfo>
#include <QtConcurrent/QtConcurrentRun>
#include <filesystem>
#include <stdexcept>

#include "matome/client/transport.h"
#include "matome/domain/fiscal_year.h"
#include "qtconvert.h"
#include "tokenstore.h"

namespace Matome {
namespace {

Session* g_instance = nullptr;

TokenStore tokenStoreFor(const matome::client::identity& id) {
  return TokenStore(qs(id.user + "@" + id.server));
}

}  // namespace

Session::Session(const QString& dataDir, QObject* parent) : QObject(parent) {
  std::filesystem::create_directories(utf8(dataDir));
  m_replicaPath = dataDir + QStringLiteral("/replica.db");
  auto opened = matome::client::replica::open(utf8(m_replicaPath));
  if (!opened) throw std::runtime_error(opened.error().message);
  m_replica = std::make_unique<matome::client::replica>(std::move(*opened));
  m_identity = m_replica->who();
  if (m_identity) {
    m_tokenStorage =
        m_replica->setting("token").value_or("") == "keychain" ? "keychain" : "database";
  }
  reloadPlan();
}

Session::~Session() {
  if (g_instance == this) g_instance = nullptr;
}

Session* Session::instance() {
  return g_instance;
}

void Session::setInstance(Session* session) {
  g_instance = session;
}

Session* Session::create(QQmlEngine*, QJSEngine*) {
  QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
  return g_instance;
}

QString Session::userName() const {
  return m_identity ? qs(m_identity->user) : QString();
}

QString Session::departmentName() const {
  return m_identity ? departmentNameOf(m_identity->department_id) : QString();
}

QString Session::departmentNameOf(qint64 departmentId) const {
  for (const auto& d : m_departments)
    if (d.id == departmentId) return qs(d.name);
  return {};
}

bool Session::isCoordinator() const {
  return m_identity && m_identity->role == matome::role::coordinator;
}

QString Session::serverUrl() const {
  return m_identity ? qs(m_identity->server) : QString();
}

// A site can preset the server for every user in /etc/xdg/matome/matome.conf:
//   [server]
//   default=https://matome.city.local
QString Session::defaultServerUrl() const {
  QSettings settings(QStringLiteral("matome"), QStringLiteral("matome"));
  return settings.value(QStringLiteral("server/default")).toString();
}

QString Session::planTitle() const {
  return m_plan ? qs(m_plan->plan.title) : QString();
}

QString Session::city() const {
  return m_plan ? qs(m_plan->plan.city) : QString();
}

QString Session::reportYearLabel() const {
  return m_plan ? yearLabel(m_plan->plan.report_year) : QString();
}

QString Session::yearLabel(int year) const {
  return year > 0 ? qs(matome::fiscal_year_label(year)) : QString();
}

QStringList Session::levelNames() const {
  QStringList names;
  if (m_plan)
    for (const auto& n : m_plan->plan.level_names) names << qs(n);
  return names;
}

bool Session::yearFinalized() {
  return m_plan && m_replica->db().is_finalized(m_plan->plan.id, m_plan->plan.report_year);
}

std::optional<std::string> Session::token() {
  if (!m_identity) return std::nullopt;
  if (!m_token) m_token = tokenStoreFor(*m_identity).load(*m_replica);
  return m_token;
}

void Session::signIn(const QString& server, const QString& login, const QString& password) {
  if (m_busy) return;
  const auto url = utf8(server.trimmed());
  if (url.empty() || login.trimmed().isEmpty() || password.isEmpty()) {
    setError(tr("サーバーのアドレス、ユーザー名、パスワードを入力してください。"));
    return;
  }
  if (auto owner = m_replica->check_owner(url, utf8(login.trimmed())); !owner) {
    setError(qs(owner.error().message));
    return;
  }
  setError({});
  setBusy(true);
  const auto device = utf8(QSysInfo::machineHostName());
  const auto publicKey = m_replica->device_key().public_key;
  auto* watcher = new QFutureWatcher<matome::result<matome::client::signed_in>>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, url, device] {
    watcher->deleteLater();
    auto answer = watcher->result();
    // The error first: whoever watches busy going false sees why.
    if (!answer) {
      setError(qs(answer.error().message));
      setBusy(false);
      return;
    }
    if (answer->plan_ids.empty()) {
      setError(tr("このサーバーには計画がありません。管理者に確認してください。"));
      setBusy(false);
      return;
    }
    setBusy(false);
    matome::client::identity id{
        url, answer->user, device, answer->department_id, answer->role, answer->plan_ids.front()};
    m_replica->set_identity(id);
    m_replica->set_setting("server_key", answer->server_key);
    m_tokenStorage = tokenStoreFor(id).save(*m_replica, answer->token);
    m_token = answer->token;
    m_identity = id;
    Q_EMIT identityChanged();
  });
  watcher->setFuture(QtConcurrent::run(
      [url, login = utf8(login.trimmed()), password = utf8(password), device, publicKey] {
        return matome::client::sign_in(url, login, password, device, publicKey);
      }));
}

void Session::notifyReplicaChanged() {
  // A sync may have moved the user to another department or role.
  if (auto now = m_replica->who();
      now && m_identity &&
      (now->department_id != m_identity->department_id || now->role != m_identity->role)) {
    m_identity = now;
    Q_EMIT identityChanged();
    Q_EMIT planChanged();  // the department's name
  }
  reloadPlan();
  Q_EMIT replicaChanged();
}

void Session::reloadPlan() {
  if (!m_identity) return;
  const auto version = m_replica->db().structure_version(m_identity->plan_id);
  if (version == m_structureVersion && m_plan) return;
  auto loaded = m_replica->plan();
  if (!loaded) return;  // not synced yet
  m_plan = std::move(*loaded);
  m_departments = m_replica->db().departments();
  m_structureVersion = version;
  Q_EMIT planChanged();
}

void Session::setError(const QString& error) {
  if (error == m_error) return;
  m_error = error;
  Q_EMIT errorChanged();
}

void Session::setBusy(bool busy) {
  if (busy == m_busy) return;
  m_busy = busy;
  Q_EMIT busyChanged();
}

}  // namespace Matome
