#pragma once
// Slows down password guessing: after a few failed logins for one account
// (or from one address), further attempts are refused for a while that
// doubles with each failure, up to a quarter of an hour. In memory: a restart
// forgets, which only costs an attacker a restart they cannot cause.

#include <chrono>
#include <map>
#include <mutex>
#include <string>

#include "matome/domain/error.h"

namespace matome::server {

class login_throttle {
 public:
  using clock = std::chrono::steady_clock;

  explicit login_throttle(int free_attempts = 5) : free_attempts_(free_attempts) {}

  // throttled (with the seconds to wait) when `key` must wait.
  result<void> check(const std::string& key, clock::time_point now = clock::now());
  void failed(const std::string& key, clock::time_point now = clock::now());
  void succeeded(const std::string& key);

 private:
  struct record {
    int failures = 0;
    clock::time_point blocked_until{};
  };
  int free_attempts_;
  std::mutex mutex_;
  std::map<std::string, record> records_;
};

}  // namespace matome::server
