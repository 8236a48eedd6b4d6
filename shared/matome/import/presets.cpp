#include "matome/import/presets.h"

#include <sodium.h>

#include <algorithm>
#include <filesystem>

#include "matome/import/mapping.h"
#include "matome/util/file.h"
#include "matome/util/json_text.h"
#include "matome/util/rapidjson.h"

namespace matome::import {
namespace {

std::string json_string(std::string_view text) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  return {buffer.GetString(), buffer.GetSize()};
}

std::string to_base64(std::string_view bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

}  // namespace

std::string default_presets_dir() {
  for (const char* candidate : {MATOME_INSTALLED_PRESETS, MATOME_SOURCE_PRESETS}) {
    if (std::filesystem::exists(candidate)) return candidate;
  }
  return MATOME_INSTALLED_PRESETS;
}

std::vector<preset_info> list_presets(const std::string& directory) {
  // Only each file's format and plan name are read, not the whole mapping:
  // the desktop lists the presets when its window opens. A preset that does
  // not parse still says so when it is chosen (read_preset).
  std::vector<preset_info> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
    if (entry.path().extension() != ".json") continue;
    auto text = read_file(entry.path().string());
    if (!text) continue;
    rapidjson::Document doc;
    if (!check_json_text(*text, entry.path().string())) continue;
    doc.Parse(text->data(), text->size());
    if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("format") ||
        !doc["format"].IsString() || doc["format"].GetString() != mapping_format ||
        !doc.HasMember("plan") || !doc["plan"].IsObject()) {
      continue;  // a layout preset, or not Matome's
    }
    const auto& plan = doc["plan"];
    auto member = [&](const char* name) {
      auto it = plan.FindMember(name);
      return it != plan.MemberEnd() && it->value.IsString() ? std::string(it->value.GetString())
                                                            : std::string();
    };
    out.push_back({entry.path().stem().string(), member("city"), member("title")});
  }
  std::sort(out.begin(), out.end(),
            [](const preset_info& a, const preset_info& b) { return a.name < b.name; });
  return out;
}

std::string import_request_body(std::string_view file_name, std::string_view file_bytes,
                                std::string_view mapping_text, std::string_view encoding,
                                bool dry_run) {
  return "{\"name\":" + json_string(file_name) + ",\"file\":\"" + to_base64(file_bytes) +
         "\",\"mapping\":" + json_string(mapping_text) + ",\"encoding\":" + json_string(encoding) +
         ",\"dry_run\":" + (dry_run ? "true" : "false") + "}";
}

}  // namespace matome::import
