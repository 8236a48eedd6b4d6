#pragma once
// Reading Matome's JSON documents (plan files, import mappings) with
// rapidjson's DOM: small helpers that throw a parse_error naming the JSON
// path of the offending value, so whoever wrote the file can find it.
// Include only from .cpp files; it brings rapidjson in.

#include <map>
#include <string>

#include "matome/domain/fiscal_year.h"
#include "matome/plan_file/plan_file.h"
#include "matome/util/rapidjson.h"

namespace matome::json_reader {

using json = rapidjson::Value;

struct parse_error {
  std::string message;
};

[[noreturn]] inline void fail(const std::string& path, const std::string& what) {
  throw parse_error{path + ": " + what};
}

inline const json& member(const json& object, const std::string& path, const char* name) {
  auto it = object.FindMember(name);
  if (it == object.MemberEnd()) fail(path, std::string("\"") + name + "\" is missing");
  return it->value;
}

inline std::string text(const json& v, const std::string& path) {
  if (!v.IsString()) fail(path, "expected a string");
  return {v.GetString(), v.GetStringLength()};
}

inline std::string text(const json& object, const std::string& path, const char* name,
                        bool required = false) {
  auto it = object.FindMember(name);
  if (it == object.MemberEnd()) {
    if (required) fail(path, std::string("\"") + name + "\" is missing");
    return {};
  }
  return text(it->value, path + "." + name);
}

inline int integer(const json& object, const std::string& path, const char* name) {
  const json& v = member(object, path, name);
  if (!v.IsInt()) fail(path + "." + name, "expected an integer");
  return v.GetInt();
}

inline bool flag(const json& object, const std::string& path, const char* name) {
  auto it = object.FindMember(name);
  if (it == object.MemberEnd()) return false;
  if (!it->value.IsBool()) fail(path + "." + name, "expected true or false");
  return it->value.GetBool();
}

inline int year(const json& object, const std::string& path, const char* name) {
  const json& v = member(object, path, name);
  if (v.IsInt()) return v.GetInt();
  auto parsed = parse_fiscal_year(text(v, path + "." + name));
  if (!parsed) fail(path + "." + name, parsed.error().message);
  return *parsed;
}

inline const json::ConstArray array(const json& object, const std::string& path, const char* name) {
  static const json empty(rapidjson::kArrayType);
  auto it = object.FindMember(name);
  if (it == object.MemberEnd()) return empty.GetArray();
  if (!it->value.IsArray()) fail(path + "." + name, "expected an array");
  return it->value.GetArray();
}

inline void require_object(const json& v, const std::string& path) {
  if (!v.IsObject()) fail(path, "expected an object");
}

inline std::map<std::string, std::string> values(const json& object, const std::string& path,
                                                 const char* name) {
  std::map<std::string, std::string> out;
  auto it = object.FindMember(name);
  if (it == object.MemberEnd()) return out;
  require_object(it->value, path + "." + name);
  for (const auto& m : it->value.GetObject()) {
    const std::string key(m.name.GetString(), m.name.GetStringLength());
    out[key] = text(m.value, path + "." + name + "." + key);
  }
  return out;
}

// The parts a plan file and an import mapping share: "plan", "template",
// "departments" and "users" of `doc` (the items are not read).
plan_file parse_plan_parts(const json& doc);

// One field of a "template" array.
template_field parse_field(const json& v, const std::string& path);

}  // namespace matome::json_reader
