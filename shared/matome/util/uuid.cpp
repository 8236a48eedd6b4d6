#include "matome/util/uuid.h"

#include <sodium.h>

#include <chrono>
#include <cstdint>
#include <cstdio>

namespace matome {

std::string new_uuid() {
  static const bool ready = sodium_init() >= 0;
  (void)ready;
  unsigned char b[16];
  randombytes_buf(b, sizeof b);
  // Version 7: the first 48 bits are the time in milliseconds, so ids made
  // one after another sort together and an index of them grows at its end
  // (the server's applied_changes) instead of touching pages all over it.
  const auto ms =
      static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count());
  for (int i = 0; i < 6; ++i) b[i] = static_cast<unsigned char>(ms >> (8 * (5 - i)));
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x70);  // version 7
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
  char text[37];
  std::snprintf(text, sizeof text,
                "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
                b[15]);
  return text;
}

}  // namespace matome
