#pragma once
// A blocking HTTP/WebSocket client for tests, talking to 127.0.0.1 only.
// Each request opens its own connection unless a keep_alive_connection is
// used; raw() sends arbitrary bytes for the malformed-input tests.

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace matome::test {

struct http_reply {
  int status = 0;
  std::string content_type;
  std::string body;
  std::map<std::string, std::string> headers;
};

class http_client {
 public:
  explicit http_client(unsigned short port) : port_(port) {}

  http_reply request(const std::string& method, const std::string& target,
                     const std::string& body = {}, const std::string& token = {},
                     const std::string& accept = {});
  http_reply get(const std::string& target, const std::string& token = {}) {
    return request("GET", target, {}, token);
  }
  http_reply post(const std::string& target, const std::string& body,
                  const std::string& token = {}) {
    return request("POST", target, body, token);
  }

  // Writes `bytes` as they are and returns everything read until the server
  // closes the connection or `wait` passes.
  std::string raw(const std::string& bytes,
                  std::chrono::milliseconds wait = std::chrono::seconds(5));

  // Signs in through the API and returns the device token.
  std::string login(const std::string& login, const std::string& password = "demo",
                    const std::string& device = "test-pc");

  unsigned short port() const { return port_; }

  // Speak HTTPS instead, trusting only the certificate in `ca_file`.
  void use_tls(const std::string& ca_file) { ca_file_ = ca_file; }

 private:
  unsigned short port_;
  std::string ca_file_;  // non-empty: HTTPS
};

// A WebSocket subscribed to /api/v1/events.
class event_listener {
 public:
  event_listener(unsigned short port, const std::string& token);
  ~event_listener();
  // The next text message, or nullopt after `wait`.
  std::optional<std::string> next(std::chrono::milliseconds wait = std::chrono::seconds(5));
  // True once the server has closed the socket; false if it is still open after `wait`.
  bool wait_closed(std::chrono::milliseconds wait);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace matome::test
