// matome-cli import: a coordinator's workbook imported at a real server, as
// the real binary does it.
#include <catch2/catch.hpp>
#include <fstream>

#include "client/client_fixture.h"
#include "matome/util/rapidjson.h"
#include "support/catch_result.h"
#include "support/run_cli.h"

using namespace matome;
using namespace matome::test;

namespace {

const std::string presets = MATOME_PRESETS_DIR;
const std::string sample = presets + "/samples/sakado.tsv";

std::string cli_login(client_fixture& f, const std::string& login) {
  const std::string data = f.dir.file(login + "-cli").string();
  REQUIRE(run_cli({"--data", data, "--server", f.url(), "login", login}).exit_code == 0);
  return data;
}

cli_run import(const std::string& data, std::vector<std::string> extra) {
  std::vector<std::string> args{"--data",   data,     "import",       sample,
                                "--preset", "sakado", "--preset-dir", presets};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_cli(args);
}

}  // namespace

TEST_CASE("A coordinator's dry run shows the plan and its problems and writes nothing",
          "[client][cli][import]") {
  client_fixture f;
  const std::string coord = cli_login(f, "coord");
  const auto seq = f.server_store().last_seq();

  auto dry = import(coord, {"--dry-run"});
  CHECK(dry.exit_code == 0);
  CHECK(dry.out.find("行: 5 (複数の担当課: 1)") != std::string::npos);
  CHECK(dry.out.find("注意 sakado!N27: 「未実施」は数値ではありません") != std::string::npos);
  CHECK(dry.out.find("試行のみ") != std::string::npos);
  CHECK_FALSE(f.server_store().find_plan_by_code("sakado-chiiki-fukushi-3"));
  CHECK(f.server_store().last_seq() == seq);

  auto as_json = run_cli({"--data", coord, "--json", "import", sample, "--preset", "sakado",
                          "--preset-dir", presets, "--dry-run"});
  REQUIRE(as_json.exit_code == 0);
  rapidjson::Document doc;
  doc.Parse(as_json.out.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(doc["dry_run"].GetBool());
  CHECK(doc["ok"].GetBool());
  CHECK(doc["counts"]["rows"].GetInt() == 5);
  CHECK(doc["problems"].Size() == 5);
  CHECK(std::string(doc["problems"][0]["where"].GetString()) == "sakado!N27");
  CHECK(doc["imported"].IsNull());
}

TEST_CASE("A coordinator imports a workbook, and the same file again changes nothing",
          "[client][cli][import]") {
  client_fixture f;
  const std::string coord = cli_login(f, "coord");

  auto done = import(coord, {});
  REQUIRE(done.exit_code == 0);
  CHECK(done.out.find("取り込みました") != std::string::npos);
  auto plan_id = f.server_store().find_plan_by_code("sakado-chiiki-fukushi-3");
  REQUIRE(plan_id);
  auto index = f.server_store().load_plan_index(*plan_id);
  REQUIRE(index);
  CHECK(std::count_if(index->items.begin(), index->items.end(),
                      [&](const plan_item& i) { return index->plan.is_row(i); }) == 5);
  const auto seq = f.server_store().last_seq();

  auto again = import(coord, {});
  CHECK(again.exit_code == 0);
  CHECK(again.out.find("更新しました: 計画 " + std::to_string(*plan_id) +
                       "、新しい行 0、書き込んだ値 0") != std::string::npos);
  CHECK(f.server_store().last_seq() == seq);
}

TEST_CASE("Import is the coordinator's; bad files are refused and change nothing",
          "[client][cli][import]") {
  client_fixture f;
  const auto seq = f.server_store().last_seq();

  auto member = import(cli_login(f, "fukushi1"), {"--dry-run"});
  CHECK(member.exit_code == 3);
  CHECK(member.err.find("取りまとめ担当だけ") != std::string::npos);

  const std::string coord = cli_login(f, "coord");
  const auto damaged = f.dir.file("broken.xlsx");
  std::ofstream(damaged, std::ios::binary) << "PK\x03\x04" << std::string(300, 'x');
  auto refused = run_cli(
      {"--data", coord, "import", damaged.string(), "--preset", "sakado", "--preset-dir", presets});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("XLSX ファイルが壊れています") != std::string::npos);

  auto no_preset =
      run_cli({"--data", coord, "import", sample, "--preset", "nowhere", "--preset-dir", presets});
  CHECK(no_preset.exit_code == 2);
  CHECK(no_preset.err.find("プリセット「nowhere」がありません") != std::string::npos);
  CHECK(f.server_store().last_seq() == seq);
}
