#include "displaytext.h"

#include <QDateTime>

#include "matome/util/text_diff.h"
#include "qtconvert.h"

namespace Matome {

QString diffHtml(const std::string& base, const std::string& changed) {
  QString html;
  for (const auto& s : matome::diff_text(base, changed)) {
    auto text = qs(s.text).toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
    switch (s.what) {
      case matome::diff_segment::kind::same:
        html += text;
        break;
      case matome::diff_segment::kind::removed:
        html += QStringLiteral("<s style=\"color:#b3261e;background:#fde7e9\">%1</s>").arg(text);
        break;
      case matome::diff_segment::kind::added:
        html += QStringLiteral("<b style=\"color:#0b6b2f;background:#def5e5\">%1</b>").arg(text);
        break;
    }
  }
  return html;
}

QString localTimeLabel(const QString& isoUtc, const QString& format) {
  const auto at = QDateTime::fromString(isoUtc, Qt::ISODateWithMs);
  return at.isValid() ? at.toLocalTime().toString(format) : isoUtc;
}

QString searchKey(const QString& text) {
  QString key = text.normalized(QString::NormalizationForm_KC).toCaseFolded();
  for (auto& ch : key) {
    const char16_t c = ch.unicode();
    if (c >= u'\u3041' && c <= u'\u3096')
      ch = QChar(static_cast<char16_t>(c + 0x60));  // ぁ-ゖ → ァ-ヶ
  }
  return key;
}

}  // namespace Matome
