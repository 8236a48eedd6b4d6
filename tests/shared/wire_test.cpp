#include <catch2/catch.hpp>

#include "matome/wire/codec.h"
#include "matome/wire/push_decode.h"
#include "support/catch_result.h"

using namespace matome;
using namespace matome::wire;

namespace {
push_request sample_push() {
  push_request r;
  r.plan_id = 1;
  r.changes = {{"8f14e45f-ceea-467a-9575-bd2a1a4e1c01", {12, 3, 2023, "grade"}, 41, "A"},
               {"8f14e45f-ceea-467a-9575-bd2a1a4e1c02",
                {12, 0, 0, "content"},
                0,
                "○ボランティア体験\n○講座"}};
  return r;
}

pull_page sample_page() {
  pull_page page;
  page.cursor = 1234;
  page.more = true;
  page.cells = {{{12, 3, 2023, "progress"}, "講座を開催した。", 77}};
  page.entries = {{{12, 3, 2023}, entry_status::returned, 80}};
  conflict_record c;
  c.id = 5;
  c.key = {12, 3, 2023, "reason"};
  c.base_value = "元";
  c.server_value = "サーバー";
  c.incoming_value = "手元";
  page.conflicts = {c};
  page.comments = {{9, {12, 3, 2023}, "coord", "理由を具体的に", "2026-11-24T09:00:00Z", 80}};
  return page;
}
}  // namespace

TEST_CASE("a push request round-trips through JSON and portable binary", "[wire]") {
  const auto request = sample_push();
  for (auto f : {format::json, format::binary}) {
    auto back = decode<push_request>(encode(request, f), f).value();
    REQUIRE(back.changes.size() == 2);
    CHECK(back.plan_id == 1);
    CHECK(back.changes[0].change_id == request.changes[0].change_id);
    CHECK(back.changes[0].key == request.changes[0].key);
    CHECK(back.changes[0].base_version == 41);
    CHECK(back.changes[1].value == "○ボランティア体験\n○講座");
  }
}

TEST_CASE("a pull page round-trips with statuses, conflicts and comments", "[wire]") {
  const auto page = sample_page();
  for (auto f : {format::json, format::binary}) {
    auto back = decode<pull_page>(encode(page, f), f).value();
    CHECK(back.cursor == 1234);
    CHECK(back.more);
    REQUIRE(back.cells.size() == 1);
    CHECK(back.cells[0].value == "講座を開催した。");
    CHECK(back.entries.at(0).status == entry_status::returned);
    CHECK(back.conflicts.at(0).incoming_value == "手元");
    CHECK(back.comments.at(0).body == "理由を具体的に");
  }
}

TEST_CASE("push outcomes round-trip", "[wire]") {
  push_response r;
  r.last_seq = 99;
  change_outcome o;
  o.change_id = "c1";
  o.kind = outcome_kind::refused;
  o.reason_code = "locked";
  o.reason = "確定済み";
  o.repeated = true;
  r.outcomes = {o};
  for (auto f : {format::json, format::binary}) {
    auto back = decode<push_response>(encode(r, f), f).value();
    CHECK(back.outcomes.at(0).kind == outcome_kind::refused);
    CHECK(back.outcomes.at(0).reason == "確定済み");
    CHECK(back.outcomes.at(0).repeated);
  }
}

TEST_CASE("the public JSON uses readable field names", "[wire]") {
  const auto json = encode(sample_push(), format::json);
  CHECK(json.find("\"protocol\"") != std::string::npos);
  CHECK(json.find("\"change_id\"") != std::string::npos);
  CHECK(json.find("\"base_version\"") != std::string::npos);
  CHECK(json.find("value0") == std::string::npos);
  // A hand-written request, as a curl user would send it, is understood.
  auto written = decode<push_request>(
      R"({"protocol":1,"plan":1,"changes":[{"change_id":"x","cell":{"item":3,"department":2,"year":2023,"field":"grade"},"base_version":0,"value":"B"}]})",
      format::json);
  REQUIRE(written);
  CHECK(written->changes.at(0).key.field == "grade");
}

