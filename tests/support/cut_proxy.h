#pragma once
// A TCP proxy on 127.0.0.1 that cuts connections: while armed, it forwards a
// connection's first `bytes` bytes (both directions counted) and then closes
// both sides mid-stream, as a flaky network or a pulled cable would. Disarmed,
// it forwards faithfully. For the sync tests' cut-connection cases, and
// the soak's random faults.

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <random>
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
  // Connections accepted so far.
  int connections() const { return connections_; }

  // Breaks connections at random, as a bad network does. Each new
  // connection gets one of: cut (both sides closed after a random number
  // of bytes), stall (nothing more forwarded after a random number of
  // bytes, the connection held open for `stall`, then closed), delay
  // (every chunk waits 1 to 20 ms), truncate (the server's answer ends
  // early with a clean close), or nothing. Seed 0 turns it off.
  void random_faults(unsigned seed, std::chrono::milliseconds stall);
  struct fault_counts {
    // Connections that met each fault (counted as it happens), or none.
    int cut = 0, stalled = 0, delayed = 0, truncated = 0, clean = 0;
    int faulty() const { return cut + stalled + delayed + truncated; }
  };
  fault_counts faults() const;

 private:
  void serve();
  void forward(int client);

  unsigned short target_;
  unsigned short port_ = 0;
  int listener_ = -1;
  std::atomic<std::size_t> cut_after_{0};
  std::atomic<int> cuts_{0};
  std::atomic<int> connections_{0};
  std::atomic<bool> stopping_{false};
  enum class fault { none, cut, stall, delay, truncate };
  struct plan_for_connection {
    fault kind = fault::none;
    std::size_t after = 0;  // bytes, for cut, stall and truncate
    bool random = false;    // from random_faults, not cut_after
  };
  plan_for_connection next_plan();
  void count(fault happened);
  mutable std::mutex faults_mutex_;
  bool random_faults_ = false;
  std::mt19937 random_;
  std::chrono::milliseconds stall_{0};
  fault_counts counts_;
  std::thread thread_;
};

}  // namespace matome::test
