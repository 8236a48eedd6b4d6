// encode_push_request() writes what encode<push_request>() writes, member
// for member and byte for byte apart from cereal's line breaks, so that
// every server (and its fast path, push_decode.h) reads it the same.
#include "matome/wire/push_encode.h"

#include <catch2/catch.hpp>
#include <random>

#include "matome/util/rapidjson.h"
#include "matome/wire/codec.h"
#include "matome/wire/push_decode.h"

using namespace matome;

namespace {

// cereal's text with its layout taken out: parsed, then written compactly
// in the same member order.
std::string compact(const std::string& json) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  REQUIRE_FALSE(doc.HasParseError());
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  doc.Accept(w);
  return {buffer.GetString(), buffer.GetSize()};
}

void check_request(const wire::push_request& decoded, const wire::push_request& sent) {
  CHECK(decoded.protocol == sent.protocol);
  CHECK(decoded.plan_id == sent.plan_id);
  CHECK(decoded.timeline == sent.timeline);
  REQUIRE(decoded.changes.size() == sent.changes.size());
  for (std::size_t i = 0; i < sent.changes.size(); ++i) {
    CHECK(decoded.changes[i].change_id == sent.changes[i].change_id);
    CHECK(decoded.changes[i].key == sent.changes[i].key);
    CHECK(decoded.changes[i].base_version == sent.changes[i].base_version);
    CHECK(decoded.changes[i].value == sent.changes[i].value);
  }
}

}  // namespace

TEST_CASE("a push is written as cereal writes it, and both decoders read it back", "[wire][push]") {
  wire::push_request r;
  r.plan_id = 7;
  SECTION("changes of every shape") {
    r.timeline = "01930000-0000-7000-8000-000000000001";
    r.changes.push_back({"c-1", {11, 3, 2024, "progress"}, 0, "講座を3回開催した。"});
    r.changes.push_back(
        {"c-2", {12, 0, 0, "content"}, 42, "改行\nと \"引用\" と \\ と タブ\t と é 😀"});
    r.changes.push_back({"c-3", {13, 4, 2025, "indicator"}, 9'007'199'254'740'993, ""});
    r.changes.push_back({"c-4", {14, 4, 2025, "note"}, 1, "制御文字\x01と</script>"});
  }
  SECTION("no changes and no timeline (an older server's client)") {}

  const auto ours = wire::encode_push_request(r);
  const auto cereals = wire::encode(r, wire::format::json);
  CHECK(ours == compact(cereals));
  CHECK(ours.find('\n') == std::string::npos);  // one line, as sent

  const auto slow = wire::decode<wire::push_request>(ours, wire::format::json);
  REQUIRE(slow.has_value());
  check_request(*slow, r);
  const auto fast = wire::decode_push_request(ours);
  REQUIRE(fast.has_value());
  check_request(*fast, r);
}

TEST_CASE("a push's strings are escaped as cereal escapes them, whatever their bytes",
          "[wire][push]") {
  // Quotes, backslashes and control characters at every offset of an
  // eight-byte block, between runs of Japanese text and ASCII.
  std::mt19937 random(20261202);
  const std::string pieces[] = {"進捗", "a", "\"", "\\", "\n", "\x01", "\x1f", " ", "\x7f", "é"};
  for (int round = 0; round < 300; ++round) {
    wire::push_request r;
    r.plan_id = round;
    for (int i = 0; i < 4; ++i) {
      std::string value;
      const auto count = random() % 24;
      for (std::size_t k = 0; k < count; ++k) value += pieces[random() % std::size(pieces)];
      r.changes.push_back({"id-" + std::to_string(i),
                           {i + 1, i, 2024, "progress"},
                           static_cast<version_t>(random() % 1000),
                           value});
    }
    const auto ours = wire::encode_push_request(r);
    INFO(ours);
    REQUIRE(ours == compact(wire::encode(r, wire::format::json)));
    const auto fast = wire::decode_push_request(ours);
    REQUIRE(fast.has_value());
    check_request(*fast, r);
  }
}
