#pragma once
// A TCP socket listening on 127.0.0.1 at a free port, that nothing serves
// until a server is handed it (server_options::listening_socket, or
// matome-server --listen-fd): connections wait in its backlog. Tests use it
// to keep a port across server restarts, or to play a server that took the
// connection and never answers; the benchmarks, to hand a server process its
// port.

namespace matome::test {

class listening_socket {
 public:
  // Throws std::runtime_error if no socket can be made. `backlog`: the
  // connections that may wait to be accepted (a load test opens many at once).
  explicit listening_socket(int backlog = 64);
  ~listening_socket();
  listening_socket(const listening_socket&) = delete;
  listening_socket& operator=(const listening_socket&) = delete;

  int fd() const { return fd_; }
  unsigned short port() const { return port_; }

 private:
  int fd_ = -1;
  unsigned short port_ = 0;
};

}  // namespace matome::test
