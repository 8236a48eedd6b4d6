#pragma once
// The one thread that owns the store. Handlers run here, one at a time, so
// SQLite and password hashing never block the I/O threads, and the store
// needs no locking. A coroutine awaits run(f) and resumes on its own
// executor with f's result (or exception).

#include <boost/asio/async_result.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <exception>
#include <functional>
#include <optional>
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

  // The answer goes straight back to the requester's executor. (asio's
  // co_spawn would first post the finished work's end to this thread's
  // queue, behind all the work queued meanwhile: each answer waited for
  // the next request's work.)
  template <class F>
  boost::asio::awaitable<std::invoke_result_t<F>> run(F f) {
    using R = std::invoke_result_t<F>;
    static_assert(!std::is_void_v<R>, "the work returns its answer");
    auto done = co_await boost::asio::async_initiate<const boost::asio::use_awaitable_t<>&,
                                                     void(std::exception_ptr, std::optional<R>)>(
        [this](auto handler, F work) {
          auto answer_on =
              boost::asio::make_work_guard(boost::asio::get_associated_executor(handler));
          boost::asio::post(context_, [handler = std::move(handler), work = std::move(work),
                                       answer_on = std::move(answer_on)]() mutable {
            std::exception_ptr failed;
            std::optional<R> answer;
            try {
              answer.emplace(work());
            } catch (...) {
              failed = std::current_exception();
            }
            auto requester = answer_on.get_executor();
            boost::asio::post(requester, [handler = std::move(handler), failed,
                                          answer = std::move(answer)]() mutable {
              std::move(handler)(failed, std::move(answer));
            });
          });
        },
        boost::asio::use_awaitable, std::move(f));
    co_return std::move(*done);
  }

  // Work nobody waits for, after what is queued now (store::read_ahead).
  // It may not throw: the thread would end.
  void post(std::function<void()> f) { boost::asio::post(context_, std::move(f)); }

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
