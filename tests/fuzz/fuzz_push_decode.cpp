// The push body decoder (wire/push_decode.h) reads Matome's own layout from
// memory and hands anything else to cereal. Property: on every input both
// paths agree, refusing the same bodies and reading the same requests.
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "matome/wire/codec.h"
#include "matome/wire/push_decode.h"
#include "matome/wire/serialize.h"

using namespace matome;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body = fuzz::text(data, size);
  auto fast = wire::decode_push_request(body);
  auto slow = wire::decode<wire::push_request>(body, wire::format::json);
  fuzz::require(fast.has_value() == slow.has_value(), "the fast decoder and cereal disagree");
  if (fast) {
    fuzz::require(
        wire::encode(*fast, wire::format::json) == wire::encode(*slow, wire::format::json),
        "the fast decoder read another request than cereal");
  }
  return 0;
}
