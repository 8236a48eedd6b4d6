// Each request runs its steps on its connection's own io_context to the
// end, so callers see a blocking call (sync runs on its own thread in the
// Qt client and in the foreground in matome-cli). The steps are
// asynchronous inside because Beast's deadline (expires_after) bounds only
// asynchronous operations: a blocking read from a server that took the
// connection but never answers would wait forever.
#include "matome/client/http_client.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <mutex>
#include <optional>
#include <vector>

#include "matome/util/rapidjson.h"

namespace matome::client {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

// The server's default idle timeout is 30 s (server_options::timeout): a
// connection idle for longer than this is closed here rather than tried.
constexpr auto idle_limit = std::chrono::seconds(20);
// The sync engine's two threads need two; more would only hold sockets.
constexpr std::size_t max_idle = 2;

// What went wrong on the way to the server, for the user: the socket
// library's own words are English ("Host not found (authoritative)").
std::string network_problem(const boost::system::error_code& ec) {
  namespace e = asio::error;
  if (ec == e::connection_refused)
    return "接続を拒否されました。サーバーが止まっているか、アドレスのポート番号が違います";
  if (ec == e::host_not_found || ec == e::host_not_found_try_again || ec == e::no_data)
    return "サーバー名が見つかりません。アドレスのつづりと、ネットワークへの接続を確かめてください";
  if (ec == e::timed_out || ec == beast::error::timeout) return "応答がありません（時間切れ）";
  if (ec == e::network_unreachable || ec == e::host_unreachable || ec == e::network_down)
    return "ネットワークにつながっていません";
  if (ec == e::connection_reset || ec == e::broken_pipe || ec == e::eof ||
      ec == e::connection_aborted || ec == http::error::end_of_stream)
    return "接続が途中で切れました";
  return "通信エラー: " + ec.message();
}

// A kept connection the server had closed: the request was not answered,
// and is sent again on a new connection.
bool closed_before_answer(const boost::system::error_code& ec) {
  namespace e = asio::error;
  return ec == http::error::end_of_stream || ec == e::eof || ec == e::connection_reset ||
         ec == e::broken_pipe || ec == e::connection_aborted;
}

// Thrown by exchange() when not one byte of the answer arrived.
struct unanswered {
  boost::system::error_code code;
};

struct exchanged {
  http_answer answer;
  bool keep_alive = false;
};

constexpr std::string_view binary_type = "application/x-matome-binary";

template <class Stream>
asio::awaitable<exchanged> exchange(Stream& stream, beast::flat_buffer& buffer,
                                    http::request<http::string_body>& req) {
  http::response_parser<http::string_body> parser;
  parser.body_limit(1024 * 1024 * 1024);
  try {
    co_await http::async_write(stream, req, asio::use_awaitable);
    co_await http::async_read(stream, buffer, parser, asio::use_awaitable);
  } catch (const boost::system::system_error& e) {
    if (!parser.got_some()) throw unanswered{e.code()};
    throw;
  }
  auto res = parser.release();
  const bool keep_alive = res.keep_alive();
  co_return exchanged{{static_cast<int>(res.result_int()), std::move(res.body())}, keep_alive};
}

// The server's {"error","message"} as a matome::error.
error server_error(const http_answer& a) {
  rapidjson::Document doc;
  parse_json(doc, a.body);
  if (!doc.HasParseError() && doc.IsObject() && doc.HasMember("error") && doc["error"].IsString() &&
      doc.HasMember("message") && doc["message"].IsString()) {
    return {parse_errc(doc["error"].GetString()), doc["message"].GetString()};
  }
  return {errc::storage,
          "the server answered HTTP " + std::to_string(a.status) + " without an explanation"};
}

}  // namespace

// One connection; the io_context is declared first so that it outlives
// the streams on it.
struct http_client::connection {
  asio::io_context io;
  std::optional<beast::tcp_stream> plain;
  std::optional<beast::ssl_stream<beast::tcp_stream>> secure;
  beast::flat_buffer buffer;
  std::chrono::steady_clock::time_point idle_since;

  bool open() const { return plain || secure; }
  beast::tcp_stream& tcp_layer() { return plain ? *plain : beast::get_lowest_layer(*secure); }
};

struct http_client::pool {
  std::mutex mutex;
  std::vector<std::unique_ptr<connection>> idle;
  // Made once: loading the system's CAs for every request would cost more
  // than the request.
  std::optional<asio::ssl::context> tls;
};

http_client::http_client(server_address address, std::string token, std::chrono::seconds timeout,
                         std::string ca_file)
    : address_(std::move(address)),
      token_(std::move(token)),
      timeout_(timeout),
      ca_file_(std::move(ca_file)),
      pool_(std::make_unique<pool>()) {}
http_client::~http_client() = default;
http_client::http_client(http_client&&) noexcept = default;
http_client& http_client::operator=(http_client&&) noexcept = default;

