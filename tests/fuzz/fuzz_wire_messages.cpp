// Every wire message, in JSON (everything from outside) and in portable
// binary (a server's pull pages and answers). The first byte picks the
// message and, with its bit 3, the format. Property: a message that decodes
// encodes again and decodes to the same encoding (nothing half-read is
// accepted). In binary, sizes are bounded by the message (bounded_binary.h):
// before that, this found 2^56-element vectors in twenty bytes at once.
// A push's answer in binary is also read by push_answer.h: alike.
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "matome/wire/codec.h"
#include "matome/wire/push_answer.h"
#include "matome/wire/serialize.h"

using namespace matome;

namespace {

template <class Message>
void round_trip(std::string_view bytes, wire::format f) {
  auto decoded = wire::decode<Message>(bytes, f);
  if (!decoded) return;
  const std::string again = wire::encode(*decoded, f);
  auto second = wire::decode<Message>(again, f);
  fuzz::require(second.has_value(), "a decoded message does not decode after encoding");
  fuzz::require(wire::encode(*second, f) == again, "a message changes on a second round trip");
}

// A push's answer in binary is read by wire/push_answer.h straight from
// memory: it must read every input as cereal does.
void read_alike_as_answer(std::string_view bytes) {
  auto fast = wire::decode_push_answer(bytes);
  auto slow = wire::decode<wire::push_response>(bytes, wire::format::binary);
  fuzz::require(fast.has_value() == slow.has_value(), "the answer's reader and cereal disagree");
  if (fast) {
    fuzz::require(
        wire::encode(*fast, wire::format::binary) == wire::encode(*slow, wire::format::binary),
        "the answer's reader read another answer than cereal");
    fuzz::require(wire::encode_push_answer(*fast) == wire::encode(*fast, wire::format::binary),
                  "the answer's writer writes other bytes than cereal");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const auto f = (data[0] & 8) != 0 ? wire::format::binary : wire::format::json;
  const std::string_view bytes = fuzz::text(data + 1, size - 1);
  switch (data[0] % 8) {
    case 0:
      round_trip<wire::push_request>(bytes, f);
      break;
    case 1:
      round_trip<wire::push_response>(bytes, f);
      if (f == wire::format::binary) read_alike_as_answer(bytes);
      break;
    case 2:
      round_trip<wire::pull_page>(bytes, f);
      break;
    case 3:
      round_trip<wire::plan_snapshot>(bytes, f);
      break;
    case 4:
      round_trip<wire::action_request>(bytes, f);
      break;
    case 5:
      round_trip<wire::action_response>(bytes, f);
      break;
    case 6:
      round_trip<wire::bundle_changes>(bytes, f);
      break;
    case 7:
      round_trip<wire::bundle_answer>(bytes, f);
      break;
  }
  return 0;
}
