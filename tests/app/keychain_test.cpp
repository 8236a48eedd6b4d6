// Runs only inside a D-Bus session with an unlocked keyring
// (tests/app/with_keyring.sh), hence the hidden tag.
#include <QFile>
#include <catch2/catch.hpp>

#include "app_fixture.h"
#include "client/client_fixture.h"
#include "entrycontroller.h"
#include "support/catch_result.h"

using namespace matome::test;

TEST_CASE("The device token is kept in the desktop keychain, not in the replica", "[.keychain]") {
  client_fixture f;
  const auto url = f.url();
  const auto& dir = f.dir;
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
