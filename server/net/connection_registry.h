#pragma once
// The open connections of one server, so a stop can close them. Each
// connection registers a function that closes it (posted to its own strand)
// and holds the registration for as long as its coroutine frame lives.
//
// Lifetime: a registration shares ownership of the registry. When the grace
// period runs out, io_context may destroy suspended session frames after the
// server's other state is gone; their registrations must still find the
// registry alive (a heap-use-after-free under ASan before this was so).
// Thread-safe.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

namespace matome::server {

class connection_registry : public std::enable_shared_from_this<connection_registry> {
 public:
  // Called with force = false for a graceful stop (close only if idle, a
  // request being answered finishes first), force = true when the grace
  // period is over.
  using close_fn = std::function<void(bool force)>;

  // Removes its connection from the registry when destroyed.
  class registration {
   public:
    registration(std::shared_ptr<connection_registry> owner, std::uint64_t id)
        : owner_(std::move(owner)), id_(id) {}
    registration(const registration&) = delete;
    registration& operator=(const registration&) = delete;
    ~registration() { owner_->remove(id_); }

   private:
    std::shared_ptr<connection_registry> owner_;
    std::uint64_t id_;
  };

  static std::shared_ptr<connection_registry> make() {
    return std::shared_ptr<connection_registry>(new connection_registry());
  }

  // A connection that registers after close_idle() was called (its sign-in
  // was still waiting on the database thread, say) is closed at once.
  [[nodiscard]] registration add(close_fn close);

  // Stops the server's connections gracefully: from now on every
  // registration is asked to close.
  void close_idle();
  // The grace period is over: close everything, busy or not.
  void close_all();
  std::size_t size();

 private:
  connection_registry() = default;
  void remove(std::uint64_t id);
  void close_each(bool force);

  std::mutex mutex_;
  std::uint64_t next_ = 1;
  bool closing_ = false;
  std::map<std::uint64_t, close_fn> open_;
};

}  // namespace matome::server
