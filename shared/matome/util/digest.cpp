#include "matome/util/digest.h"

#include <sodium.h>

namespace matome {

std::string content_digest(std::string_view data) {
  static const bool ready = sodium_init() >= 0;
  (void)ready;
  unsigned char hash[16];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(data.data()),
                     data.size(), nullptr, 0);
  char hex[sizeof hash * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

}  // namespace matome
