#include "net/http_server.h"

#include <spdlog/spdlog.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <thread>
#include <vector>

#include "net/database_lock.h"
#include "net/http_session.h"
#include "net/server_context.h"

namespace matome::server {
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

void log_failure(std::exception_ptr e) {
  if (!e) return;
  try {
    std::rethrow_exception(e);
  } catch (const std::exception& ex) {
    spdlog::error("connection ended by an exception: {}", ex.what());
  }
}

// Binds and listens, or says which address could not be had.
void listen_on(tcp::acceptor& a, const std::string& host, unsigned short port,
               std::string_view what) {
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(host, ec);
  if (ec) {
    throw failure(errc::invalid_argument,
                  std::string(what) + ": \"" + host + "\" is not an IP address");
  }
  const tcp::endpoint endpoint(address, port);
  a.open(endpoint.protocol());
  a.set_option(asio::socket_base::reuse_address(true));
  a.bind(endpoint, ec);
  if (ec) {
    throw failure(errc::invalid_argument,
                  "cannot listen on " + host + ":" + std::to_string(port) + ": " + ec.message());
  }
  a.listen(asio::socket_base::max_listen_connections);
}

// Accepts until the acceptor closes; each connection runs `serve(socket)`
// on a strand of its own.
template <class Serve>
asio::awaitable<void> accept_loop(server_context& ctx, tcp::acceptor& acceptor, Serve serve) {
  asio::steady_timer pause(acceptor.get_executor());
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(ctx.io),
                                                       asio::as_tuple(asio::use_awaitable));
    if (!acceptor.is_open() || ctx.stopping) co_return;
    if (ec) {
      // Out of file descriptors or similar: wait instead of spinning.
      spdlog::warn("accept failed: {}", ec.message());
      pause.expires_after(std::chrono::milliseconds(100));
      co_await pause.async_wait(asio::as_tuple(asio::use_awaitable));
      continue;
    }
    auto executor = socket.get_executor();
    asio::co_spawn(executor, serve(std::move(socket)), log_failure);
  }
}

}  // namespace

struct http_server::impl {
  impl(server_options o, store s)
      : options(std::move(o)),
        db(std::move(s)),
        acceptor(io),
        metrics_acceptor(io),
        signals(io),
        grace(io),
        ctx{options, io, db, router(db, body_encoding::by_caller),
            {},      {}, {}, connection_registry::make(),
            {},      {}, {}} {}

  server_options options;
  asio::io_context io;
  store db;
  tcp::acceptor acceptor;
  tcp::acceptor metrics_acceptor;  // open only with options.metrics_host
  asio::signal_set signals;
  asio::steady_timer grace;
  server_context ctx;
  unsigned short bound_port = 0;  // known after stop() too
  // Held while serving, so that `restore` cannot swap the file underneath.
  std::optional<database_lock> serving;
};

http_server::http_server(server_options options, store db)
    : impl_(std::make_unique<impl>(std::move(options), std::move(db))) {
  const auto& file = impl_->db.db().path();
  impl_->serving = database_lock::try_lock(file, database_lock::kind::shared);
  impl_->ctx.api.set_background(
      [&worker = impl_->ctx.worker](std::function<void()> work) { worker.post(std::move(work)); });
  if (!impl_->serving && file != ":memory:" && !file.empty()) {
    throw failure(errc::locked, file.string() + " is being restored; start again when that ends");
  }
  const auto& o = impl_->options;
  if (!o.tls_cert.empty() || !o.tls_key.empty()) {
    if (o.tls_cert.empty() || o.tls_key.empty()) {
      throw failure(errc::invalid_argument, "TLS needs both --tls-cert and --tls-key");
    }
    auto& tls = impl_->ctx.tls.emplace(asio::ssl::context::tls_server);
    tls.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                    asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                    asio::ssl::context::no_tlsv1_1);
    boost::system::error_code ec;
    tls.use_certificate_chain_file(o.tls_cert.string(), ec);
    if (ec)
      throw failure(errc::invalid_argument,
                    "cannot load the TLS certificate " + o.tls_cert.string() + ": " + ec.message());
    tls.use_private_key_file(o.tls_key.string(), asio::ssl::context::pem, ec);
    if (ec)
      throw failure(errc::invalid_argument,
                    "cannot load the TLS key " + o.tls_key.string() + ": " + ec.message());
  }
  if (!o.metrics_host.empty()) {
    listen_on(impl_->metrics_acceptor, o.metrics_host, o.metrics_port, "--metrics-listen");
  }
  auto& a = impl_->acceptor;
  if (o.listening_socket >= 0) {
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(o.host, ec);
    if (ec)
      throw failure(errc::invalid_argument, "--listen: \"" + o.host + "\" is not an IP address");
    a.assign(tcp::endpoint(address, 0).protocol(), o.listening_socket, ec);
    if (ec) throw failure(errc::invalid_argument, "cannot serve the given socket: " + ec.message());
  } else {
    listen_on(a, o.host, o.port, "--listen");
  }
  impl_->bound_port = a.local_endpoint().port();
}

