#include "server_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "matome/client/transport.h"

extern char** environ;

namespace matome::bench {
namespace {

// Servers still running when the benchmark exits early (a failed run ends
// in std::exit): stopped at exit, so none is left serving.
std::vector<pid_t>& running() {
  static std::vector<pid_t> pids;
  return pids;
}
void stop_all_at_exit() {
  for (const pid_t pid : running()) {
    ::kill(pid, SIGTERM);
    ::waitpid(pid, nullptr, 0);
  }
}

double peak_rss_of(const std::string& status_file) {
  std::ifstream in(status_file);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;  // kB
  return 0;
}

}  // namespace

server_process::server_process(const std::string& binary, const std::string& db, int threads) {
  std::vector<std::string> args = {
      binary, "--db", db, "--listen-fd", "3", "--threads", std::to_string(threads)};
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&files, socket_.fd(), 3);
  const int spawned = posix_spawn(&pid_, binary.c_str(), &files, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&files);
  if (spawned != 0) throw std::runtime_error("cannot start " + binary);
  static const int registered = std::atexit(stop_all_at_exit);
  (void)registered;
  running().push_back(pid_);

  for (int i = 0; i < 400; ++i) {
    // The bench holds the listening socket, so a server that exits as it
    // starts (a database it refuses, say) leaves a request nobody answers
    // until the client's timeout: look first, after the few milliseconds
    // such a refusal takes.
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
      std::erase(running(), pid_);
      pid_ = 0;
      throw std::runtime_error(binary + " exited as it started: its message is above");
    }
    if (client::call_api(url(), "", "GET", "/api/v1/health")) return;
  }
  stop();
  throw std::runtime_error(binary + " did not answer /api/v1/health within 10 s");
}

server_process::~server_process() {
  stop();
}

double server_process::peak_rss_mib() const {
  return pid_ > 0 ? peak_rss_of("/proc/" + std::to_string(pid_) + "/status") : 0;
}

void server_process::stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  std::erase(running(), pid_);
  pid_ = 0;
}

double own_peak_rss_mib() {
  return peak_rss_of("/proc/self/status");
}

}  // namespace matome::bench
