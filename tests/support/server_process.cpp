#include "support/server_process.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "support/http_client.h"

extern char** environ;

namespace matome::test {

server_process::server_process(std::string db, const listening_socket& socket,
                               std::vector<std::string> extra_args)
    : db_(std::move(db)), socket_(socket), extra_args_(std::move(extra_args)) {}

server_process::~server_process() {
  kill();
}

void server_process::start() {
  std::vector<std::string> args = {MATOME_SERVER, "--db", db_, "--listen-fd", "3"};
  args.insert(args.end(), extra_args_.begin(), extra_args_.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  // Its log, for a failing soak: MATOME_SERVER_LOG=FILE keeps it.
  const char* log = std::getenv("MATOME_SERVER_LOG");
  for (const int out : {STDOUT_FILENO, STDERR_FILENO}) {
    posix_spawn_file_actions_addopen(&files, out, log != nullptr ? log : "/dev/null",
                                     O_WRONLY | O_CREAT | O_APPEND, 0644);
  }
  posix_spawn_file_actions_adddup2(&files, socket_.fd(), 3);
  const int spawned = posix_spawn(&pid_, MATOME_SERVER, &files, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&files);
  if (spawned != 0) {
    pid_ = 0;
    throw std::runtime_error("cannot start " MATOME_SERVER);
  }
  http_client probe(socket_.port());
  for (int i = 0; i < 400; ++i) {
    try {
      if (probe.get("/api/v1/health").status == 200) return;
    } catch (const std::exception&) {
      // not listening yet
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  kill();
  throw std::runtime_error("matome-server did not answer /api/v1/health within 10 s");
}

bool server_process::kill() {
  if (pid_ <= 0) return false;
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = 0;
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

int server_process::stop() {
  if (pid_ <= 0) return 0;
  ::kill(pid_, SIGTERM);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = 0;
  return status;
}

}  // namespace matome::test
