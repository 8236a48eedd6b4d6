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
    ++connections_;
    connections.emplace_back([this, client] { forward(client); });
  }
  for (auto& t : connections) t.join();
}

void cut_proxy::random_faults(unsigned seed, std::chrono::milliseconds stall) {
  std::lock_guard lock(faults_mutex_);
  random_faults_ = seed != 0;
  random_.seed(seed);
  stall_ = stall;
}

cut_proxy::fault_counts cut_proxy::faults() const {
  std::lock_guard lock(faults_mutex_);
  return counts_;
}

cut_proxy::plan_for_connection cut_proxy::next_plan() {
  std::lock_guard lock(faults_mutex_);
  if (!random_faults_) {
    const std::size_t limit = cut_after_;
    return {limit > 0 ? fault::cut : fault::none, limit};
  }
  plan_for_connection p;
  p.random = true;
  // Within the size of a sync's requests and answers, so most planned
  // faults happen.
  p.after = 1 + random_() % 1500;
  const fault kinds[] = {fault::cut, fault::stall, fault::delay, fault::truncate, fault::none};
  p.kind = kinds[random_() % 5];
  return p;
}

void cut_proxy::count(fault happened) {
  std::lock_guard lock(faults_mutex_);
  switch (happened) {
    case fault::cut:
      ++counts_.cut;
      break;
    case fault::stall:
      ++counts_.stalled;
      break;
    case fault::delay:
      ++counts_.delayed;
      break;
    case fault::truncate:
      ++counts_.truncated;
      break;
    case fault::none:
      ++counts_.clean;
      break;
  }
}

void cut_proxy::forward(int client) {
  const int server = ::socket(AF_INET, SOCK_STREAM, 0);
  auto target = loopback(target_);
  if (::connect(server, reinterpret_cast<sockaddr*>(&target), sizeof target) != 0) {
    ::close(client);
    ::close(server);
    return;
  }
  const auto plan = next_plan();
  std::size_t moved = 0, answered = 0;
  pollfd fds[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
  char buffer[4096];
  bool open = true;
  bool broken = false;  // the planned fault happened
  std::mt19937 jitter(static_cast<unsigned>(client));
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
      const bool from_server = i == 1;
      if (plan.kind == fault::delay) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1 + jitter() % 20));
        broken = true;
      } else if (plan.kind != fault::none && (plan.kind != fault::truncate || from_server)) {
        // Cut, stall and truncate stop forwarding after `after` bytes (of
        // both directions; of the answer, for truncate). What the line does
        // then differs: below.
        const std::size_t counted = plan.kind == fault::truncate ? answered : moved;
        if (counted + to_send >= plan.after) {
          to_send = plan.after - counted;
          open = false;
          broken = true;
        }
      }
      if (to_send > 0 && ::write(fds[1 - i].fd, buffer, to_send) < 0) open = false;
      moved += to_send;
      if (from_server) answered += to_send;
    }
  }
  if (plan.random) {
    count(broken ? plan.kind : fault::none);
  } else if (broken) {
    ++cuts_;
  }
  // A cut closes both sides now; a stall holds the line up, silent, first;
  // a truncated answer ends with a clean close of the client's side.
  if (broken && plan.kind == fault::stall) {
    const auto until = std::chrono::steady_clock::now() + stall_;
    while (!stopping_ && std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (broken && plan.kind == fault::truncate) ::shutdown(client, SHUT_WR);
  ::shutdown(client, SHUT_RDWR);
  ::shutdown(server, SHUT_RDWR);
  ::close(client);
  ::close(server);
}

}  // namespace matome::test