bool is_loopback_address(std::string_view host) {
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(std::string(host), ec);
  return !ec && address.is_loopback();
}

unsigned short http_server::metrics_port() const {
  const auto& m = impl_->metrics_acceptor;
  boost::system::error_code ec;
  return m.is_open() ? m.local_endpoint(ec).port() : 0;
}

http_server::~http_server() = default;

unsigned short http_server::port() const {
  return impl_->bound_port;
}

int http_server::listening_socket() const {
  return impl_->acceptor.native_handle();
}

void http_server::run() {
  auto& i = *impl_;
  auto& ctx = i.ctx;
  asio::co_spawn(i.io,
                 accept_loop(ctx, i.acceptor,
                             [&ctx](tcp::socket socket) {
                               return ctx.tls
                                          ? serve_tls_connection(ctx, std::move(socket), *ctx.tls)
                                          : serve_connection(ctx, std::move(socket));
                             }),
                 log_failure);
  if (i.metrics_acceptor.is_open()) {
    asio::co_spawn(i.io,
                   accept_loop(ctx, i.metrics_acceptor,
                               [&ctx](tcp::socket socket) {
                                 return serve_metrics_connection(ctx, std::move(socket));
                               }),
                   log_failure);
    spdlog::info("metrics on http://{}:{}/metrics", i.options.metrics_host, metrics_port());
  }
  if (i.options.handle_signals) {
    i.signals.add(SIGINT);
    i.signals.add(SIGTERM);
    i.signals.async_wait([this](const boost::system::error_code& ec, int signal) {
      if (ec) return;
      spdlog::info("signal {}: shutting down", signal);
      stop();
    });
  }
  spdlog::info("matome-server listening on {}://{}:{}", i.ctx.tls ? "https" : "http",
               i.options.host, port());
  const int count = i.options.threads > 0
                        ? i.options.threads
                        : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> threads;
  for (int n = 1; n < count; ++n) threads.emplace_back([&i] { i.io.run(); });
  i.io.run();
  for (auto& t : threads) t.join();
  // Every connection is gone; finish the database work and close it.
  i.ctx.worker.stop();
  spdlog::info("matome-server stopped");
}

void http_server::stop() {
  auto& i = *impl_;
  asio::post(i.io, [&i] {
    if (i.ctx.stopping.exchange(true)) return;
    boost::system::error_code ignored;
    i.acceptor.close(ignored);
    i.metrics_acceptor.close(ignored);
    i.signals.cancel(ignored);
    i.ctx.connections->close_idle();
    // Whatever is still open after the grace period is cut. The sessions
    // then end on their own (their frames are not left to io_context's
    // destructor); only one stuck beyond that is abandoned by io.stop().
    i.grace.expires_after(i.options.shutdown_grace);
    i.grace.async_wait([&i](const boost::system::error_code& ec) {
      if (ec) return;
      spdlog::warn("connections still open after the grace period: closing them");
      i.ctx.connections->close_all();
      i.grace.expires_after(std::chrono::seconds(2));
      i.grace.async_wait([&i](const boost::system::error_code& late) {
        if (!late) i.io.stop();
      });
    });
    // When the last connection closes, nothing but the grace timer keeps
    // io.run() going: cancel it as soon as the registry is empty.
    asio::co_spawn(
        i.io,
        [&i]() -> asio::awaitable<void> {
          asio::steady_timer poll(i.io);
          while (i.ctx.connections->size() > 0) {
            poll.expires_after(std::chrono::milliseconds(20));
            co_await poll.async_wait(asio::as_tuple(asio::use_awaitable));
          }
          i.grace.cancel();
        },
        log_failure);
  });
}

}  // namespace matome::server
