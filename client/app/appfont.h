#pragma once
// The client's font: a Japanese face (Noto Sans CJK JP, else IPAex Gothic)
// at the size the user chose for the desktop. Without a desktop session
// (Xvfb, a kiosk) Qt's own default is small for Japanese, so 10.5 pt.

#include <QFont>
#include <QStringList>

namespace Matome {

// `desktop`: the font Qt took from the desktop; `inSession`: whether a
// desktop session chose it (XDG_CURRENT_DESKTOP set); `families`: the
// installed families.
QFont appFont(const QFont& desktop, bool inSession, const QStringList& families);

}  // namespace Matome
