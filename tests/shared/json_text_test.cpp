// scan_json reads a body before the JSON parser does (json_text.h). It
// skips a string's plain characters eight bytes at a time, so what ends a
// string or starts an escape is checked at every position in such a block.
#include "matome/util/json_text.h"

#include <catch2/catch.hpp>
#include <string>

using namespace matome;

namespace {
// A string of `before` plain characters, then `middle`, then `after` more,
// followed outside the string by a number.
std::string body(std::size_t before, const std::string& middle, std::size_t after,
                 const std::string& number = "1") {
  return R"({"v":")" + std::string(before, 'x') + middle + std::string(after, 'y') + R"(","n":)" +
         number + "}";
}
}  // namespace

TEST_CASE("a string ends at its closing quote wherever the quote falls", "[json]") {
  for (std::size_t before = 0; before < 20; ++before) {
    INFO(before);
    // The exponent outside the string is seen, so the string ended there.
    CHECK(scan_json(body(before, "", 0, "1e5")).exponent);
    // An escaped quote does not end it: the "1e5" after it is still text.
    CHECK_FALSE(scan_json(body(before, R"(\" 1e5 )", 9)).exponent);
    // An escaped backslash is no escape: the quote after it ends the string.
    CHECK(scan_json(body(before, R"(\\)", 0, "2.5e1")).exponent);
  }
}

TEST_CASE("half a surrogate pair is found wherever it falls in a long string", "[json]") {
  for (std::size_t before = 0; before < 20; ++before) {
    for (std::size_t after : {0, 1, 7, 8, 9, 17}) {
      INFO(before << " " << after);
      CHECK_FALSE(scan_json(body(before, R"(\ud83d\ude00)", after)).lone_surrogate);
      CHECK(scan_json(body(before, R"(\ud83d)", after)).lone_surrogate);
      CHECK(scan_json(body(before, R"(\ude00)", after)).lone_surrogate);
      CHECK(scan_json(body(before, R"(\ud83d\n)", after)).lone_surrogate);
      CHECK_FALSE(scan_json(body(before, R"(\u00e9\n)", after)).lone_surrogate);
    }
  }
}

TEST_CASE("nesting, fractions and exponents are counted outside strings only", "[json]") {
  const std::string deep = std::string(65, '[') + std::string(65, ']');
  CHECK(scan_json(deep).too_deep);
  CHECK_FALSE(scan_json(R"({"v":")" + deep + R"("})").too_deep);
  CHECK(scan_json(R"({"v":"0.1234567890123456789","n":12.5})").fraction_digits == 1);
  CHECK_FALSE(scan_json(R"({"v":"1e5 E","b":true,"c":false})").exponent);
}
