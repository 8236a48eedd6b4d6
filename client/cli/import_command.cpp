#include "import_command.h"

#include <filesystem>
#include <iostream>

#include "exit_codes.h"
#include "matome/client/transport.h"
#include "matome/import/presets.h"
#include "matome/util/file.h"
#include "matome/util/rapidjson.h"

namespace matome::cli {
int run_import(const std::string& server, const std::string& token, const import_request& request,
               bool json) {
  if (request.mapping_file.empty() == request.preset.empty()) {
    return fail(
        {errc::invalid_argument, "--mapping FILE か --preset NAME のどちらかを指定してください。"});
  }
  auto file = read_file(request.file);
  if (!file) return fail(file.error());
  const std::string mapping_path = request.mapping_file.empty()
                                       ? request.preset_dir + "/" + request.preset + ".json"
                                       : request.mapping_file;
  auto mapping = read_file(mapping_path);
  if (!mapping) {
    return fail({errc::not_found,
                 request.mapping_file.empty()
                     ? "プリセット「" + request.preset + "」がありません (" + mapping_path + ")。"
                     : mapping.error().message});
  }
  const std::string body =
      import::import_request_body(std::filesystem::path(request.file).filename().string(), *file,
                                  *mapping, request.encoding, request.dry_run);
  auto answer = client::call_api(server, token, "POST", "/api/v1/import-sheet", body);
  if (!answer) return fail(answer.error());
  if (json) {
    std::cout << *answer << "\n";
  }
  rapidjson::Document doc;
  parse_json(doc, *answer);
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("summary")) {
    return fail({errc::storage, "サーバーの答えが読めません。"});
  }
  const bool ok = doc["ok"].IsBool() && doc["ok"].GetBool();
  if (!json) {
    std::cout << doc["summary"].GetString();
    if (request.dry_run) {
      std::cout << (ok ? "試行のみ: 何も書き込んでいません。--dry-run を外すと取り込みます。\n"
                       : "試行のみ: エラーを直すまで取り込めません。\n");
    } else if (doc["imported"].IsObject()) {
      const auto& done = doc["imported"];
      std::cout << (done["updated"].GetBool() ? "更新しました" : "取り込みました") << ": 計画 "
                << done["plan_id"].GetInt64() << "、新しい行 " << done["rows"].GetInt()
                << "、書き込んだ値 " << done["cells"].GetInt() << "\n";
    }
  }
  return ok ? 0 : 2;
}

}  // namespace matome::cli
