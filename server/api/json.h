#pragma once
// Small JSON helpers for the API's own request and response bodies (login,
// workflow steps, error bodies, lists). Wire messages use cereal instead.

#include <optional>
#include <string>
#include <string_view>

#include "matome/domain/error.h"
#include "matome/util/rapidjson.h"

namespace matome::server::json {

// Parses a request body that must be a JSON object. Checks UTF-8 and depth.
result<rapidjson::Document> parse_object(std::string_view body);

// A required string member, or a 400-worthy error naming it.
result<std::string> required_string(const rapidjson::Value& object, const char* name);
// An optional string member: empty when absent; an error when not a string.
result<std::string> optional_string(const rapidjson::Value& object, const char* name);

// The JSON error body of every failed request: {"error": id, "message": text}.
std::string error_body(const error& e);

// A writer with the conveniences the handlers need.
class writer {
 public:
  writer() : w_(buffer_) {}
  rapidjson::Writer<rapidjson::StringBuffer>& raw() { return w_; }
  writer& key(std::string_view k) {
    w_.Key(k.data(), static_cast<rapidjson::SizeType>(k.size()));
    return *this;
  }
  writer& value(std::string_view v) {
    w_.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
    return *this;
  }
  writer& value(const char* v) { return value(std::string_view(v)); }
  writer& value(const std::string& v) { return value(std::string_view(v)); }
  writer& value(std::int64_t v) {
    w_.Int64(v);
    return *this;
  }
  writer& value(int v) { return value(static_cast<std::int64_t>(v)); }
  writer& value(bool v) {
    w_.Bool(v);
    return *this;
  }
  writer& value(double v) {
    w_.Double(v);
    return *this;
  }
  template <class T>
  writer& member(std::string_view k, const T& v) {
    key(k);
    return value(v);
  }
  writer& begin_object() {
    w_.StartObject();
    return *this;
  }
  writer& end_object() {
    w_.EndObject();
    return *this;
  }
  writer& begin_array() {
    w_.StartArray();
    return *this;
  }
  writer& end_array() {
    w_.EndArray();
    return *this;
  }
  std::string str() const { return {buffer_.GetString(), buffer_.GetSize()}; }

 private:
  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> w_;
};

}  // namespace matome::server::json
