#include <catch2/catch.hpp>

#include "client_fixture.h"
#include "matome/client/transport.h"
#include "support/catch_result.h"
#include "support/listening_socket.h"

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

TEST_CASE("a server that cannot be reached is explained in Japanese, not the socket's words",
          "[client][sign_in]") {
  client_fixture f;
  const auto port = f.server->port();
  f.server->stop();  // nothing listens there now
  auto refused =
      client::sign_in("http://127.0.0.1:" + std::to_string(port), "fukushi1", "demo", "pc-1");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == errc::unreachable);
  CHECK(refused.error().message.find("接続を拒否されました") != std::string::npos);
  CHECK(refused.error().message.find("Connection refused") == std::string::npos);

  auto unknown = client::sign_in("http://no-such-host.invalid:8750", "fukushi1", "demo", "pc-1");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().code == errc::unreachable);
  CHECK(unknown.error().message.find("サーバー名") != std::string::npos);
  CHECK(unknown.error().message.find("Host not found") == std::string::npos);
}

TEST_CASE("a server that takes the connection but never answers times out", "[client][sign_in]") {
  // A socket that listens but is never served: the kernel completes the
  // connection and the request waits, as with a hung or stopped server
  // behind socket activation. The transport's deadline must end it.
  const listening_socket hung;
  const auto url = "http://127.0.0.1:" + std::to_string(hung.port());
  auto transport = client::make_http_transport(url, "mt1_token", std::chrono::seconds(1));
  auto view = transport->view(0);
  REQUIRE_FALSE(view);
  CHECK(view.error().code == errc::unreachable);
  CHECK(view.error().message.find("時間切れ") != std::string::npos);
}
