#pragma once
// Keeps a replica in sync for as long as it runs: sync, then either back off
// (the server is unreachable: 1 s, doubling to max_backoff, 1 min) or wait for news
// on the server's event socket and sync as soon as something the user may
// see has changed. The Qt client runs this on its sync thread;
// `matome-cli sync --watch` in the foreground.
//
// stop() and sync_now() may be called from any thread; they interrupt a
// wait at once.

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "matome/client/sync_engine.h"

namespace matome::client {

struct sync_loop_options {
  std::chrono::milliseconds min_backoff{1000};
  std::chrono::milliseconds max_backoff{60000};  // a returning server is noticed within a minute
  // How long to wait for news before syncing anyway (also the fallback when
  // the event socket cannot be reached).
  std::chrono::milliseconds idle_sync{60000};
  // The device token, when the caller keeps it outside the replica (the Qt
  // client keeps it in the system keychain); otherwise the replica's own.
  std::optional<std::string> token;
};

class sync_loop {
 public:
  using report_fn = std::function<void(const result<sync_report>&)>;

  sync_loop(std::filesystem::path replica_path, sync_loop_options options = {});

  // Blocks until stop(); calls `on_sync` after every attempt.
  void run(const report_fn& on_sync);
  void stop();
  void sync_now();

 private:
  // Waits up to `limit` for the server to announce changes past `cursor`;
  // returns early on stop() or sync_now().
  void wait_for_news(const identity& id, const std::string& token, std::int64_t cursor,
                     std::chrono::milliseconds limit);
  // Registers the event socket so stop() and sync_now() can cut it; false
  // when one of them came first.
  bool begin_listening(int fd);
  void end_listening();
  // Sleeps up to `limit`, or less if stopped or woken.
  void sleep(std::chrono::milliseconds limit);

  std::filesystem::path path_;
  sync_loop_options options_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool woken_ = false;
  int listening_fd_ = -1;  // the event socket while waiting on it
};

}  // namespace matome::client
