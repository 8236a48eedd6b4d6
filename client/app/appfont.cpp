#include "appfont.h"

namespace Matome {

QFont appFont(const QFont& desktop, bool inSession, const QStringList& families) {
  QFont font = desktop;
  for (const auto& family : {QStringLiteral("Noto Sans CJK JP"), QStringLiteral("IPAexGothic")}) {
    if (families.contains(family)) {
      font.setFamily(family);
      break;
    }
  }
  if (!inSession || font.pointSizeF() <= 0) font.setPointSizeF(10.5);
  return font;
}

}  // namespace Matome
