#include "net/http_session.h"

#include <spdlog/spdlog.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <deque>

#include "api/json.h"
#include "matome/store/schema.h"
#include "matome/wire/push_decode.h"
#include "net/url.h"

namespace matome::server {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
constexpr auto tuple_awaitable = asio::as_tuple(asio::use_awaitable);

namespace {

api_request to_api_request(const http::request<http::string_body>& req, const std::string& peer) {
  api_request out;
  out.method = std::string(req.method_string());
  const std::string_view target = req.target();
  const auto question = target.find('?');
  out.path = url_decode(target.substr(0, question));
  if (question != std::string_view::npos) out.query = parse_query(target.substr(question + 1));
  out.authorization = std::string(req[http::field::authorization]);
  out.accept = std::string(req[http::field::accept]);
  out.body = req.body();
  out.peer = peer;
  return out;
}

http::response<http::string_body> to_beast(api_response& r, unsigned version, bool keep_alive) {
  http::response<http::string_body> res{static_cast<http::status>(r.status), version};
  res.set(http::field::server, "matome-server");
  res.set(http::field::content_type, r.content_type);
  res.set(http::field::cache_control, "no-store");
  for (const auto& [name, value] : r.headers) res.set(name, value);
  res.body() = std::move(r.body);
  res.keep_alive(keep_alive);
  res.prepare_payload();
  return res;
}

api_response error_reply(errc code, const std::string& message) {
  return json_response(json::error_body({code, message}), http_status(code));
}

bool is_metrics_request(const http::request<http::string_body>& req) {
  const std::string_view target = req.target();
  return req.method() == http::verb::get && target.substr(0, target.find('?')) == "/metrics";
}

// GET /metrics: the counters, with the gauges read now (the database ones
// on the database thread).
asio::awaitable<api_response> metrics_reply(server_context& ctx) {
  metrics_gauges gauges = co_await ctx.worker.run([&ctx] {
    metrics_gauges g;
    g.database_bytes = ctx.db.database_bytes();
    g.schema_version = schema_version_of(ctx.db.db());
    g.last_seq = ctx.db.last_seq();
    g.last_backup_unix = ctx.db.last_backup();
    g.pull_pages_read_ahead = ctx.db.pages_read_ahead();
    return g;
  });
  gauges.event_sockets = ctx.hub.size();
  gauges.connections = ctx.connections->size();
  api_response r;
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  r.body = ctx.metrics.render(gauges);
  co_return r;
}

// The route label for requests no route matched: one series, not one per path.
constexpr std::string_view unmatched_route = "unmatched";

std::string peer_of(const tcp::socket& socket) {
  boost::system::error_code ec;
  auto endpoint = socket.remote_endpoint(ec);
  return ec ? std::string("?") : endpoint.address().to_string();
}

// A WebSocket that receives nothing of interest and sends notifications.
// One read and one write may be outstanding at once; both run on the
// connection's strand, and the writer sleeps on a timer until woken.
template <class Stream>
struct event_stream : std::enable_shared_from_this<event_stream<Stream>> {
  explicit event_stream(Stream stream)
      : ws(std::move(stream)), wake(ws.get_executor(), asio::steady_timer::time_point::max()) {}

  void post(std::string message) {
    asio::post(ws.get_executor(),
               [self = this->shared_from_this(), message = std::move(message)]() mutable {
                 if (self->closed) return;
                 self->queue.push_back(std::move(message));
                 self->wake.cancel();
               });
  }

  asio::awaitable<void> write_loop() {
    auto self = this->shared_from_this();
    while (!closed) {
      while (!queue.empty() && !closed) {
        auto [ec, n] = co_await ws.async_write(asio::buffer(queue.front()), tuple_awaitable);
        if (ec) {
          closed = true;
          break;
        }
        queue.pop_front();
      }
      if (closed) break;
      wake.expires_at(asio::steady_timer::time_point::max());
      co_await wake.async_wait(tuple_awaitable);
    }
  }

