#pragma once
// matome-server's network side: an HTTP/1.1 + WebSocket server on Asio with
// a pool of I/O threads. Requests are read with a deadline and a body
// limit, handed to the router on the database thread, and answered with
// keep-alive. stop() is graceful: no new connections, requests in flight
// are answered, idle connections closed, then the database closed.

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "matome/store/store.h"

namespace matome::server {

struct server_options {
  std::string host = "127.0.0.1";
  unsigned short port = 8750;  // 0: any free port (tests)
  int threads = 0;             // 0: one per core
  std::size_t body_limit = 16 * 1024 * 1024;
  std::chrono::seconds timeout{30};  // to read a request, to write a response, idle keep-alive
  std::chrono::seconds shutdown_grace{10};  // after this, stop() closes what is still open
  bool handle_signals = false;              // stop gracefully on SIGINT / SIGTERM
  std::filesystem::path tls_cert;  // PEM certificate chain; with tls_key: serve HTTPS/WSS only
  std::filesystem::path tls_key;   // PEM private key
  // An already bound, listening TCP socket to serve instead of binding
  // host:port (socket activation; tests that restart a server on its port
  // without letting anyone else take it). The server takes ownership.
  int listening_socket = -1;
  // GET /metrics (Prometheus) on the API listener; matome-server sets it
  // only for a loopback address. A server on a public address serves them
  // on metrics_host:metrics_port instead, plain HTTP, /metrics only.
  bool metrics_on_api_listener = true;
  std::string metrics_host;  // empty: no separate metrics listener
  unsigned short metrics_port = 0;
};

// 127.0.0.0/8 or ::1 (false for anything that is not an IP address).
bool is_loopback_address(std::string_view host);

class http_server {
 public:
  // Binds the listening socket at once (so port() is known) and loads the
  // TLS certificate if one is given; throws failure(errc::invalid_argument)
  // when the address cannot be bound or the certificate not loaded.
  http_server(server_options options, store db);
  ~http_server();
  http_server(const http_server&) = delete;
  http_server& operator=(const http_server&) = delete;

  unsigned short port() const;
  // The metrics listener's port (0 when there is none).
  unsigned short metrics_port() const;
  // The listening socket, to dup() and hand to the next server (see
  // server_options::listening_socket).
  int listening_socket() const;

  // Serves until stop() (or a signal); blocks. Returns once every
  // connection is closed and the database thread has finished.
  void run();

  // Thread-safe; returns at once, run() returns when shutdown completes.
  void stop();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace matome::server
