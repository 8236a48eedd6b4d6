#pragma once
// Who is signed in, on which server, and the local replica the whole UI reads
// and writes. Opens straight from the local database when a sign-in exists,
// online or not. Every model reads through here; after a sync or a local edit
// Session emits replicaChanged() and the models refresh.

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

#include "matome/client/replica.h"

class QQmlEngine;
class QJSEngine;

namespace Matome {

class Session : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_SINGLETON
  Q_PROPERTY(bool signedIn READ signedIn NOTIFY identityChanged)
  Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
  Q_PROPERTY(QString error READ error NOTIFY errorChanged)
  Q_PROPERTY(QString userName READ userName NOTIFY identityChanged)
  Q_PROPERTY(QString departmentName READ departmentName NOTIFY planChanged)
  Q_PROPERTY(qint64 departmentId READ departmentId NOTIFY identityChanged)
  Q_PROPERTY(bool isCoordinator READ isCoordinator NOTIFY identityChanged)
  Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY identityChanged)
  Q_PROPERTY(QString defaultServerUrl READ defaultServerUrl CONSTANT)
  Q_PROPERTY(QString tokenStorage READ tokenStorage NOTIFY identityChanged)
  Q_PROPERTY(bool hasPlan READ hasPlan NOTIFY planChanged)
  Q_PROPERTY(QString planTitle READ planTitle NOTIFY planChanged)
  Q_PROPERTY(QString city READ city NOTIFY planChanged)
  Q_PROPERTY(int reportYear READ reportYear NOTIFY planChanged)
  Q_PROPERTY(QString reportYearLabel READ reportYearLabel NOTIFY planChanged)
  Q_PROPERTY(QStringList levelNames READ levelNames NOTIFY planChanged)
  Q_PROPERTY(bool yearFinalized READ yearFinalized NOTIFY replicaChanged)

 public:
  // Opens (creating) the replica in `dataDir`.
  explicit Session(const QString& dataDir, QObject* parent = nullptr);
  ~Session() override;

  // The one instance QML sees; main() and tests set it before loading QML.
  static Session* instance();
  static void setInstance(Session* session);
  static Session* create(QQmlEngine*, QJSEngine*);

  bool signedIn() const { return m_identity.has_value(); }
  bool busy() const { return m_busy; }
  QString error() const { return m_error; }
  QString userName() const;
  QString departmentName() const;
  qint64 departmentId() const { return m_identity ? m_identity->department_id : 0; }
  bool isCoordinator() const;
  QString serverUrl() const;
  QString defaultServerUrl() const;
  QString tokenStorage() const { return m_tokenStorage; }
  bool hasPlan() const { return m_plan.has_value(); }
  QString planTitle() const;
  QString city() const;
  int reportYear() const { return m_plan ? m_plan->plan.report_year : 0; }
  QString reportYearLabel() const;
  QStringList levelNames() const;
  bool yearFinalized();

  // Signs in in the background; identityChanged() or errorChanged() follows.
  Q_INVOKABLE void signIn(const QString& server, const QString& login, const QString& password);
  Q_INVOKABLE QString yearLabel(int year) const;
  Q_INVOKABLE QString departmentNameOf(qint64 departmentId) const;

  // ---- for the C++ models ------------------------------------------------
  matome::client::replica& replica() { return *m_replica; }
  const matome::plan_index* plan() const { return m_plan ? &*m_plan : nullptr; }
  const std::optional<matome::client::identity>& identity() const { return m_identity; }
  // The device token; read from the keychain once, then kept in memory.
  std::optional<std::string> token();
  QString replicaPath() const { return m_replicaPath; }
  // After a sync or an import: rereads the plan when its structure changed
  // (planChanged) and tells the models (replicaChanged).
  void notifyReplicaChanged();

 Q_SIGNALS:
  void identityChanged();
  void planChanged();
  void replicaChanged();
  void busyChanged();
  void errorChanged();

 private:
  void reloadPlan();
  void setError(const QString& error);
  void setBusy(bool busy);

  QString m_replicaPath;
  std::unique_ptr<matome::client::replica> m_replica;
  std::optional<matome::client::identity> m_identity;
  std::optional<matome::plan_index> m_plan;
  std::int64_t m_structureVersion = -1;
  std::vector<matome::department> m_departments;
  QString m_tokenStorage;
  std::optional<std::string> m_token;  // asked of the keychain once per run
  QString m_error;
  bool m_busy = false;
};

}  // namespace Matome
