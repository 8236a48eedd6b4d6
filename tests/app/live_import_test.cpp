// End to end: the coordinator's import page model checks a workbook on the
// desktop and imports it at a real matome-server on 127.0.0.1.
#include <catch2/catch.hpp>

#include "app_fixture.h"
#include "client/client_fixture.h"
#include "importmodel.h"
#include "support/catch_result.h"

using namespace matome;
using namespace matome::test;

TEST_CASE("The import page checks a workbook here and imports it at the server", "[app][e2e]") {
  client_fixture f;
  live_app app(f.dir.file("coord-app"), f.url(), "coord");
  REQUIRE(app.session->hasPlan());

  Matome::ImportModel importer;
  importer.setFileUrl(
      QUrl::fromLocalFile(QStringLiteral(MATOME_PRESETS_DIR "/samples/sakado.tsv")));
  const auto presets = importer.presetNames();
  const auto sakado = std::find_if(presets.begin(), presets.end(), [](const QString& p) {
    return p.startsWith(QStringLiteral("坂戸市"));
  });
  REQUIRE(sakado != presets.end());
  importer.setPresetIndex(static_cast<int>(sakado - presets.begin()));

  importer.check();
  REQUIRE(wait_until([&] { return importer.checked(); }));
  CHECK(importer.errorCount() == 0);
  CHECK(importer.rowCount() == 5);  // the five 未実施 cells
  CHECK(importer.summary().contains(QStringLiteral("行: 5 (複数の担当課: 1)")));
  CHECK_FALSE(
      f.server_store().find_plan_by_code("sakado-chiiki-fukushi-3"));  // checked, not written

  importer.importNow();
  REQUIRE(wait_until([&] { return importer.imported(); }));
  CHECK(importer.message() == QStringLiteral("取り込みました: 行 5、値 87"));
  auto plan_id = f.server_store().find_plan_by_code("sakado-chiiki-fukushi-3");
  REQUIRE(plan_id);

  // The same workbook again: an update that changes nothing.
  importer.check();
  REQUIRE(wait_until([&] { return importer.checked() && !importer.busy(); }));
  const auto seq = f.server_store().last_seq();
  importer.importNow();
  REQUIRE(wait_until([&] { return importer.imported(); }));
  CHECK(importer.message() == QStringLiteral("更新しました: 新しい行 0、書き込んだ値 0"));
  CHECK(f.server_store().last_seq() == seq);
}
