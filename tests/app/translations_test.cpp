// The UI language: Japanese loads Qt's own strings too (dialog buttons,
// file dialogs), English loads Matome's translation.
#include "translations.h"

#include <QCoreApplication>
#include <catch2/catch.hpp>

TEST_CASE("Japanese gives Qt's own dialog strings in Japanese", "[app][i18n]") {
  const Matome::Translations ja(QStringLiteral("ja"));
  REQUIRE(ja.qtStringsLoaded());
  CHECK(QCoreApplication::translate("QPlatformTheme", "Cancel") == QStringLiteral("キャンセル"));
  CHECK(QCoreApplication::translate("QPlatformTheme", "Save") == QStringLiteral("保存"));
}

TEST_CASE("English translates Matome's own strings and leaves Qt's", "[app][i18n]") {
  const Matome::Translations en(QStringLiteral("en"));
  CHECK(QCoreApplication::translate("SignInPage", "Matome にサインイン") ==
        QStringLiteral("Sign in to Matome"));
  CHECK(QCoreApplication::translate("QPlatformTheme", "Cancel") == QStringLiteral("Cancel"));
}
