#include "matome/util/utf8.h"

#include <catch2/catch.hpp>

#include "support/catch_result.h"

using namespace matome;

TEST_CASE("UTF-8 validation accepts Japanese text and refuses broken bytes", "[utf8]") {
  CHECK(is_valid_utf8("共生福祉課B 市長公室B 社協A"));
  CHECK(is_valid_utf8("𠮷野家"));                  // 4-byte sequence
  CHECK_FALSE(is_valid_utf8("\xE5\x85"));          // truncated
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(is_valid_utf8("\xFF"));
  CHECK(utf8_length("評価の理由") == 5);
}
