#include "tokenstore.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>

#include "matome/client/replica.h"
#include "qtconvert.h"

namespace Matome {
namespace {

constexpr auto kService = "matome";
constexpr std::string_view kKeychainMarker = "keychain";

// Runs a keychain job to its end; returns false when no keychain answered.
bool runJob(QKeychain::Job& job) {
  QEventLoop loop;
  QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
  job.setAutoDelete(false);
  job.start();
  loop.exec();
  return job.error() == QKeychain::NoError;
}

}  // namespace

TokenStore::TokenStore(QString key) : m_key(std::move(key)) {}

// MATOME_TOKEN_STORE=database skips the keychain: for tests and for
// desktops whose keychain prompts on every start.
bool TokenStore::keychainEnabled() {
  return qEnvironmentVariable("MATOME_TOKEN_STORE") != QStringLiteral("database") &&
         !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

QString TokenStore::save(matome::client::replica& local, const std::string& token) {
  if (keychainEnabled()) {
    QKeychain::WritePasswordJob job(QString::fromLatin1(kService));
    job.setKey(m_key);
    job.setTextData(qs(token));
    if (runJob(job)) {
      local.set_setting("token", kKeychainMarker);
      return QStringLiteral("keychain");
    }
  }
  local.set_setting("token", token);
  return QStringLiteral("database");
}

std::optional<std::string> TokenStore::load(matome::client::replica& local) {
  auto stored = local.setting("token");
  if (!stored || *stored != kKeychainMarker) return stored;
  QKeychain::ReadPasswordJob job(QString::fromLatin1(kService));
  job.setKey(m_key);
  if (!runJob(job)) return std::nullopt;
  return utf8(job.textData());
}

}  // namespace Matome
