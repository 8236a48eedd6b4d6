#pragma once
// The one thread that owns the store. Handlers run here, one at a time, so
// SQLite and password hashing never block the I/O threads, and the store
// needs no locking. A coroutine awaits run(f) and resumes on its own
// executor with f's result (or exception).

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <thread>
#include <type_traits>

namespace matome::server {

class db_worker {
 public:
  db_worker()
      : guard_(boost::asio::make_work_guard(context_)), thread_([this] { context_.run(); }) {}
  db_worker(const db_worker&) = delete;
  db_worker& operator=(const db_worker&) = delete;
  ~db_worker() { stop(); }

  template <class F>
  boost::asio::awaitable<std::invoke_result_t<F>> run(F f) {
    using R = std::invoke_result_t<F>;
    co_return co_await boost::asio::co_spawn(
        context_, [f = std::move(f)]() mutable -> boost::asio::awaitable<R> { co_return f(); },
        boost::asio::use_awaitable);
  }

  // Lets queued work finish, then joins the thread.
  void stop() {
    guard_.reset();
    if (thread_.joinable()) thread_.join();
  }

 private:
  boost::asio::io_context context_{1};
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> guard_;
  std::thread thread_;
};

}  // namespace matome::server
