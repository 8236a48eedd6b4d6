#include "support/http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace matome::test {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {
tcp::endpoint loopback(unsigned short port) {
  return {asio::ip::make_address("127.0.0.1"), port};
}

template <class Stream>
http_reply send_and_receive(Stream& stream, const http::request<http::string_body>& req) {
  http::write(stream, req);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(512 * 1024 * 1024);
  http::read(stream, buffer, parser);
  auto res = parser.release();
  http_reply reply;
  reply.status = static_cast<int>(res.result_int());
  reply.content_type = std::string(res[http::field::content_type]);
  reply.body = std::move(res.body());
  for (const auto& field : res)
    reply.headers[std::string(field.name_string())] = std::string(field.value());
  return reply;
}
}  // namespace

http_reply http_client::request(const std::string& method, const std::string& target,
                                const std::string& body, const std::string& token,
                                const std::string& accept) {
  asio::io_context io;
  http::request<http::string_body> req{http::string_to_verb(method), target, 11};
  req.set(http::field::host, "127.0.0.1");
  if (!token.empty()) req.set(http::field::authorization, "Bearer " + token);
  if (!accept.empty()) req.set(http::field::accept, accept);
  if (!body.empty()) req.set(http::field::content_type, "application/json");
  req.body() = body;
  req.prepare_payload();
  if (!ca_file_.empty()) {
    asio::ssl::context tls(asio::ssl::context::tls_client);
    tls.load_verify_file(ca_file_);
    tls.set_verify_mode(asio::ssl::verify_peer);
    beast::ssl_stream<beast::tcp_stream> stream(io, tls);
    beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(30));
    beast::get_lowest_layer(stream).connect(loopback(port_));
    stream.handshake(asio::ssl::stream_base::client);
    return send_and_receive(stream, req);
  }
  beast::tcp_stream stream(io);
  stream.expires_after(std::chrono::seconds(30));
  stream.connect(loopback(port_));
  auto reply = send_and_receive(stream, req);
  boost::system::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  return reply;
}

std::string http_client::raw(const std::string& bytes, std::chrono::milliseconds wait) {
  asio::io_context io;
  beast::tcp_stream stream(io);
  stream.connect(loopback(port_));
  stream.expires_after(wait);
  boost::system::error_code ec;
  asio::write(stream, asio::buffer(bytes), ec);
  std::string received;
  char chunk[4096];
  for (;;) {
    stream.expires_after(wait);
    const auto n = stream.read_some(asio::buffer(chunk), ec);
    received.append(chunk, n);
    if (ec) break;
  }
  return received;
}

std::string http_client::login(const std::string& name, const std::string& password,
                               const std::string& device) {
  auto reply = post("/api/v1/login", R"({"login":")" + name + R"(","password":")" + password +
                                         R"(","device":")" + device + R"("})");
  if (reply.status != 200) throw std::runtime_error("login of " + name + " failed: " + reply.body);
  const auto start = reply.body.find("\"token\":\"") + 9;
  return reply.body.substr(start, reply.body.find('"', start) - start);
}

// A reader thread collects messages, so waiting for one with a deadline
// never has to cancel a WebSocket read (which would break the stream).
struct event_listener::impl {
  asio::io_context io;
  beast::websocket::stream<beast::tcp_stream> ws{io};
  std::thread reader;
  std::mutex mutex;
  std::condition_variable arrived;
  std::deque<std::string> messages;
  bool closed = false;
};

event_listener::event_listener(unsigned short port, const std::string& token)
    : impl_(std::make_unique<impl>()) {
  beast::get_lowest_layer(impl_->ws).connect(loopback(port));
  impl_->ws.set_option(
      beast::websocket::stream_base::decorator([&](beast::websocket::request_type& req) {
        req.set(http::field::authorization, "Bearer " + token);
      }));
  impl_->ws.handshake("127.0.0.1", "/api/v1/events");
  impl_->reader = std::thread([i = impl_.get()] {
    for (;;) {
      beast::flat_buffer buffer;
      boost::system::error_code ec;
      i->ws.read(buffer, ec);
      if (ec) {
        std::lock_guard lock(i->mutex);
        i->closed = true;
        i->arrived.notify_all();
        return;
      }
      std::lock_guard lock(i->mutex);
      i->messages.push_back(beast::buffers_to_string(buffer.data()));
      i->arrived.notify_all();
    }
  });
}

event_listener::~event_listener() {
  boost::system::error_code ignored;
  beast::get_lowest_layer(impl_->ws).socket().shutdown(tcp::socket::shutdown_both, ignored);
  impl_->reader.join();
}

std::optional<std::string> event_listener::next(std::chrono::milliseconds wait) {
  std::unique_lock lock(impl_->mutex);
  if (!impl_->arrived.wait_for(lock, wait, [&] { return !impl_->messages.empty(); }))
    return std::nullopt;
  auto message = std::move(impl_->messages.front());
  impl_->messages.pop_front();
  return message;
}

bool event_listener::wait_closed(std::chrono::milliseconds wait) {
  std::unique_lock lock(impl_->mutex);
  return impl_->arrived.wait_for(lock, wait, [&] { return impl_->closed; });
}

}  // namespace matome::test
