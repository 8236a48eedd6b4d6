// matome: the desktop client. Thin: options, translation, fonts, then the
// QML module (the static library matome_client) on the session's replica.
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQmlEngineExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTimer>
#include <cstdio>

#include "appfont.h"
#include "session.h"
#include "synccontroller.h"
#include "translations.h"

Q_IMPORT_QML_PLUGIN(MatomePlugin)

int main(int argc, char* argv[]) {
  QGuiApplication app(argc, argv);
  QGuiApplication::setApplicationName(QStringLiteral("matome"));
  QGuiApplication::setOrganizationName(QStringLiteral("matome"));
  QGuiApplication::setApplicationVersion(QStringLiteral(MATOME_VERSION));

  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("Matome: 計画の進捗状況報告をまとめる"));
  parser.addHelpOption();
  parser.addVersionOption();
  QCommandLineOption dataOption(QStringLiteral("data"), QStringLiteral("local data folder"),
                                QStringLiteral("DIR"));
  QCommandLineOption serverOption(QStringLiteral("server"),
                                  QStringLiteral("server address for the first sign-in"),
                                  QStringLiteral("URL"));
  QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("ja (default) or en"),
                                QStringLiteral("LANG"), QStringLiteral("ja"));
  QCommandLineOption pageOption(
      QStringLiteral("page"),
      QStringLiteral("page to open: workspace, conflicts, dashboard, import, report"),
      QStringLiteral("PAGE"));
  QCommandLineOption importOption(
      QStringLiteral("import"),
      QStringLiteral("open the import page with FILE chosen and checked (coordinators)"),
      QStringLiteral("FILE"));
  QCommandLineOption presetOption(QStringLiteral("preset"),
                                  QStringLiteral("the layout for --import: sakado, kitamoto, "
                                                 "tsurugashima"),
                                  QStringLiteral("NAME"));
  QCommandLineOption screenshotOption(
      QStringLiteral("screenshot"),
      QStringLiteral("render the window to FILE (PNG) after the first sync, then quit"),
      QStringLiteral("FILE"));
  QCommandLineOption sizeOption(QStringLiteral("window-size"),
                                QStringLiteral("window size, e.g. 1366x740 (for screenshots)"),
                                QStringLiteral("WxH"));
  parser.addOptions({dataOption, serverOption, langOption, pageOption, importOption, presetOption,
                     screenshotOption, sizeOption});
  parser.process(app);

  const auto lang = parser.isSet(langOption) ? parser.value(langOption)
                                             : qEnvironmentVariable("MATOME_LANG", "ja");
  const Matome::Translations translations(lang);
  if (!translations.qtStringsLoaded()) {
    std::fprintf(stderr,
                 "matome: Qt's Japanese translation (qtbase_ja.qm) is missing; dialog buttons stay "
                 "English. Install qt6-translations-l10n.\n");
  }
  app.setFont(Matome::appFont(QGuiApplication::font(),
                              !qEnvironmentVariableIsEmpty("XDG_CURRENT_DESKTOP"),
                              QFontDatabase::families()));
  // The desktop's style when the user or the desktop chose one (on KDE,
  // org.kde.desktop); Fusion, a desktop look on every platform, otherwise.
  if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
    QQuickStyle::setStyle(QStringLiteral("Fusion"));

  const QString dataDir =
      parser.isSet(dataOption)
          ? parser.value(dataOption)
          : QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
  std::unique_ptr<Matome::Session> session;
  try {
    session = std::make_unique<Matome::Session>(QDir(dataDir).absolutePath());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "matome: cannot open the local data in %s: %s\n", qPrintable(dataDir),
                 e.what());
    return 1;
  }
  Matome::Session::setInstance(session.get());
  Matome::SyncController sync(session.get());
  Matome::SyncController::setInstance(&sync);
  sync.start();

  QQmlApplicationEngine engine;
  engine.addImportPath(QStringLiteral("qrc:/"));
  const QString importFile =
      parser.isSet(importOption)
          ? QUrl::fromLocalFile(QFileInfo(parser.value(importOption)).absoluteFilePath()).toString()
          : QString();
  engine.setInitialProperties({{QStringLiteral("initialServer"), parser.value(serverOption)},
                               {QStringLiteral("initialPage"), parser.value(pageOption)},
                               {QStringLiteral("initialImportFile"), importFile},
                               {QStringLiteral("initialPreset"), parser.value(presetOption)}});
  engine.load(QUrl(QStringLiteral("qrc:/Matome/qml/Main.qml")));
  if (engine.rootObjects().isEmpty()) return 1;

  if (parser.isSet(sizeOption)) {
    const auto parts = parser.value(sizeOption).split(u'x');
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
    if (parts.size() == 2 && window) window->resize(parts[0].toInt(), parts[1].toInt());
  }
  if (parser.isSet(screenshotOption)) {
    // For scripts/screenshots: wait for the first sync (or 10 s), let the
    // views settle, grab the window.
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
    const auto file = parser.value(screenshotOption);
    auto grab = [window, file] {
      QTimer::singleShot(800, window, [window, file] {
        const bool saved = window->grabWindow().save(file);
        std::fprintf(stderr, "matome: %s %s\n", saved ? "saved" : "could not save",
                     qPrintable(file));
        QCoreApplication::exit(saved ? 0 : 1);
      });
    };
    if (session->signedIn() && sync.syncCount() == 0) {
      QObject::connect(&sync, &Matome::SyncController::synced, window, grab,
                       Qt::SingleShotConnection);
      QTimer::singleShot(10000, window, grab);
    } else {
      grab();
    }
  }
  const int code = QGuiApplication::exec();
  sync.stop();
  return code;
}
