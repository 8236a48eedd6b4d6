// The administrator reads `matome-server --help` and docs/admin.md +
// docs/operations.md (shipped in the package): every subcommand and option
// the binary has must be in the docs.
#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <sstream>

#include "support/run_cli.h"

using namespace matome::test;

namespace {

std::string read_doc(const std::string& name) {
  std::ifstream in(std::string(MATOME_DOCS_DIR) + "/" + name);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("every subcommand and option in matome-server --help is in the administrators' docs",
          "[server][admin][docs]") {
  const auto help = run_server_admin({"--help"});
  REQUIRE(help.exit_code == 0);
  const std::string docs = read_doc("admin.md") + read_doc("operations.md");

  std::vector<std::string> subcommands, options;
  std::istringstream lines(help.out);
  bool in_subcommands = false;
  static const std::regex option(R"(^\s+(?:-\w,)?--([a-z][a-z-]*))");
  static const std::regex subcommand(R"(^\s+([a-z][a-z-]+)\s{2,}\S)");
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("Subcommands:")) in_subcommands = true;
    std::smatch m;
    if (in_subcommands && std::regex_search(line, m, subcommand)) subcommands.push_back(m[1]);
    if (!in_subcommands && std::regex_search(line, m, option)) options.push_back(m[1]);
  }
  REQUIRE(subcommands.size() >= 15);
  REQUIRE(options.size() >= 8);
  for (const auto& name : subcommands) {
    INFO("subcommand " << name);
    CHECK(docs.find("m " + name) != std::string::npos);
  }
  for (const auto& name : options) {
    if (name == "help") continue;
    INFO("option --" << name);
    // As an option (--tls-cert) or a configuration key (tls-cert = ...),
    // not merely as a word somewhere ("db" is in every other line).
    CHECK((docs.find("--" + name) != std::string::npos ||
           docs.find("`" + name + "`") != std::string::npos ||
           docs.find(name + " = ") != std::string::npos));
  }
}
