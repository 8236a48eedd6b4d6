// What the window remembers per user: the folder each file dialog opens in.
#include <QDir>
#include <QStandardPaths>
#include <catch2/catch.hpp>

#include "support/temp_dir.h"
#include "viewsettings.h"

TEST_CASE("A file dialog opens in the documents folder, then where the user last was",
          "[app][settings]") {
  matome::test::temp_dir dir;
  const QByteArray saved = qgetenv("XDG_CONFIG_HOME");
  qputenv("XDG_CONFIG_HOME", QByteArray::fromStdString(dir.file("config").string()));
  {
    Matome::ViewSettings settings;
    const QUrl documents =
        QUrl::fromLocalFile(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    CHECK(settings.folder(QStringLiteral("report")) == documents);

    const QString reports = QString::fromStdString(dir.file("reports").string());
    QDir().mkpath(reports);
    settings.rememberFolder(QStringLiteral("report"),
                            QUrl::fromLocalFile(reports + QStringLiteral("/令和6年度.pdf")));
    CHECK(settings.folder(QStringLiteral("report")) == QUrl::fromLocalFile(reports));
    CHECK(Matome::ViewSettings().folder(QStringLiteral("report")) ==
          QUrl::fromLocalFile(reports));                            // kept for next time
    CHECK(settings.folder(QStringLiteral("import")) == documents);  // each its own
    QDir(reports).removeRecursively();
    CHECK(settings.folder(QStringLiteral("report")) == documents);  // a folder gone: documents
  }
  if (saved.isEmpty()) {
    qunsetenv("XDG_CONFIG_HOME");
  } else {
    qputenv("XDG_CONFIG_HOME", saved);
  }
}
