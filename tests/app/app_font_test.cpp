// The client's font: Japanese, at the size the user chose for the desktop.
#include <catch2/catch.hpp>

#include "appfont.h"

TEST_CASE("The font is Japanese at the desktop's size; 10.5 pt without a desktop", "[app][font]") {
  const QStringList installed{QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans CJK JP")};
  QFont large(QStringLiteral("Cantarell"));
  large.setPointSizeF(14);  // a user who reads large
  const QFont inSession = Matome::appFont(large, true, installed);
  CHECK(inSession.family() == QStringLiteral("Noto Sans CJK JP"));
  CHECK(inSession.pointSizeF() == 14);

  const QFont headless = Matome::appFont(QFont(QStringLiteral("Sans"), 9), false, installed);
  CHECK(headless.pointSizeF() == 10.5);

  // No CJK face installed: the desktop's own family stays.
  const QFont plain = Matome::appFont(large, true, {QStringLiteral("DejaVu Sans")});
  CHECK(plain.family() == QStringLiteral("Cantarell"));
  CHECK(plain.pointSizeF() == 14);
  // IPAex when Noto is not there.
  CHECK(Matome::appFont(large, true, {QStringLiteral("IPAexGothic")}).family() ==
        QStringLiteral("IPAexGothic"));
}
