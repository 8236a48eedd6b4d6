#include "matome/util/digest.h"

#include <sodium.h>

#include <algorithm>

namespace matome {

std::string content_digest(std::string_view data, std::size_t bytes) {
  static const bool ready = sodium_init() >= 0;
  (void)ready;
  bytes =
      std::clamp<std::size_t>(bytes, crypto_generichash_BYTES_MIN, crypto_generichash_BYTES_MAX);
  unsigned char hash[crypto_generichash_BYTES_MAX];
  crypto_generichash(hash, bytes, reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                     nullptr, 0);
  char hex[crypto_generichash_BYTES_MAX * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, bytes);
  return hex;
}

}  // namespace matome
