// encode_push_answer() writes the bytes cereal writes for a push's answer,
// and decode_push_answer() reads any bytes as cereal reads them: the same
// answer, or the same error. cereal is the oracle.
#include "matome/wire/push_answer.h"

#include <catch2/catch.hpp>
#include <random>

#include "matome/wire/codec.h"
#include "support/catch_result.h"

using namespace matome;

namespace {

std::string random_text(std::mt19937& random) {
  static const std::string pieces[] = {"",   "c-1", "講座を3回開催した。", "forbidden",
                                       "\0", "😀",   "権限がありません",    "x"};
  std::string out;
  for (int k = static_cast<int>(random() % 4); k > 0; --k)
    out += pieces[random() % std::size(pieces)];
  return out;
}

wire::push_response random_answer(std::mt19937& random) {
  wire::push_response r;
  r.last_seq = static_cast<std::int64_t>(random()) << (random() % 32);
  for (int n = static_cast<int>(random() % 6); n > 0; --n) {
    change_outcome o;
    o.change_id = random_text(random);
    o.kind = static_cast<outcome_kind>(random() % 3);
    o.version = static_cast<version_t>(random()) - 1000;
    o.conflict_id = static_cast<record_id>(random() % 50);
    o.server_value = random_text(random);
    o.server_version = static_cast<version_t>(random() % 9);
    o.reason_code = random_text(random);
    o.reason = random_text(random);
    o.repeated = random() % 2 == 0;
    r.outcomes.push_back(o);
  }
  return r;
}

// Both readers give the same answer, or both the same error.
void read_alike(const std::string& bytes) {
  const auto fast = wire::decode_push_answer(bytes);
  const auto slow = wire::decode<wire::push_response>(bytes, wire::format::binary);
  REQUIRE(fast.has_value() == slow.has_value());
  if (!slow) {
    CHECK(fast.error().message == slow.error().message);
    return;
  }
  // Written again by cereal, byte for byte the same: every member read alike.
  CHECK(wire::encode(*fast, wire::format::binary) == wire::encode(*slow, wire::format::binary));
}

}  // namespace

TEST_CASE("a push's answer is written as cereal writes it", "[wire][push]") {
  std::mt19937 random(20261202);
  for (int round = 0; round < 300; ++round) {
    const auto answer = random_answer(random);
    const auto ours = wire::encode_push_answer(answer);
    REQUIRE(ours == wire::encode(answer, wire::format::binary));
    const auto read = wire::decode_push_answer(ours);
    REQUIRE(read);
    CHECK(wire::encode(*read, wire::format::binary) == ours);
  }
}

TEST_CASE("any bytes are read as cereal reads a push's answer", "[wire][push]") {
  std::mt19937 random(7);
  for (int round = 0; round < 200; ++round) {
    const auto bytes = wire::encode(random_answer(random), wire::format::binary);
    INFO("round " << round);
    read_alike(bytes);
    // Cut short anywhere.
    read_alike(bytes.substr(0, random() % bytes.size()));
    // A byte changed anywhere: a size, a bool, the endianness byte.
    auto changed = bytes;
    changed[random() % changed.size()] = static_cast<char>(random());
    read_alike(changed);
    // Sizes out of all proportion, and bytes after the end.
    auto huge = bytes;
    if (huge.size() > 20) huge.replace(13, 8, std::string(8, '\xff'));
    read_alike(huge);
    read_alike(bytes + "tail");
    // Another endianness byte: cereal reads every number byte-swapped.
    for (const char flag : {'\0', '\2'}) {
      auto other = bytes;
      other[0] = flag;
      read_alike(other);
    }
  }
  // A yes/no byte that is neither 0 nor 1 ("repeated", an outcome's last
  // member): both refuse it.
  wire::push_response one;
  one.outcomes.emplace_back();
  auto odd = wire::encode(one, wire::format::binary);
  odd.back() = '\x3b';
  read_alike(odd);
  CHECK_FALSE(wire::decode_push_answer(odd));

  auto newer = wire::push_response{};
  newer.protocol = wire::protocol + 1;
  const auto refused = wire::decode_push_answer(wire::encode(newer, wire::format::binary));
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == errc::unsupported_version);
  read_alike("");
}
