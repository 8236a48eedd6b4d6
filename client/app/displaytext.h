#pragma once
// How values read in the views: changes marked against a base, and the
// server's UTC timestamps in local time.

#include <QString>
#include <string>

namespace Matome {

// base → changed as HTML with removed text struck and added text marked, for
// a Text item in RichText format.
QString diffHtml(const std::string& base, const std::string& changed);

// Text as search compares it: full-width letters and digits as half-width,
// half-width katakana as full-width (NFKC), hiragana as katakana, case
// folded. For matching only: what is stored and shown stays as written.
QString searchKey(const QString& text);

// "2026-11-24T09:00:00.000Z" → "2026/11/24 18:00" (local time); an
// unreadable stamp is shown as it came.
QString localTimeLabel(const QString& isoUtc,
                       const QString& format = QStringLiteral("yyyy/M/d HH:mm"));

}  // namespace Matome
