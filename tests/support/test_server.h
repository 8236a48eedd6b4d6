#pragma once
// A real matome-server for tests: a fresh SQLite file in a temp directory,
// the small test plan (support/test_plan.h) with one user per role, served
// on 127.0.0.1 at a free port by a background thread.

#include <filesystem>
#include <memory>
#include <thread>

#include "net/http_server.h"
#include "support/http_client.h"
#include "support/temp_dir.h"
#include "support/test_plan.h"

namespace matome::test {

// The small plan with one user per role (below), made in a store that has
// no plan yet; in one that has, read back with the ids it was made with.
small_plan make_or_find_test_plan(store& s);

class test_server {
 public:
  // Creates the database (plan and users) in `dir` unless it exists, then serves it.
  explicit test_server(const std::filesystem::path& db_file,
                       server::server_options options = quick_options());
  ~test_server();

  unsigned short port() const { return server_->port(); }
  unsigned short metrics_port() const { return server_->metrics_port(); }
  // A duplicate of the listening socket: pass it as
  // server_options::listening_socket to serve the same port again after
  // stop(), with no moment in which a parallel test could bind it.
  int keep_listener() const;
  http_client client() const { return http_client(port()); }
  // Stops gracefully and waits; the database file stays.
  void stop();

  const small_plan& plan() const { return plan_; }
  static server::server_options quick_options();

 private:
  small_plan plan_;
  std::unique_ptr<server::http_server> server_;
  std::thread thread_;
};

// Users of the test database (password "demo"): fukushi1 (member of 福祉課),
// shakyo1 (member of 社協), coord (coordinator), root (administrator).

}  // namespace matome::test
