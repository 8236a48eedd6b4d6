// QtQuickTest runner for the views: each tst_*.qml runs against a Session
// on the demo plan (offline), as the user MATOME_TEST_LOGIN (default
// kourei). MATOME_TEST_CONFLICT=1 adds an open conflict on 認知症サポーター
// 養成講座's 進捗状況 first.
#include <QAccessible>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QPalette>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickItem>
#include <QtQuickTest>
#include <memory>

#include "app_fixture.h"

Q_IMPORT_QML_PLUGIN(MatomePlugin)

// What a view test may ask of the world outside the client: another user's
// edit arriving by a pull, and what the outbox holds.
class ServerSide : public QObject {
  Q_OBJECT
 public:
  explicit ServerSide(matome::test::demo_app& app) : m_app(app) {}
  Q_INVOKABLE void pullValue(const QString& itemTitle, const QString& department, int year,
                             const QString& field, const QString& value) {
    m_app.pull_value({m_app.item(itemTitle.toStdString()),
                      m_app.department(department.toStdString()), year, field.toStdString()},
                     value.toStdString());
  }
  // Unsent edits based on an older value than the server's (they conflict on sync).
  Q_INVOKABLE int staleEdits() { return m_app.session->replica().status().stale_edits; }

 private:
  matome::test::demo_app& m_app;
};

// What a screen reader meets: the accessibility tree under a view, walked
// through QAccessible as an assistive technology walks it.
class AccessibilityProbe : public QObject {
  Q_OBJECT
 public:
  // Every interactive element shown under `root` that has no name, as
  // "role objectName (x,y)": what a screen reader would read as nothing.
  Q_INVOKABLE QStringList unnamed(QQuickItem* root) const {
    QStringList out;
    walk(QAccessible::queryAccessibleInterface(root), out, 0);
    return out;
  }

 private:
  static bool interactive(QAccessible::Role role) {
    switch (role) {
      case QAccessible::Button:
      case QAccessible::CheckBox:
      case QAccessible::RadioButton:
      case QAccessible::ComboBox:
      case QAccessible::EditableText:
      case QAccessible::SpinBox:
      case QAccessible::Slider:
      case QAccessible::PageTab:
      case QAccessible::List:
        return true;
      default:
        return false;
    }
  }
  static void walk(QAccessibleInterface* node, QStringList& out, int depth) {
    if (node == nullptr || depth > 64) return;
    if (node->state().invisible) return;
    if (interactive(node->role()) && node->text(QAccessible::Name).trimmed().isEmpty()) {
      const QRect at = node->rect();
      out << QStringLiteral("%1 %2 (%3,%4)")
                 .arg(QString::number(node->role(), 16),
                      node->object() ? node->object()->objectName() : QString())
                 .arg(at.x())
                 .arg(at.y());
    }
    for (int i = 0; i < node->childCount(); ++i) walk(node->child(i), out, depth + 1);
  }
};

class ViewTestSetup : public QObject {
  Q_OBJECT

 public Q_SLOTS:
  void qmlEngineAvailable(QQmlEngine* engine) {
    engine->addImportPath(QStringLiteral("qrc:/"));
    const auto login = qEnvironmentVariable("MATOME_TEST_LOGIN", QStringLiteral("kourei"));
    m_app = std::make_unique<matome::test::demo_app>(login.toStdString());
    // The window's remembered layout (ViewSettings) starts fresh each run.
    qputenv("XDG_CONFIG_HOME", QByteArray::fromStdString(m_app->dir.file("config").string()));
    engine->rootContext()->setContextProperty(QStringLiteral("screenshotDir"),
                                              qEnvironmentVariable("MATOME_SCREENSHOT_DIR"));
    // A dark desktop, as a dark KDE or GNOME scheme gives the application.
    if (qEnvironmentVariable("MATOME_TEST_PALETTE") == QStringLiteral("dark")) {
      QPalette dark;
      dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
      dark.setColor(QPalette::WindowText, QColor(0xe8, 0xea, 0xed));
      dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
      dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
      dark.setColor(QPalette::Text, QColor(0xe8, 0xea, 0xed));
      dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
      dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xea, 0xed));
      dark.setColor(QPalette::Mid, QColor(0x5f, 0x63, 0x68));
      dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xe0));
      dark.setColor(QPalette::HighlightedText, Qt::white);
      dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa6));
      QGuiApplication::setPalette(dark);
    }

    m_serverSide = std::make_unique<ServerSide>(*m_app);
    // As with a screen reader running: controls name themselves as made.
    QAccessible::setActive(true);
    engine->rootContext()->setContextProperty(QStringLiteral("accessibility"), &m_accessibility);
    engine->rootContext()->setContextProperty(QStringLiteral("serverSide"), m_serverSide.get());
    // For the import page: the sample reports, and a file that is no spreadsheet.
    engine->rootContext()->setContextProperty(QStringLiteral("presetsDir"),
                                              QStringLiteral(MATOME_PRESETS_DIR));
    engine->rootContext()->setContextProperty(QStringLiteral("notASpreadsheet"),
                                              QCoreApplication::applicationFilePath());
    if (qEnvironmentVariableIsSet("MATOME_TEST_CONFLICT")) {
      const matome::cell_key key{m_app->item("認知症サポーター養成講座"),
                                 m_app->department("kourei"), 2024, "progress"};
      m_app->add_conflict(key, "講座を9回開催した。", "講座を12回開催した。",
                          "講座を10回開催し、延べ180人が受講した。", "kourei");
    }
  }
  void cleanupTestCase() {
    m_serverSide.reset();
    m_app.reset();
  }

 private:
  AccessibilityProbe m_accessibility;
  std::unique_ptr<ServerSide> m_serverSide;
  std::unique_ptr<matome::test::demo_app> m_app;
};

QUICK_TEST_MAIN_WITH_SETUP(matome_views, ViewTestSetup)

#include "quick_test_main.moc"
