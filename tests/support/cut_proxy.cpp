#include "support/cut_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>
#include <vector>

namespace matome::test {
namespace {

sockaddr_in loopback(unsigned short port) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

}  // namespace

cut_proxy::cut_proxy(unsigned short target_port) : target_(target_port) {
  listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
  auto address = loopback(0);
  if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(listener_, 16) != 0) {
    throw std::runtime_error("cut_proxy: cannot listen");
  }
  socklen_t length = sizeof address;
  ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
  port_ = ntohs(address.sin_port);
  thread_ = std::thread([this] { serve(); });
}

cut_proxy::~cut_proxy() {
  stopping_ = true;
  ::shutdown(listener_, SHUT_RDWR);
  ::close(listener_);
  thread_.join();
}

void cut_proxy::serve() {
  std::vector<std::thread> connections;
  while (!stopping_) {
    pollfd p{listener_, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    const int client = ::accept(listener_, nullptr, nullptr);
    if (client < 0) continue;
    connections.emplace_back([this, client] { forward(client); });
  }
  for (auto& t : connections) t.join();
}

void cut_proxy::forward(int client) {
  const int server = ::socket(AF_INET, SOCK_STREAM, 0);
  auto target = loopback(target_);
  if (::connect(server, reinterpret_cast<sockaddr*>(&target), sizeof target) != 0) {
    ::close(client);
    ::close(server);
    return;
  }
  const std::size_t limit = cut_after_;
  std::size_t moved = 0;
  pollfd fds[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
  char buffer[4096];
  bool open = true;
  while (open && !stopping_) {
    if (::poll(fds, 2, 100) <= 0) continue;
    for (int i = 0; i < 2 && open; ++i) {
      if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
      auto n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n <= 0) {
        open = false;
        break;
      }
      std::size_t to_send = static_cast<std::size_t>(n);
      if (limit > 0 && moved + to_send >= limit) {
        to_send = limit - moved;  // the cable is pulled here
        open = false;
        ++cuts_;
      }
      if (to_send > 0 && ::write(fds[1 - i].fd, buffer, to_send) < 0) open = false;
      moved += to_send;
    }
  }
  ::shutdown(client, SHUT_RDWR);
  ::shutdown(server, SHUT_RDWR);
  ::close(client);
  ::close(server);
}

}  // namespace matome::test
