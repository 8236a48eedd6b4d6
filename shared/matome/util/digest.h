#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace matome {

// BLAKE2b of `data` in hex (libsodium), `bytes` long (16 to 64). 16 is
// enough to tell whether a repeated change id carries the same change
// without storing every value twice; device tokens are kept as 32.
std::string content_digest(std::string_view data, std::size_t bytes = 16);

}  // namespace matome
