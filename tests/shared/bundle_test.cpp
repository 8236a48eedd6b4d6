#include "matome/sync/bundle.h"

#include <catch2/catch.hpp>

#include "support/catch_result.h"

using namespace matome;

TEST_CASE("a sealed bundle opens with its payload and signer", "[bundle]") {
  const auto key = new_signing_key();
  const std::string payload = R"({"protocol":1,"changes":[{"value":"社協の分"}]})";
  auto text = seal_bundle("changes", 7, payload, key).value();
  CHECK(text.starts_with("MATOME-BUNDLE 1\nkind: changes\nplan: 7\n"));  // readable at the gateway
  auto b = open_bundle(text).value();
  CHECK(b.kind == "changes");
  CHECK(b.plan_id == 7);
  CHECK(b.signer == key.public_key);
  CHECK(b.payload == payload);
}

TEST_CASE("a bundle changed anywhere is refused", "[bundle]") {
  const auto text = seal_bundle("changes", 1, R"({"value":"元の値"})", new_signing_key()).value();
  for (std::size_t at = 0; at < text.size(); ++at) {
    auto tampered = text;
    tampered[at] = static_cast<char>(tampered[at] ^ 0x01);
    INFO("byte " << at);
    auto opened = open_bundle(tampered);
    CHECK_FALSE(opened);
  }
  auto b = open_bundle(text);
  REQUIRE(b);
}

TEST_CASE("a truncated bundle is refused at every length", "[bundle]") {
  const auto text = seal_bundle("answer", 1, R"({"cells":[1,2,3]})", new_signing_key()).value();
  for (std::size_t length = 0; length + 1 < text.size(); ++length) {
    INFO("length " << length);
    auto opened = open_bundle(std::string_view(text).substr(0, length));
    REQUIRE_FALSE(opened);
    CHECK(opened.error().code == errc::invalid_argument);
    CHECK(opened.error().message.find("何も変更していません") != std::string::npos);
  }
}

TEST_CASE("a file that is not a bundle says so", "[bundle]") {
  auto opened = open_bundle("PK\x03\x04 this is an xlsx file");
  REQUIRE_FALSE(opened);
  CHECK(opened.error().message.find("Matome の同期ファイルではありません") != std::string::npos);
}
