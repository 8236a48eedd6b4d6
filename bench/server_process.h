#pragma once
// The real matome-server, started as its own process on a database the
// benchmark prepared, serving a socket on 127.0.0.1 at a free port (handed
// over with --listen-fd, so nothing races for the port). Its peak memory is
// its own, apart from the clients'.

#include <sys/types.h>

#include <string>

#include "support/listening_socket.h"

namespace matome::bench {

class server_process {
 public:
  // Starts `binary --db db --listen-fd 3 --threads threads` and waits until
  // /api/v1/health answers; throws std::runtime_error if it does not.
  server_process(const std::string& binary, const std::string& db, int threads);
  ~server_process();
  server_process(const server_process&) = delete;
  server_process& operator=(const server_process&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(socket_.port()); }
  // VmHWM of the server process: its peak resident memory so far, in MiB.
  double peak_rss_mib() const;
  // SIGTERM and wait: the server finishes what it was doing.
  void stop();

 private:
  test::listening_socket socket_{512};  // a hundred clients connect at once
  pid_t pid_ = 0;
};

// VmHWM of this process, in MiB.
double own_peak_rss_mib();

}  // namespace matome::bench
