// The database thread (net/db_worker.h) runs one request's work at a time.
// A request whose work is done must get its answer then, not after the
// work queued behind it: near a deadline the queue is long.
#include "net/db_worker.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>

namespace asio = boost::asio;
using matome::server::db_worker;

TEST_CASE("a request resumes as soon as its database work is done, not after the next one's",
          "[server][net]") {
  asio::io_context io;
  auto guard = asio::make_work_guard(io);
  std::thread io_thread([&io] { io.run(); });
  db_worker worker;

  int first_answer = 0;  // checked on this thread: Catch's macros are not thread-safe
  std::promise<void> first_resumed;
  std::promise<std::future_status> second_saw;
  std::promise<void> second_started;
  // The second request's work waits (up to 5 s) for the first request to
  // be resumed with its answer; it must not have to wait the 5 s.
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        first_answer = co_await worker.run([&] {
          second_started.get_future().wait();  // both are queued now
          return 42;
        });
        first_resumed.set_value();
      },
      asio::detached);
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        co_await worker.run([&] {
          second_saw.set_value(first_resumed.get_future().wait_for(std::chrono::seconds(5)));
          return 0;
        });
      },
      asio::detached);
  // Let both coroutines queue their work before the first one runs.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  second_started.set_value();
  CHECK(second_saw.get_future().get() == std::future_status::ready);
  CHECK(first_answer == 42);

  // Work that throws still answers its own request with the exception.
  std::promise<std::string> failure;
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        try {
          co_await worker.run([]() -> int { throw std::runtime_error("disk full"); });
          failure.set_value("no exception");
        } catch (const std::runtime_error& e) {
          failure.set_value(e.what());
        }
      },
      asio::detached);
  CHECK(failure.get_future().get() == "disk full");

  worker.stop();
  guard.reset();
  io_thread.join();
}
