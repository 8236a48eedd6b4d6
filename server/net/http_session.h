#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>

#include "net/server_context.h"

namespace matome::server {

// Serves one TCP connection until the peer closes it, it idles past the
// timeout, or the server stops. A request to /api/v1/events that asks for a
// WebSocket upgrade turns the connection into an event stream.
boost::asio::awaitable<void> serve_connection(server_context& ctx,
                                              boost::asio::ip::tcp::socket socket);

// The separate metrics listener (--metrics-listen): plain HTTP, GET /metrics
// only.
boost::asio::awaitable<void> serve_metrics_connection(server_context& ctx,
                                                      boost::asio::ip::tcp::socket socket);

// The same over TLS: the handshake (within the timeout) first.
boost::asio::awaitable<void> serve_tls_connection(server_context& ctx,
                                                  boost::asio::ip::tcp::socket socket,
                                                  boost::asio::ssl::context& tls);

}  // namespace matome::server
