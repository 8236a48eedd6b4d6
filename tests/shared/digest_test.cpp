#include "matome/util/digest.h"

#include <catch2/catch.hpp>

using namespace matome;

TEST_CASE("content_digest is unkeyed BLAKE2b in hex, of the length asked", "[util]") {
  // The published BLAKE2b-256 of the empty input: device tokens stored by
  // earlier versions (hashed this way) keep working.
  CHECK(content_digest("", 32) ==
        "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  CHECK(content_digest("変更").size() == 32);  // 16 bytes by default
  CHECK(content_digest("変更") != content_digest("変更 "));
  CHECK(content_digest("変更") == content_digest("変更"));
}
