#include "viewsettings.h"

#include <QDir>
#include <QFileInfo>
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

QUrl ViewSettings::folder(const QString& place) const {
  const QString saved = store().value(QStringLiteral("folders/") + place).toString();
  if (!saved.isEmpty() && QFileInfo(saved).isDir()) return QUrl::fromLocalFile(saved);
  return QUrl::fromLocalFile(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
}

void ViewSettings::rememberFolder(const QString& place, const QUrl& file) {
  const QFileInfo info(file.toLocalFile());
  if (file.toLocalFile().isEmpty()) return;
  store().setValue(QStringLiteral("folders/") + place,
                   info.isDir() ? info.absoluteFilePath() : info.absolutePath());
}

}  // namespace Matome
