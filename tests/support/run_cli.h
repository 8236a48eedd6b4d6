#pragma once
// Runs the real matome-cli (or matome-server admin) binary as a user would, and collects what it
// printed and its exit code. MATOME_PASSWORD is set to the test password.

#include <string>
#include <vector>

namespace matome::test {

struct cli_run {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// `args` are matome-cli's arguments (without the program name).
cli_run run_cli(const std::vector<std::string>& args);
// matome-server's admin subcommands, the same way (e.g. --db FILE set-user …).
cli_run run_server_admin(const std::vector<std::string>& args);

}  // namespace matome::test
