// --tls-cert/--tls-key: the same API over HTTPS, nothing in clear text.
#include <catch2/catch.hpp>

#include "support/catch_result.h"
#include "support/certificate.h"
#include "support/test_server.h"

using namespace matome;
using namespace matome::test;

TEST_CASE("with a certificate the server speaks HTTPS only", "[server][tls]") {
  temp_dir dir;
  make_certificate(dir);
  auto options = test_server::quick_options();
  options.tls_cert = dir.file("cert.pem");
  options.tls_key = dir.file("key.pem");
  test_server server(dir.file("master.db"), options);

  auto client = server.client();
  client.use_tls(dir.file("cert.pem").string());
  CHECK(client.get("/api/v1/health").status == 200);
  const auto token = client.login("fukushi1");
  CHECK(client.get("/api/v1/me", token).status == 200);

  auto plain = server.client();
  CHECK(plain.raw("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n", std::chrono::seconds(2))
            .find("200 OK") == std::string::npos);
  CHECK(client.get("/api/v1/health").status == 200);  // still serving after the clear-text attempt
}

TEST_CASE("a missing or unreadable certificate is a clear startup error", "[server][tls]") {
  temp_dir dir;
  auto options = test_server::quick_options();
  options.tls_cert = dir.file("missing.pem");
  options.tls_key = dir.file("missing-key.pem");
  try {
    server::http_server server(options, store::open(dir.file("master.db")).value());
    FAIL("the server started without its certificate");
  } catch (const failure& f) {
    CHECK(std::string(f.what()).find("missing.pem") != std::string::npos);
  }
  options.tls_key.clear();
  CHECK_THROWS_WITH(server::http_server(options, store::open(dir.file("master.db")).value()),
                    Catch::Contains("both --tls-cert and --tls-key"));
}
