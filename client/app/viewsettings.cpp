#include "viewsettings.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace Matome {
namespace {

// An INI file of its own under the configuration folder (which tests move
// aside with QStandardPaths' test mode).
QSettings store() {
  const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
  QDir().mkpath(dir);
  return QSettings(QDir(dir).filePath(QStringLiteral("view.ini")), QSettings::IniFormat);
}

}  // namespace

QVariant ViewSettings::value(const QString& key, const QVariant& fallback) const {
  return store().value(key, fallback);
}

void ViewSettings::setValue(const QString& key, const QVariant& value) {
  store().setValue(key, value);
}

}  // namespace Matome
