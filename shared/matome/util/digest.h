#pragma once
#include <string>
#include <string_view>

namespace matome {

// A short fingerprint of `data` (BLAKE2b-128 in hex, libsodium): enough to
// tell whether a repeated change id carries the same change, without
// storing every value twice.
std::string content_digest(std::string_view data);

}  // namespace matome
