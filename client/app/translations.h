#pragma once
// The UI language. Japanese is the source language of every Matome string;
// Qt's own strings (dialog buttons, file dialogs, dates) come from Qt's
// translations (Debian: qt6-translations-l10n), which must be loaded for
// Japanese too. English loads Matome's translation and leaves Qt's own.

#include <QCoreApplication>
#include <QString>
#include <QTranslator>
#include <memory>
#include <vector>

namespace Matome {

class Translations {
 public:
  // `lang`: "ja" (default) or "en". Installs into the running application
  // and keeps the translators alive as long as this object.
  explicit Translations(const QString& lang);
  ~Translations();
  Translations(const Translations&) = delete;
  Translations& operator=(const Translations&) = delete;

  // Whether Qt's own strings were found in the language (a missing
  // package leaves them English, and main() warns).
  bool qtStringsLoaded() const { return m_qtStrings; }

 private:
  std::vector<std::unique_ptr<QTranslator>> m_installed;
  bool m_qtStrings = false;
};

}  // namespace Matome
