#pragma once
#include <cstddef>
#include <string_view>

namespace matome {

// Strict UTF-8 (RFC 3629): no overlongs, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(std::string_view text);

// Number of code points; assumes valid UTF-8.
std::size_t utf8_length(std::string_view text);

}  // namespace matome
