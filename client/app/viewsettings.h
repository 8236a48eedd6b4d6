#pragma once
// What the user arranged in the window and expects back next time (the
// width of the plan tree, the conflict list): per user, in the
// application's configuration folder, never in the replica (which holds
// data, not layout).

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QUrl>
#include <QVariant>

namespace Matome {

class ViewSettings : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_SINGLETON

 public:
  using QObject::QObject;

  Q_INVOKABLE QVariant value(const QString& key, const QVariant& fallback = {}) const;
  Q_INVOKABLE void setValue(const QString& key, const QVariant& value);

  // Where a file dialog for `place` ("report", "import", …) opens: the
  // folder last used there, else the user's documents folder.
  Q_INVOKABLE QUrl folder(const QString& place) const;
  // Remembers the folder of `file` (or `file` itself when it is a folder).
  Q_INVOKABLE void rememberFolder(const QString& place, const QUrl& file);
};

}  // namespace Matome
