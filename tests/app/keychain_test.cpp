// Runs only inside a D-Bus session with an unlocked keyring
// (tests/app/with_keyring.sh), hence the hidden tag.
#include <QFile>
#include <catch2/catch.hpp>

#include "app_fixture.h"
#include "entrycontroller.h"
#include "support/catch_result.h"
#include "support/test_server.h"

using namespace matome::test;

TEST_CASE("The device token is kept in the desktop keychain, not in the replica", "[.keychain]") {
  temp_dir dir;
  test_server server(dir.file("master.db"));
  const auto url = "http://127.0.0.1:" + std::to_string(server.port());
  std::string token;
  {
    live_app app(dir.file("app"), url, "fukushi1", /*keychain=*/true);
    REQUIRE(app.session->tokenStorage() == QStringLiteral("keychain"));
    token = app.session->token().value();
    CHECK(token.size() > 20);
  }
  QFile file(QString::fromStdString(dir.file("app/replica.db").string()));
  REQUIRE(file.open(QIODevice::ReadOnly));
  CHECK_FALSE(file.readAll().contains(QByteArray::fromStdString(token)));

  // A new start reads it back from the keychain and syncs with it.
  Matome::Session session(QString::fromStdString(dir.file("app").string()));
  Matome::Session::setInstance(&session);
  CHECK(session.tokenStorage() == QStringLiteral("keychain"));
  CHECK(session.token() == token);
  Matome::SyncController sync(&session);
  Matome::SyncController::setInstance(&sync);
  sync.start();
  REQUIRE(wait_until([&] { return sync.syncCount() >= 1; }));
  CHECK(sync.online());
  CHECK(sync.message().isEmpty());
}