TEST_CASE("bad messages are errors, never crashes", "[wire]") {
  auto expect = [](std::string_view body, errc code) {
    auto r = decode<push_request>(body, format::json);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == code);
  };
  expect("{", errc::invalid_argument);
  expect("", errc::invalid_argument);
  expect("[]", errc::invalid_argument);
  expect(R"({"protocol":"one","plan":1,"changes":[]})", errc::invalid_argument);
  expect(R"({"protocol":1,"plan":1,"changes":{}})", errc::invalid_argument);
  expect(R"({"protocol":1,"plan":1})", errc::invalid_argument);
  expect("{\"protocol\":1,\"plan\":1,\"changes\":[],\"x\":\"\xff\"}", errc::invalid_argument);
  expect(std::string(100000, '[') + std::string(100000, ']'), errc::invalid_argument);
  expect(
      R"({"protocol":1,"plan":1,"changes":[{"change_id":"x","cell":{"item":"3"},"base_version":0,"value":"B"}]})",
      errc::invalid_argument);

  auto binary = decode<push_request>("\x01\x02garbage", format::binary);
  CHECK_FALSE(binary);
}

TEST_CASE("a message from a newer protocol is refused with advice to update", "[wire]") {
  auto newer = sample_push();
  newer.protocol = protocol + 1;
  for (auto f : {format::json, format::binary}) {
    auto r = decode<push_request>(encode(newer, f), f);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == errc::unsupported_version);
    CHECK(r.error().message.find("Matome を更新してください") != std::string::npos);
  }
}

TEST_CASE("a resolution sent by a client that predates seen_version still decodes", "[wire]") {
  const std::string old_client =
      R"({"protocol":1,"plan":1,"actions":[{"action_id":"r-1","kind":"resolve",)"
      R"("entry":{"item":0,"department":0,"year":0},"name":"incoming","conflict_id":3,"text":""}]})";
  auto decoded = decode<action_request>(old_client, format::json);
  REQUIRE(decoded);
  CHECK(decoded->actions.at(0).conflict_id == 3);
  CHECK(decoded->actions.at(0).seen_version == 0);

  action_request now;
  now.plan_id = 1;
  now.actions = {{"r-2", action_kind::resolve, {}, "merged", 3, "両方", 812}};
  auto back = decode<action_request>(encode(now, format::json), format::json);
  REQUIRE(back);
  CHECK(back->actions.at(0).seen_version == 812);
  CHECK(back->actions.at(0).text == "両方");
}

// Found by the fuzzers (tests/fuzz): RapidJSON 1.1's number parser has
// undefined behaviour (signed overflow, oversized shifts, clz of zero) on
// fractions and exponents such as 0e151. Matome's messages hold whole
// numbers only, so such a body is refused before it reaches the parser.
TEST_CASE("a number with a fraction or an exponent is refused before the JSON parser",
          "[wire][fuzz]") {
  const std::string found_by_fuzzing[] = {
      R"({"re1":0e151!1011]})",
      "{\"lat_seq\":0e212\x01"
      "3_epartment}]}",
      "\t0e060d78956de3858a42f515054593dbea6df5cb9066ec648fdf8b32437cb1f38E25",
      R"({"protocol":1,"plan":1.5,"changes":[]})",
      R"({"protocol":1,"plan":1,"changes":[{"change_id":"a","cell":{"item":1,"department":1,"year":2023,"field":"f"},"base_version":1E3,"value":"x"}]})",
  };
  for (const auto& body : found_by_fuzzing) {
    INFO(body);
    auto push = wire::decode<wire::push_request>(body, wire::format::json);
    REQUIRE_FALSE(push);
    CHECK(push.error().message.find("whole numbers") != std::string::npos);
    auto fast = wire::decode_push_request(body);
    REQUIRE_FALSE(fast);
    CHECK(fast.error().message == push.error().message);
    CHECK_FALSE(wire::decode<wire::push_response>(body, wire::format::json));
  }
  // Letters e and E elsewhere are fine: in strings, and in true and false.
  auto ok = wire::decode<wire::push_request>(
      R"({"protocol":1,"plan":1,"changes":[{"change_id":"1e5","cell":{"item":1,"department":1,"year":2023,"field":"E2"},"base_version":0,"value":"0.5e3 true"}]})",
      wire::format::json);
  REQUIRE(ok);
  CHECK(ok->changes.at(0).value == "0.5e3 true");
}

