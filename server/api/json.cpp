#include "api/json.h"

#include "matome/util/rapidjson.h"
#include "matome/wire/codec.h"

namespace matome::server::json {

result<rapidjson::Document> parse_object(std::string_view body) {
  if (auto ok = wire::check_json_message(body); !ok) return ok.error();
  rapidjson::Document doc;
  doc.Parse(body.data(), body.size());
  if (doc.HasParseError()) {
    return make_error(errc::invalid_argument, std::string("the request body is not valid JSON: ") +
                                                  rapidjson::GetParseError_En(doc.GetParseError()) +
                                                  " at byte " +
                                                  std::to_string(doc.GetErrorOffset()));
  }
  if (!doc.IsObject())
    return make_error(errc::invalid_argument, "the request body must be a JSON object");
  return doc;
}

result<std::string> optional_string(const rapidjson::Value& object, const char* name) {
  auto it = object.FindMember(name);
  if (it == object.MemberEnd() || it->value.IsNull()) return std::string();
  if (!it->value.IsString()) {
    return make_error(errc::invalid_argument, std::string("\"") + name + "\" must be a string");
  }
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

result<std::string> required_string(const rapidjson::Value& object, const char* name) {
  if (!object.HasMember(name)) {
    return make_error(errc::invalid_argument, std::string("\"") + name + "\" is missing");
  }
  return optional_string(object, name);
}

std::string error_body(const error& e) {
  writer w;
  w.begin_object().member("error", to_string(e.code)).member("message", e.message).end_object();
  return w.str();
}

}  // namespace matome::server::json
