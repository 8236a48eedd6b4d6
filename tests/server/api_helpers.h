#pragma once
// Building request bodies and reading replies in the API tests.
#include <string>
#include <vector>

#include "matome/domain/cell.h"
#include "matome/util/rapidjson.h"

namespace matome::test {

inline std::string change_json(const std::string& id, const cell_key& k, std::int64_t base,
                               const std::string& value) {
  return R"({"change_id":")" + id + R"(","cell":{"item":)" + std::to_string(k.item_id) +
         R"(,"department":)" + std::to_string(k.department_id) + R"(,"year":)" +
         std::to_string(k.year) + R"(,"field":")" + k.field + R"("},"base_version":)" +
         std::to_string(base) + R"(,"value":")" + value + R"("})";
}

inline std::string push_body(const std::vector<std::string>& changes) {
  std::string body = R"({"protocol":1,"plan":0,"changes":[)";
  for (std::size_t i = 0; i < changes.size(); ++i) body += (i ? "," : "") + changes[i];
  return body + "]}";
}

inline rapidjson::Document parse(const std::string& body) {
  rapidjson::Document doc;
  doc.Parse(body.c_str());
  return doc;
}

// "applied", "conflict" or "refused": the first change's outcome in a push's answer.
inline std::string first_outcome(const std::string& push_answer) {
  const auto doc = parse(push_answer);
  if (!doc.IsObject() || !doc.HasMember("outcomes") || doc["outcomes"].Empty()) return {};
  return doc["outcomes"][0]["outcome"].GetString();
}

inline std::string plan_path(record_id plan_id) {
  return "/api/v1/plans/" + std::to_string(plan_id);
}

}  // namespace matome::test
