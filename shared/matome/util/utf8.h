#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace matome {

// Strict UTF-8 (RFC 3629): no overlongs, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(std::string_view text);

// Number of code points; assumes valid UTF-8.
std::size_t utf8_length(std::string_view text);

// The code points of `text`; a byte that starts no valid sequence becomes
// U+FFFD, so this never fails (readers have checked the text already).
std::u32string utf8_decode(std::string_view text);

// Appends `cp` to `out` in UTF-8.
void utf8_append(std::string& out, char32_t cp);

std::string utf8_encode(std::u32string_view text);

}  // namespace matome
