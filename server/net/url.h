#pragma once
// Decoding of request targets: %XX escapes and query strings.
#include <map>
#include <string>
#include <string_view>

namespace matome::server {

// %XX and '+' decoded; a malformed escape is kept as typed.
std::string url_decode(std::string_view text);

// "a=1&b=%E5%B9%B4" → {a: 1, b: 年}. Later keys win.
std::map<std::string, std::string> parse_query(std::string_view query);

}  // namespace matome::server
