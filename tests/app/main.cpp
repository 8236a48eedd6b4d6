// Catch2 with a QGuiApplication (offscreen in CI), so models, timers and
// queued signals behave as in the application.
#define CATCH_CONFIG_RUNNER
#include <QGuiApplication>
#include <catch2/catch.hpp>

int main(int argc, char* argv[]) {
  // Models need no display; test discovery at build time has none.
  if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QGuiApplication app(argc, argv);
  return Catch::Session().run(argc, argv);
}
