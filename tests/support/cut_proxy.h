#pragma once
// A TCP proxy on 127.0.0.1 that cuts connections: while armed, it forwards a
// connection's first `bytes` bytes (both directions counted) and then closes
// both sides mid-stream, as a flaky network or a pulled cable would. Disarmed,
// it forwards faithfully. For the sync tests' cut-connection cases.

#include <atomic>
#include <memory>
#include <thread>

namespace matome::test {

class cut_proxy {
 public:
  explicit cut_proxy(unsigned short target_port);
  ~cut_proxy();

  unsigned short port() const { return port_; }
  // Cut every connection after `bytes`; 0 disarms.
  void cut_after(std::size_t bytes) { cut_after_ = bytes; }
  int cuts() const { return cuts_; }

 private:
  void serve();
  void forward(int client);

  unsigned short target_;
  unsigned short port_ = 0;
  int listener_ = -1;
  std::atomic<std::size_t> cut_after_{0};
  std::atomic<int> cuts_{0};
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace matome::test
