#include "auth/login_throttle.h"

#include <algorithm>

namespace matome::server {

result<void> login_throttle::check(const std::string& key, clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = records_.find(key);
  if (it == records_.end() || now >= it->second.blocked_until) return {};
  const auto wait = std::chrono::ceil<std::chrono::seconds>(it->second.blocked_until - now).count();
  return make_error(errc::throttled, "ログインの失敗が続いたため、" + std::to_string(wait) +
                                         "秒後にもう一度お試しください。");
}

void login_throttle::failed(const std::string& key, clock::time_point now) {
  std::lock_guard lock(mutex_);
  // Bounded memory: forget those not currently blocked when the table grows.
  if (records_.size() > 10000) {
    std::erase_if(records_, [&](const auto& entry) { return entry.second.blocked_until <= now; });
  }
  auto& r = records_[key];
  ++r.failures;
  if (r.failures >= free_attempts_) {
    const int doublings = std::min(r.failures - free_attempts_, 5);
    r.blocked_until =
        now + std::min(std::chrono::seconds(30) * (1 << doublings), std::chrono::seconds(900));
  }
}

void login_throttle::succeeded(const std::string& key) {
  std::lock_guard lock(mutex_);
  records_.erase(key);
}

}  // namespace matome::server
