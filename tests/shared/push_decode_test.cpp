// decode_push_request() reads Matome's own push bodies from memory and hands
// every other body to decode<push_request>(): for any body, both must give
// the same request or the same error.
#include "matome/wire/push_decode.h"

#include <catch2/catch.hpp>

#include "matome/wire/codec.h"
#include "support/catch_result.h"

using namespace matome;

namespace {

wire::push_request sample() {
  wire::push_request r;
  r.plan_id = 7;
  r.timeline = "timeline-1";
  r.changes.push_back({"c-1", {11, 3, 2024, "progress"}, 0, "講座を3回開催した。"});
  r.changes.push_back({"c-2", {12, 0, 0, "content"}, 42, "改行\nと \"引用\" と \\ と é"});
  r.changes.push_back({"c-3", {13, 4, 2025, "indicator"}, -1, ""});
  return r;
}

void same_as_cereal(const std::string& body) {
  INFO(body);
  const auto fast = wire::decode_push_request(body);
  const auto slow = wire::decode<wire::push_request>(body, wire::format::json);
  REQUIRE(fast.has_value() == slow.has_value());
  if (!slow) {
    CHECK(fast.error().code == slow.error().code);
    CHECK(fast.error().message == slow.error().message);
    return;
  }
  CHECK(fast->protocol == slow->protocol);
  CHECK(fast->plan_id == slow->plan_id);
  CHECK(fast->timeline == slow->timeline);
  REQUIRE(fast->changes.size() == slow->changes.size());
  for (std::size_t i = 0; i < slow->changes.size(); ++i) {
    const auto& a = fast->changes[i];
    const auto& b = slow->changes[i];
    CHECK(a.change_id == b.change_id);
    CHECK(a.key == b.key);
    CHECK(a.base_version == b.base_version);
    CHECK(a.value == b.value);
  }
}

void replace(std::string& s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("the client's own push body decodes as cereal decodes it", "[wire][push]") {
  const auto body = wire::encode(sample(), wire::format::json);
  same_as_cereal(body);
  const auto decoded = wire::decode_push_request(body);
  REQUIRE(decoded);
  CHECK(decoded->changes.at(1).value == "改行\nと \"引用\" と \\ と é");

  auto older = sample();
  older.timeline.clear();
  same_as_cereal(wire::encode(older, wire::format::json));    // "timeline" sent empty
  same_as_cereal(R"({"protocol":1,"plan":7,"changes":[]})");  // before timelines
}

TEST_CASE("any other push body gets cereal's answer, accepted or refused", "[wire][push]") {
  // cereal's layout without its line breaks and spaces (none are inside
  // the sample's strings), to edit below.
  std::string body;
  for (const char c : wire::encode(sample(), wire::format::json))
    if (c != '\n') body.push_back(c);
  for (auto at = body.find("\": "); at != std::string::npos; at = body.find("\": ", at))
    body.erase(at + 2, 1);
  same_as_cereal(body);
  std::vector<std::string> variants;
  auto with = [&](const std::string& from, const std::string& to) {
    auto v = body;
    replace(v, from, to);
    variants.push_back(v);
  };
  with(R"("protocol":)", R"("extra":true,"protocol":)");      // an unknown member first
  with(R"("plan":7,)", "");                                   // a member missing
  with(R"("plan":7)", R"("plan":"7")");                       // a wrong type
  with(R"("plan":7)", R"("plan":7.0)");                       // a number not an integer
  with(R"("year":2024)", R"("year":99999999999)");            // out of an int's range
  with(R"("base_version":42)", R"("base_version":null)");     // null
  with(R"("change_id":"c-1")", R"("change_id":"c\u00001")");  // a NUL in a string
  with(R"("change_id":"c-1",)", "");                          // a change member missing
  with(R"("timeline":"timeline-1")", R"("timeline":3)");      // a trailing member mistyped
  with(R"("protocol":)", R"("protocol":99,"x":)");            // a newer protocol
  with(R"("plan":7)", R"("plan":7e0)");                       // an exponent
  // Text that is no UTF-8, inside a string of the client's own layout.
  with("開催した。", "開催\xff");                                // a byte no character starts with
  with("開催した。", "開催\xe3\x81");                            // a character cut short
  with("開催した。", "\xc0\xaf");                                // an overlong "/"
  with("開催した。", "\xed\xa0\x80");                            // a surrogate, as UTF-8
  with("開催した。", "\xf4\x90\x80\x80");                        // beyond U+10FFFF
  with("開催した。", R"(\ud800)");                               // half a surrogate pair, escaped
  with("開催した。", R"(\udc00x)");                              // the other half, alone
  with("開催した。", R"(\ud83d\ude00)");                         // a whole pair: accepted
  with(R"("plan":7,)", "\"plan\":7,\xe3\x80\x80");               // a wide space between members
  with(R"("year":2024)", R"("year":)" + std::string(300, '['));  // nested too deeply inside
  variants.push_back(body + "garbage");                          // trailing bytes
  variants.push_back(body.substr(0, body.size() / 2));           // cut short
  variants.push_back(std::string(100, '['));                     // nested too deeply
  variants.push_back("\xff\xfe");                                // not UTF-8
  variants.push_back("[]");
  variants.push_back("");
  // Members in another order: another client's layout, read by cereal.
  variants.push_back(R"({"plan":7,"protocol":1,"changes":[{"value":"v","cell":{"field":"progress",)"
                     R"("year":2024,"department":3,"item":11},"base_version":0,"change_id":"x"}],)"
                     R"("timeline":"t"})");
  for (const auto& v : variants) same_as_cereal(v);
  // The escaped whole pair is a character like any, not a refusal both share.
  auto pair = body;
  replace(pair, "開催した。", R"(\ud83d\ude00)");
  const auto with_pair = wire::decode_push_request(pair);
  REQUIRE(with_pair);
  CHECK(with_pair->changes.at(0).value == "講座を3回😀");
}
