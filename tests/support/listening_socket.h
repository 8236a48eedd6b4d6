#pragma once
// A TCP socket listening on 127.0.0.1 at a free port, that nothing serves
// until a server is handed it (server_options::listening_socket, or
// matome-server --listen-fd): connections wait in its backlog. Tests use it
// to keep a port across server restarts, or to play a server that took the
// connection and never answers.

namespace matome::test {

class listening_socket {
 public:
  listening_socket();  // throws std::runtime_error if no socket can be made
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
