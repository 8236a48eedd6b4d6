// A server's answer the client cannot read (a proxy that mangled it, a
// corrupt disk, a server of another make) must tell the user, in Japanese,
// that their edits are safe and what to do: not cereal's words.
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <string>
#include <thread>

#include "matome/client/transport.h"
#include "matome/wire/codec.h"
#include "support/catch_result.h"
#include "support/listening_socket.h"

using namespace matome;

namespace {

// Answers one request on `socket` with HTTP 200 and `body`.
std::thread answer_once(const test::listening_socket& socket, std::string body) {
  return std::thread([fd = socket.fd(), body = std::move(body)] {
    const int connection = ::accept(fd, nullptr, nullptr);
    if (connection < 0) return;
    // Read the request up to its end (its headers, then Content-Length bytes).
    std::string request;
    char buffer[65536];
    std::size_t wanted = std::string::npos;
    while (request.size() < wanted) {
      const auto n = ::read(connection, buffer, sizeof buffer);
      if (n <= 0) break;
      request.append(buffer, static_cast<std::size_t>(n));
      const auto headers_end = request.find("\r\n\r\n");
      if (headers_end == std::string::npos) continue;
      const auto length_at = request.find("Content-Length: ");
      const std::size_t length =
          length_at < headers_end ? std::stoul(request.substr(length_at + 16)) : 0;
      wanted = headers_end + 4 + length;
    }
    const std::string answer =
        "HTTP/1.1 200 OK\r\nContent-Type: application/x-matome-binary\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    (void)::write(connection, answer.data(), answer.size());
    ::close(connection);
  });
}

}  // namespace

TEST_CASE("an answer to a push that cannot be read says the edits are safe and what to do",
          "[client][transport]") {
  // An answer to one change whose last byte, a yes/no, is neither 0 nor 1.
  wire::push_response one;
  one.outcomes.emplace_back();
  auto mangled = wire::encode(one, wire::format::binary);
  mangled.back() = '\x3b';
  const test::listening_socket socket;
  auto server = answer_once(socket, mangled);
  auto transport = client::make_http_transport("http://127.0.0.1:" + std::to_string(socket.port()),
                                               "mt1_token", std::chrono::seconds(5));
  wire::push_request request;
  request.plan_id = 1;
  request.changes.push_back({"c-1", {11, 3, 2024, "progress"}, 0, "講座を3回開催した。"});
  auto answer = transport->push(request);
  server.join();
  REQUIRE_FALSE(answer);
  CHECK(answer.error().code == errc::invalid_argument);
  const auto& message = answer.error().message;
  INFO(message);
  CHECK(message.find("サーバーの応答を読み取れませんでした") != std::string::npos);
  CHECK(message.find("端末に残") != std::string::npos);
  CHECK(message.find("管理者") != std::string::npos);
  // What was wrong, for the administrator, after the advice.
  CHECK(message.find("neither 0 nor 1") != std::string::npos);
}