std::unique_ptr<http_client::connection> http_client::take_idle() {
  std::lock_guard lock(pool_->mutex);
  while (!pool_->idle.empty()) {
    auto c = std::move(pool_->idle.back());
    pool_->idle.pop_back();
    if (std::chrono::steady_clock::now() - c->idle_since < idle_limit) return c;
  }
  return nullptr;
}

void http_client::drop_idle() {
  std::lock_guard lock(pool_->mutex);
  pool_->idle.clear();
}

void http_client::give_back(std::unique_ptr<connection> c) {
  c->idle_since = std::chrono::steady_clock::now();
  std::lock_guard lock(pool_->mutex);
  if (pool_->idle.size() < max_idle) pool_->idle.push_back(std::move(c));
}

result<http_answer> http_client::request(std::string_view method, const std::string& target,
                                         const std::string& body, bool binary) {
  http::request<http::string_body> req{http::string_to_verb(method), target, 11};
  req.set(http::field::host, address_.host);
  req.set(http::field::user_agent, "matome-client");
  if (!token_.empty()) req.set(http::field::authorization, "Bearer " + token_);
  if (binary) req.set(http::field::accept, binary_type);
  if (!body.empty()) req.set(http::field::content_type, "application/json");
  req.body() = body;
  req.keep_alive(true);
  req.prepare_payload();

  // Opens the connection's stream, or reuses it, then exchanges.
  auto steps = [&](connection& c) -> asio::awaitable<exchanged> {
    if (!c.open()) {
      tcp::resolver resolver(c.io);
      const auto endpoints = resolver.resolve(address_.host, address_.port);
      if (address_.tls) {
        asio::ssl::context* tls = nullptr;
        {
          std::lock_guard lock(pool_->mutex);
          if (!pool_->tls) {
            asio::ssl::context made(asio::ssl::context::tls_client);
            if (ca_file_.empty()) {
              made.set_default_verify_paths();
            } else {
              made.load_verify_file(ca_file_);
            }
            made.set_verify_mode(asio::ssl::verify_peer);
            pool_->tls.emplace(std::move(made));
          }
          tls = &*pool_->tls;
        }
        auto& stream = c.secure.emplace(c.io, *tls);
        // SNI; SSL_set_tlsext_host_name() is a macro with a C cast, so spelled out.
        SSL_ctrl(stream.native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                 static_cast<void*>(const_cast<char*>(address_.host.c_str())));
        stream.set_verify_callback(asio::ssl::host_name_verification(address_.host));
        c.tcp_layer().expires_after(timeout_);
        co_await c.tcp_layer().async_connect(endpoints, asio::use_awaitable);
        c.tcp_layer().expires_after(timeout_);
        co_await stream.async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);
      } else {
        auto& stream = c.plain.emplace(c.io);
        stream.expires_after(timeout_);
        co_await stream.async_connect(endpoints, asio::use_awaitable);
      }
    }
    c.tcp_layer().expires_after(timeout_);
    if (c.secure) co_return co_await exchange(*c.secure, c.buffer, req);
    co_return co_await exchange(*c.plain, c.buffer, req);
  };

  // Runs the steps to their end; a failed step's error is thrown.
  auto run = [&](connection& c) {
    std::optional<exchanged> got;
    std::exception_ptr failed;
    c.io.restart();
    asio::co_spawn(c.io, steps(c), [&](std::exception_ptr e, exchanged x) {
      if (e) {
        failed = e;
      } else {
        got = std::move(x);
      }
    });
    c.io.run();
    if (failed) std::rethrow_exception(failed);
    return std::move(*got);
  };

  try {
    for (int attempt = 0;; ++attempt) {
      // The second attempt opens a new connection: the other kept ones
      // went to the same server and are likely closed too.
      auto c = attempt == 0 ? take_idle() : nullptr;
      const bool reused = c != nullptr;
      if (!c) c = std::make_unique<connection>();
      std::optional<exchanged> x;
      try {
        x = run(*c);
      } catch (const unanswered& u) {
        if (reused && attempt == 0 && closed_before_answer(u.code)) {
          drop_idle();
          continue;
        }
        throw boost::system::system_error(u.code);
      }
      if (x->keep_alive) give_back(std::move(c));
      if (x->answer.status >= 400) return server_error(x->answer);
      return std::move(x->answer);
    }
  } catch (const boost::system::system_error& e) {
    const std::string server = address_.host + ":" + address_.port;
    if (e.code().category() == asio::error::get_ssl_category()) {
      // Reached, but not trusted: waiting for the network would not help.
      return make_error(errc::unreachable,
                        "サーバー " + server + " の証明書を確認できません（" + e.code().message() +
                            "）。この端末がサーバーの証明書（またはその発行元）を信頼するよう、"
                            "管理者に設定してもらってください。");
    }
    return make_error(errc::unreachable, "サーバー " + server + " に接続できません（" +
                                             network_problem(e.code()) +
                                             "）。ネットワークがつながってから同期してください。");
  }
}

}  // namespace matome::client
