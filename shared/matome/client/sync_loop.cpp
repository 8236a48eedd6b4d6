#include "matome/client/sync_loop.h"

#include <sys/socket.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include "matome/client/transport.h"
#include "matome/util/rapidjson.h"

namespace matome::client {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;

namespace {

// {"type":"hello"|"changes","seq":N}: news when N is past our cursor. A
// message that is not understood counts as news: syncing once too often is
// harmless, missing news is not.
bool announces_news(const std::string& message, std::int64_t cursor) {
  rapidjson::Document doc;
  parse_json(doc, message);
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("seq") || !doc["seq"].IsInt64())
    return true;
  return doc["seq"].GetInt64() > cursor;
}

}  // namespace

sync_loop::sync_loop(std::filesystem::path replica_path, sync_loop_options options)
    : path_(std::move(replica_path)), options_(options) {}

void sync_loop::stop() {
  std::lock_guard lock(mutex_);
  stopping_ = true;
  // Unblocks a read on the event socket at once (shutdown is safe from any thread).
  if (listening_fd_ >= 0) ::shutdown(listening_fd_, SHUT_RDWR);
  wake_.notify_all();
}

void sync_loop::sync_now() {
  std::lock_guard lock(mutex_);
  woken_ = true;
  if (listening_fd_ >= 0) ::shutdown(listening_fd_, SHUT_RDWR);
  wake_.notify_all();
}

void sync_loop::sleep(std::chrono::milliseconds limit) {
  std::unique_lock lock(mutex_);
  wake_.wait_for(lock, limit, [&] { return stopping_ || woken_; });
  woken_ = false;
}

bool sync_loop::begin_listening(int fd) {
  std::lock_guard lock(mutex_);
  if (stopping_ || woken_) {
    woken_ = false;
    return false;
  }
  listening_fd_ = fd;
  return true;
}

void sync_loop::end_listening() {
  std::lock_guard lock(mutex_);
  listening_fd_ = -1;
  woken_ = false;
}

namespace {

// Reads the event socket until news past `cursor` or the deadline; throws
// when the connection is cut (also by stop() or sync_now()).
template <class Stream>
void read_until_news(websocket::stream<Stream>& ws, const std::string& host,
                     const std::string& token, std::int64_t cursor,
                     std::chrono::steady_clock::time_point deadline) {
  auto& tcp = beast::get_lowest_layer(ws);
  ws.set_option(websocket::stream_base::decorator([&](websocket::request_type& req) {
    req.set(beast::http::field::authorization, "Bearer " + token);
  }));
  ws.handshake(host, "/api/v1/events");
  for (;;) {
    const auto left = deadline - std::chrono::steady_clock::now();
    if (left <= std::chrono::steady_clock::duration::zero()) return;
    tcp.expires_after(left);
    beast::flat_buffer buffer;
    ws.read(buffer);
    if (announces_news(beast::buffers_to_string(buffer.data()), cursor)) return;
  }
}

}  // namespace

void sync_loop::wait_for_news(const identity& id, const std::string& token, std::int64_t cursor,
                              std::chrono::milliseconds limit) {
  auto address = parse_server_url(id.server);
  if (!address) {
    sleep(limit);  // no event socket: sync again after a while
    return;
  }
  const auto deadline = std::chrono::steady_clock::now() + limit;
  struct listening {
    sync_loop& loop;
    ~listening() { loop.end_listening(); }
  };
  try {
    asio::io_context io;
    const auto endpoints = asio::ip::tcp::resolver(io).resolve(address->host, address->port);
    if (address->tls) {
      // WSS, verified like the HTTPS transport: the system's CAs (or
      // SSL_CERT_FILE) and the server's name.
      asio::ssl::context tls(asio::ssl::context::tls_client);
      tls.set_default_verify_paths();
      tls.set_verify_mode(asio::ssl::verify_peer);
      websocket::stream<beast::ssl_stream<beast::tcp_stream>> ws(io, tls);
      auto& tcp = beast::get_lowest_layer(ws);
      tcp.expires_after(std::chrono::seconds(10));
      tcp.connect(endpoints);
      if (!begin_listening(tcp.socket().native_handle())) return;
      listening on_exit{*this};
      // SNI; SSL_set_tlsext_host_name() is a macro with a C cast, so spelled out.
      SSL_ctrl(ws.next_layer().native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME,
               TLSEXT_NAMETYPE_host_name,
               static_cast<void*>(const_cast<char*>(address->host.c_str())));
      ws.next_layer().set_verify_callback(asio::ssl::host_name_verification(address->host));
      ws.next_layer().handshake(asio::ssl::stream_base::client);
      read_until_news(ws, address->host, token, cursor, deadline);
    } else {
      websocket::stream<beast::tcp_stream> ws(io);
      auto& tcp = beast::get_lowest_layer(ws);
      tcp.expires_after(std::chrono::seconds(10));
      tcp.connect(endpoints);
      if (!begin_listening(tcp.socket().native_handle())) return;
      listening on_exit{*this};
      read_until_news(ws, address->host, token, cursor, deadline);
    }
  } catch (const std::exception&) {
    // Timed out, cut, interrupted or refused: the caller syncs next and
    // backs off if the server is really gone.
  }
}

void sync_loop::run(const report_fn& on_sync) {
  auto backoff = options_.min_backoff;
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
    }
    auto local = replica::open(path_);
    if (!local) {
      on_sync(local.error());
      sleep(options_.max_backoff);
      continue;
    }
    auto id = local->who();
    auto token = options_.token ? options_.token : local->setting("token");
    if (!id || !token) {
      on_sync(make_error(errc::unauthenticated, "サインインしてから同期してください。"));
      sleep(options_.max_backoff);
      continue;
    }
    auto transport = make_http_transport(id->server, *token);
    auto report = sync(*local, *transport);
    on_sync(report);
    if (!report && report.error().code == errc::unreachable) {
      sleep(backoff);
      backoff = std::min(backoff * 2, options_.max_backoff);
      continue;
    }
    backoff = options_.min_backoff;
    if (!report) {
      sleep(options_.max_backoff);  // not a network problem: do not hammer the server
      continue;
    }
    wait_for_news(*id, *token, local->cursor(), options_.idle_sync);
  }
}

}  // namespace matome::client