  websocket::stream<Stream> ws;
  asio::steady_timer wake;
  std::deque<std::string> queue;
  bool closed = false;
};

template <class Stream>
asio::awaitable<void> serve_events(server_context& ctx, Stream stream,
                                   http::request<http::string_body> req, const std::string& peer) {
  const api_request request = to_api_request(req, peer);
  auto who = co_await ctx.worker.run([&] { return ctx.api.authenticate(request); });
  if (!who) {
    auto reply = error_reply(who.error().code, who.error().message);
    auto res = to_beast(reply, req.version(), false);
    beast::get_lowest_layer(stream).expires_after(ctx.options.timeout);
    co_await http::async_write(stream, res, tuple_awaitable);
    co_return;
  }
  auto events = std::make_shared<event_stream<Stream>>(std::move(stream));
  beast::get_lowest_layer(events->ws).expires_never();
  events->ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
  if (auto [ec] = co_await events->ws.async_accept(req, tuple_awaitable); ec) co_return;

  const auto scope = feed_scope::of(who->as_actor());
  const auto subscription =
      ctx.hub.subscribe(scope, [events](std::string m) { events->post(std::move(m)); });
  const auto registration = ctx.connections->add([events](bool /*force*/) {
    asio::post(events->ws.get_executor(),
               [events] { beast::get_lowest_layer(events->ws).close(); });
  });
  const auto seq = co_await ctx.worker.run([&] { return ctx.db.last_seq(); });
  events->post(R"({"type":"hello","seq":)" + std::to_string(seq) + "}");
  spdlog::info("events: {} subscribed from {}", who->user.login, peer);

  asio::co_spawn(events->ws.get_executor(), events->write_loop(), asio::detached);
  beast::flat_buffer incoming;
  for (;;) {
    auto [ec, n] = co_await events->ws.async_read(incoming, tuple_awaitable);
    if (ec) break;
    incoming.consume(n);  // clients have nothing to say here; reading detects a close
  }
  events->closed = true;
  events->wake.cancel();
  ctx.hub.unsubscribe(subscription);
}

// The request loop, on a plain or a TLS stream. Returns true when the
// connection was handed over to an event stream (and `stream` moved from).
template <class Stream>
asio::awaitable<bool> serve_requests(server_context& ctx, Stream& stream, const std::string& peer) {
  auto& tcp_layer = beast::get_lowest_layer(stream);
  beast::flat_buffer buffer;
  // Only touched on this connection's strand, like the close function.
  auto busy = std::make_shared<bool>(false);
  auto alive = std::make_shared<bool>(true);
  const auto registration = ctx.connections->add(
      [busy, alive, layer = &tcp_layer, executor = tcp_layer.get_executor()](bool force) {
        asio::post(executor, [busy, alive, layer, force] {
          if (*alive && (force || !*busy)) layer->close();
        });
      });
  // The close function must not touch the stream once this frame is gone.
  struct mark_gone {
    std::shared_ptr<bool> alive;
    ~mark_gone() { *alive = false; }
  } on_exit{alive};

  for (;;) {
    *busy = false;
    if (ctx.stopping) co_return false;
    http::request_parser<http::string_body> parser;
    parser.body_limit(ctx.options.body_limit);
    tcp_layer.expires_after(ctx.options.timeout);
    auto [read_error, ignored_bytes] =
        co_await http::async_read(stream, buffer, parser, tuple_awaitable);
    if (read_error) {
      if (read_error == http::error::body_limit) {
        auto reply =
            error_reply(errc::too_large, "the request body is larger than " +
                                             std::to_string(ctx.options.body_limit) + " bytes");
        auto res = to_beast(reply, 11, false);
        ctx.metrics.count_request(std::string_view(parser.get().method_string()), unmatched_route,
                                  413, std::chrono::duration<double>::zero());
        co_await http::async_write(stream, res, tuple_awaitable);
        spdlog::info("{} - 413 (body over limit)", peer);
      } else if (read_error != http::error::end_of_stream &&
                 read_error != asio::error::operation_aborted &&
                 read_error != beast::error::timeout &&
                 read_error != asio::error::connection_reset && read_error != asio::error::eof &&
                 read_error != asio::error::bad_descriptor &&
                 read_error.category() != asio::error::get_ssl_category()) {
        auto reply =
            error_reply(errc::invalid_argument, "malformed HTTP request: " + read_error.message());
        auto res = to_beast(reply, 11, false);
        co_await http::async_write(stream, res, tuple_awaitable);
      }
      co_return false;
    }
    *busy = true;
    auto req = parser.release();
    if (websocket::is_upgrade(req) &&
        (req.target() == "/api/v1/events" || req.target().starts_with("/api/v1/events?"))) {
      *alive = false;
      co_await serve_events(ctx, std::move(stream), std::move(req), peer);
      co_return true;
    }

    const auto started = std::chrono::steady_clock::now();
    api_request request = to_api_request(req, peer);
    api_response reply;
    if (is_metrics_request(req) && ctx.options.metrics_on_api_listener) {
      reply = co_await metrics_reply(ctx);
      reply.route = "/metrics";
    } else if (push_group::is_push(request)) {
      request.decoded_push = wire::decode_push_request(request.body);
      // Queued before asking for the database thread, so that a push
      // ahead of it can take it into its transaction.
      const auto ticket = ctx.pushes.enqueue(request);
      reply = co_await ctx.worker.run([&] { return ctx.pushes.run(ticket, ctx.api, ctx.db); });
    } else {
      reply = co_await ctx.worker.run([&] { return ctx.api.handle(request); });
    }
    // On this I/O thread, not the database thread (api_response::encode_body).
    render_body(request, reply);
    if (reply.notify_seq > 0) ctx.hub.notify(reply.notify_seq, reply.notify_departments);
    // Counted before the answer goes out: a client holding its answer finds
    // it in the next scrape (counting after the write raced with that).
    const std::string_view route = reply.route.empty() ? unmatched_route : reply.route;
    const int status = reply.status;
    ctx.metrics.count_request(request.method, route, status,
                              std::chrono::steady_clock::now() - started);
    if (reply.changes.applied + reply.changes.conflicts + reply.changes.refused > 0) {
      ctx.metrics.count_changes(reply.changes.applied, reply.changes.conflicts,
                                reply.changes.refused);
    }
    if (reply.pull_page) ctx.metrics.count_pull_page();
    const bool keep_alive = req.keep_alive() && !ctx.stopping;
    const std::string user = reply.user.empty() ? "-" : reply.user;
    auto res = to_beast(reply, req.version(), keep_alive);
    tcp_layer.expires_after(ctx.options.timeout);
    auto [write_error, written] = co_await http::async_write(stream, res, tuple_awaitable);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
    spdlog::info("{} {} {} {}ms {}", request.method, request.path, status, ms, user);
    if (write_error || !keep_alive) co_return false;
  }
}

}  // namespace

asio::awaitable<void> serve_connection(server_context& ctx, tcp::socket socket) {
  const std::string peer = peer_of(socket);
  beast::tcp_stream stream(std::move(socket));
  if (co_await serve_requests(ctx, stream, peer)) co_return;
  boost::system::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

asio::awaitable<void> serve_metrics_connection(server_context& ctx, tcp::socket socket) {
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  auto alive = std::make_shared<bool>(true);
  const auto registration = ctx.connections->add(
      [alive, layer = &stream, executor = stream.get_executor()](bool /*force*/) {
        asio::post(executor, [alive, layer] {
          if (*alive) layer->close();
        });
      });
  struct mark_gone {
    std::shared_ptr<bool> alive;
    ~mark_gone() { *alive = false; }
  } on_exit{alive};
  while (!ctx.stopping) {
    http::request<http::string_body> req;
    stream.expires_after(ctx.options.timeout);
    if (auto [ec, n] = co_await http::async_read(stream, buffer, req, tuple_awaitable); ec) break;
    // (Not a ?: around co_await: GCC 12 miscompiles that.)
    api_response reply;
    if (is_metrics_request(req)) {
      reply = co_await metrics_reply(ctx);
    } else {
      reply = error_reply(errc::not_found, "this address serves /metrics only");
    }
    const bool keep_alive = req.keep_alive() && !ctx.stopping;
    auto res = to_beast(reply, req.version(), keep_alive);
    stream.expires_after(ctx.options.timeout);
    if (auto [ec, n] = co_await http::async_write(stream, res, tuple_awaitable);
        ec || !keep_alive) {
      break;
    }
  }
  boost::system::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

asio::awaitable<void> serve_tls_connection(server_context& ctx, tcp::socket socket,
                                           asio::ssl::context& tls) {
  const std::string peer = peer_of(socket);
  beast::ssl_stream<beast::tcp_stream> stream(std::move(socket), tls);
  beast::get_lowest_layer(stream).expires_after(ctx.options.timeout);
  if (auto [ec] = co_await stream.async_handshake(asio::ssl::stream_base::server, tuple_awaitable);
      ec) {
    spdlog::info("{} - TLS handshake failed: {}", peer, ec.message());
    co_return;
  }
  if (co_await serve_requests(ctx, stream, peer)) co_return;
  beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(2));
  co_await stream.async_shutdown(tuple_awaitable);
}

}  // namespace matome::server
