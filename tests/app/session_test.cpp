#include "session.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <catch2/catch.hpp>

#include "app_fixture.h"
#include "auth/device_tokens.h"
#include "client/client_fixture.h"
#include "support/catch_result.h"

using namespace matome::test;

TEST_CASE("A site presets the server address in the system-wide settings", "[app][session]") {
  temp_dir dir;
  const auto xdg = QString::fromStdString(dir.path().string());
  QDir(xdg).mkpath(QStringLiteral("matome"));
  {
    QFile conf(xdg + QStringLiteral("/matome/matome.conf"));
    REQUIRE(conf.open(QIODevice::WriteOnly));
    conf.write("[server]\ndefault=https://matome.city.example.lg.jp\n");
  }
  // What /etc/xdg is for an installed client.
  QSettings::setPath(QSettings::NativeFormat, QSettings::SystemScope, xdg);
  QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, xdg + QStringLiteral("/user"));
  Matome::Session session(xdg + QStringLiteral("/data"));
  CHECK_FALSE(session.signedIn());
  CHECK(session.defaultServerUrl() == QStringLiteral("https://matome.city.example.lg.jp"));
}

TEST_CASE("Sign-in keeps a token, never the password, and the replica belongs to one user",
          "[app][session]") {
  client_fixture f;
  const auto url = f.url();
  const auto& dir = f.dir;
  live_app app(dir.file("app"), url, "fukushi1");
  CHECK(app.session->signedIn());
  CHECK(app.session->tokenStorage() == QStringLiteral("database"));  // MATOME_TOKEN_STORE=database
  CHECK(app.session->token().has_value());
  // The password is nowhere on disk: the replica is in WAL mode, so the
  // newest rows sit in replica.db-wal until a checkpoint; read every file.
  QByteArray stored;
  for (const char* name : {"app/replica.db", "app/replica.db-wal"}) {
    QFile file(QString::fromStdString(dir.file(name).string()));
    if (file.open(QIODevice::ReadOnly)) stored += file.readAll();
  }
  REQUIRE(stored.contains(app.session->token()->c_str()));  // what was written can be found
  CHECK_FALSE(stored.contains("demo"));
  CHECK(app.session->departmentName() == QStringLiteral("福祉課"));

  app.session->signIn(QString::fromStdString(url), QStringLiteral("coord"), QStringLiteral("demo"));
  CHECK(app.session->error().contains(QStringLiteral("fukushi1")));  // another user: another --data
  CHECK(app.session->userName() == QStringLiteral("fukushi1"));

  // A wrong password is the server's clear error, and nothing changes.
  temp_dir other;
  Matome::Session fresh(QString::fromStdString(other.path().string()));
  Matome::Session::setInstance(&fresh);
  fresh.signIn(QString::fromStdString(url), QStringLiteral("fukushi1"), QStringLiteral("wrong"));
  REQUIRE(wait_until([&] { return !fresh.busy(); }));
  CHECK_FALSE(fresh.signedIn());
  CHECK_FALSE(fresh.error().isEmpty());
  Matome::Session::setInstance(app.session.get());
}

TEST_CASE("A revoked device is asked to sign in again and keeps its edits", "[app][session]") {
  client_fixture f;
  const auto url = f.url();
  const auto& dir = f.dir;
  live_app app(dir.file("app"), url, "fukushi1");
  {
    auto master = f.server_store();
    for (const auto& d : matome::server::list_devices(master))
      if (d.login == "fukushi1") REQUIRE(matome::server::revoke_device(master, d.id));
  }
  const matome::cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(app.session->replica().edit(key, "取り消された端末で入力。"));
  app.sync->syncNow();
  REQUIRE(wait_until([&] { return app.sync->needsSignIn(); }));
  CHECK(app.sync->message().contains(QStringLiteral("サインイン")));
  CHECK(app.sync->pending() == 1);

  app.session->signIn(QString::fromStdString(url), QStringLiteral("fukushi1"),
                      QStringLiteral("demo"));
  const bool settled =
      wait_until([&] { return !app.sync->needsSignIn() && app.sync->pending() == 0; });
  INFO("sign-in error: " << app.session->error().toStdString()
                         << "; sync: " << app.sync->message().toStdString());
  REQUIRE(settled);
  CHECK(f.server_value(key) == "取り消された端末で入力。");
}

TEST_CASE("A token the keychain no longer holds asks for a new sign-in", "[app][session]") {
  demo_app app("kourei");
  // Signed in with the keychain, which has since lost the token (or is gone).
  app.session->replica().set_setting("token", "keychain");
  Matome::Session session(QString::fromStdString(app.dir.path().string()));
  Matome::Session::setInstance(&session);
  Matome::SyncController sync(&session);
  Matome::SyncController::setInstance(&sync);
  sync.start();
  CHECK(sync.needsSignIn());  // the window shows the sign-in page
  CHECK(sync.message().contains(QStringLiteral("サインイン")));
  CHECK_FALSE(sync.running());
  Matome::SyncController::setInstance(app.sync.get());
  Matome::Session::setInstance(app.session.get());
}
