#pragma once
// HTTP(S) requests to one server, over connections kept open between
// requests (HTTP/1.1 keep-alive): a sync's requests share one connection,
// and over HTTPS one handshake, instead of opening one each. The server
// closes a connection that stays idle past its timeout, or when it
// restarts; a request that finds its kept connection closed before any
// answer is sent again on a new one. That is safe for every request the
// client sends twice: reads, and pushes and actions, whose ids the server
// answers once (docs/api.md).
//
// Thread-safe: the sync engine asks for the next pull page on another
// thread, which takes a connection of its own.

#include <chrono>
#include <memory>
#include <string>

#include "matome/client/transport.h"

namespace matome::client {

struct http_answer {
  int status = 0;
  std::string body;
};

class http_client {
 public:
  http_client(server_address address, std::string token, std::chrono::seconds timeout,
              std::string ca_file);
  ~http_client();
  http_client(http_client&&) noexcept;
  http_client& operator=(http_client&&) noexcept;

  // `method` is "GET", "POST"...; `binary` asks for the bulk binary answer.
  // A status of 400 or more is the server's {"error","message"} as an error;
  // no answer at all is errc::unreachable with the reason in Japanese.
  result<http_answer> request(std::string_view method, const std::string& target,
                              const std::string& body = {}, bool binary = false);

 private:
  struct connection;
  struct pool;
  std::unique_ptr<connection> take_idle();
  void give_back(std::unique_ptr<connection> c);
  void drop_idle();

  server_address address_;
  std::string token_;
  std::chrono::seconds timeout_;
  std::string ca_file_;
  std::unique_ptr<pool> pool_;
};

}  // namespace matome::client