// A binary message's strings and vectors are sized from the message; a size
// larger than what is left of it is refused before anything is allocated
// (cereal alone would allocate first: 2^40 elements from a few bytes).
TEST_CASE("a binary size larger than the rest of the message is refused before allocating",
          "[wire]") {
  const std::string good = encode(sample_page(), format::binary);
  // Portable binary, in pull_page's order: the archive's endianness (1
  // byte), protocol (4), cursor (8), more (1), structure_version (8), then
  // finalized_years and cells, each led by its 8-byte size.
  const std::size_t years_at = 1 + 4 + 8 + 1 + 8, cells_at = years_at + 8;
  auto size_at = [&](const std::string& bytes, std::size_t at) {
    std::uint64_t n = 0;
    for (int i = 7; i >= 0; --i) n = (n << 8) | static_cast<unsigned char>(bytes[at + i]);
    return n;
  };
  REQUIRE(size_at(good, years_at) == 0);
  REQUIRE(size_at(good, cells_at) == 1);
  auto with_size = [&](std::size_t at, std::uint64_t n) {
    std::string bytes = good;
    for (int i = 0; i < 8; ++i) bytes[at + i] = static_cast<char>((n >> (8 * i)) & 0xff);
    return bytes;
  };
  const std::uint64_t huge = std::uint64_t{1} << 40;
  for (const auto& [what, bytes] : {std::pair{"years", with_size(years_at, huge)},
                                    std::pair{"cells", with_size(cells_at, huge)},
                                    std::pair{"cells", with_size(cells_at, good.size())}}) {
    INFO(what);
    auto page = decode<pull_page>(bytes, format::binary);
    REQUIRE_FALSE(page);
    CHECK(page.error().code == errc::invalid_argument);
    CHECK(page.error().message.find("larger than the rest of the message") != std::string::npos);
  }
  // The cell's value: a string sized past the end.
  const std::string value = "講座を開催した。";
  const auto value_at = good.find(value);
  REQUIRE(value_at != std::string::npos);
  REQUIRE(size_at(good, value_at - 8) == value.size());
  auto long_string = decode<pull_page>(with_size(value_at - 8, huge), format::binary);
  REQUIRE_FALSE(long_string);
  CHECK(long_string.error().message.find("larger than the rest of the message") !=
        std::string::npos);
  // And the message as it was still reads.
  CHECK(decode<pull_page>(good, format::binary));
}

// Found by fuzz_wire_messages: cereal copied a yes/no byte into a bool as
// it was, and a byte of 59 then made a bool that is neither true nor false.
TEST_CASE("a binary yes/no that is neither 0 nor 1 is refused", "[wire]") {
  const std::string good = encode(sample_page(), format::binary);
  // pull_page's "more": after the endianness (1 byte), protocol (4) and cursor (8).
  const std::size_t more_at = 1 + 4 + 8;
  REQUIRE(decode<pull_page>(good, format::binary));
  for (const char byte : {'\x02', '\x3b', '\xff'}) {
    auto bytes = good;
    bytes[more_at] = byte;
    auto page = decode<pull_page>(bytes, format::binary);
    REQUIRE_FALSE(page);
    CHECK(page.error().code == errc::invalid_argument);
    CHECK(page.error().message.find("neither 0 nor 1") != std::string::npos);
  }
  for (const char byte : {'\x00', '\x01'}) {
    auto bytes = good;
    bytes[more_at] = byte;
    auto page = decode<pull_page>(bytes, format::binary);
    REQUIRE(page);
    CHECK(page->more == (byte == 1));
  }
}

// Found by the soak's fuzzers: RapidJSON 1.1 turns a \u escape of half a
// surrogate pair into bytes that are not UTF-8, so a message it accepted
// could not be sent on again (its encoding is refused) — a comment or a
// device name holding one would stop every pull that carries it. Such an
// escape is refused before parsing; a whole pair is a character like any.
TEST_CASE("a \\u escape of half a surrogate pair is refused before parsing", "[wire]") {
  auto body = [](const std::string& value) {
    return R"({"protocol":1,"plan":1,"changes":[{"change_id":"a","cell":{"item":3,"department":1,"year":2023,"field":"progress"},"base_version":0,"value":")" +
           value + R"("}]})";
  };
  for (const char* lone : {R"(\udEEE)", R"(\uD800)", R"(\ud83dx)", R"(\ud83d\u0041)",
                           R"(\udc00\ud83d)", R"(\ud83d\ud83d\ude00)"}) {
    INFO(lone);
    auto r = decode<push_request>(body(lone), format::json);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == errc::invalid_argument);
    CHECK(r.error().message.find("surrogate") != std::string::npos);
  }
  auto pair = decode<push_request>(body(R"(\ud83d\ude00 \u00e9\\udEEE)"), format::json);
  REQUIRE(pair);
  CHECK(pair->changes.at(0).value == "😀 é\\udEEE");  // an escaped backslash is no escape
  CHECK(decode<push_request>(encode(*pair, format::json), format::json));
}
