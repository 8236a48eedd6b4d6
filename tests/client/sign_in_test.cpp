#include <catch2/catch.hpp>

#include "client_fixture.h"
#include "matome/client/transport.h"
#include "support/catch_result.h"

using namespace matome;
using namespace matome::test;

TEST_CASE("a device that signs in again keeps its key and only its newest token works",
          "[client][sign_in]") {
  client_fixture f;
  auto local = client::replica::open(f.dir.file("fukushi.replica")).value();
  const auto key = local.device_key().public_key;
  auto first = client::sign_in(f.url(), "fukushi1", "demo", "pc-1", key);
  REQUIRE(first);
  auto again = client::sign_in(f.url(), "fukushi1", "demo", "pc-1", key);
  REQUIRE(again);  // regression: the second sign-in failed on the key's UNIQUE constraint
  CHECK(again->token != first->token);
  auto plans = "/api/v1/plans";
  CHECK(client::call_api(f.url(), again->token, "GET", plans));
  auto old = client::call_api(f.url(), first->token, "GET", plans);
  REQUIRE_FALSE(old);
  CHECK(old.error().code == errc::unauthenticated);

  // The same key for another user is refused, and says why.
  auto other = client::sign_in(f.url(), "shakyo1", "demo", "pc-1", key);
  REQUIRE_FALSE(other);
  CHECK(other.error().code == errc::forbidden);
  CHECK(other.error().message.find("別のユーザー") != std::string::npos);
  CHECK(client::call_api(f.url(), again->token, "GET", plans));
}
