#pragma once
// The real matome-server as a process of its own, serving a socket the test
// holds (--listen-fd), so the port stays the test's across kills and
// restarts: requests sent while it is down wait in the socket's backlog.
// For the crash tests and the soak, which SIGKILL it at chosen or random
// moments.

#include <sys/types.h>

#include <string>
#include <vector>

#include "support/listening_socket.h"

namespace matome::test {

class server_process {
 public:
  // `extra_args` after --db DB --listen-fd 3 (--demo, --threads N, ...).
  server_process(std::string db, const listening_socket& socket,
                 std::vector<std::string> extra_args = {});
  ~server_process();
  server_process(const server_process&) = delete;
  server_process& operator=(const server_process&) = delete;

  // Spawns the server and waits until /api/v1/health answers; throws
  // std::runtime_error if it does not within 10 s.
  void start();
  // SIGKILL: no chance to finish anything, as a power cut. True if this
  // kill ended it; false if it was not started or had already died on its
  // own (a crash the caller should hear about).
  bool kill();
  // SIGTERM: finishes what it was doing. Returns the exit status as
  // waitpid gives it.
  int stop();
  bool running() const { return pid_ > 0; }

 private:
  std::string db_;
  const listening_socket& socket_;
  std::vector<std::string> extra_args_;
  pid_t pid_ = 0;
};

}  // namespace matome::test
