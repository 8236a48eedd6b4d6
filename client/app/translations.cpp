#include "translations.h"

#include <QLibraryInfo>
#include <QLocale>

namespace Matome {

Translations::Translations(const QString& lang) {
  auto install = [this](const QString& file, const QString& directory) {
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(file, directory)) return false;
    QCoreApplication::installTranslator(translator.get());
    m_installed.push_back(std::move(translator));
    return true;
  };
  if (lang == QStringLiteral("en")) {
    install(QStringLiteral("matome_en.qm"), QStringLiteral(":/i18n"));
    m_qtStrings = true;  // Qt's own strings are English already
    return;
  }
  m_qtStrings =
      install(QStringLiteral("qtbase_ja.qm"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
  QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
}

Translations::~Translations() {
  for (auto& t : m_installed) QCoreApplication::removeTranslator(t.get());
}

}  // namespace Matome
