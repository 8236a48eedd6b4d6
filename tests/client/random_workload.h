#pragma once
// A random day of work on the small plan: 福祉課, 社協 and the coordinator
// edit, sync (some connections cut), crash with changes in flight, sync by
// file (a third of the answer files lost), resolve conflicts, step the
// workflow and comment, in a random order. Then the checks that nothing was
// lost, nothing applied twice and every replica equals the server:
//  - every replica equals the server, for what its user may see;
//  - every client's last value for a cell reached the server: in the cell's
//    history, or kept as the incoming value of a conflict (nothing lost);
//  - every applied change was based on exactly the version it replaced, so
//    no edit ever overwrote one its author had not seen;
//  - no change id of a sender is in the history twice.
// The convergence test runs it against an in-process server; the soak
// against a server process killed at random moments, or through a proxy
// that breaks connections.
#include <filesystem>
#include <functional>
#include <map>
#include <random>

#include "client/client_fixture.h"
#include "support/cut_proxy.h"

namespace matome::test {

struct workload_client {
  std::string login;
  client::replica r;
  std::vector<cell_key> writable;
};

class random_workload {
 public:
  // Signs in the three users at `url` with replicas in `dir`. `cuts`, when
  // given, is the proxy `url` goes through: some syncs are cut there.
  // `server_store` opens the server's database (for sync by file).
  random_workload(const small_plan& p, const std::filesystem::path& dir, std::string url,
                  cut_proxy* cuts, std::function<store()> server_store);

  // One random action of a random user.
  void act(std::mt19937& random);
  // Everyone comes online and syncs until nothing moves (three rounds, on
  // a good network: 60 s a sync whatever `timeout` says, since a loaded CI
  // machine is slow, not broken), then the checks above against the
  // server's database (Catch assertions).
  void settle_then_check();

  std::vector<workload_client> clients;
  // Every request's deadline while acting: a stalled connection fails
  // after it.
  std::chrono::seconds timeout{5};
  struct tally {
    int cuts = 0, resends = 0, bundles = 0, resolutions = 0, steps = 0, comments = 0;
    int failed_syncs = 0;
  } done;

 private:
  result<client::sync_report> sync(workload_client& c, std::chrono::seconds deadline);
  result<client::sync_report> sync(workload_client& c) { return sync(c, timeout); }

  small_plan p_;
  std::string url_;
  cut_proxy* cuts_;
  std::function<store()> server_store_;
  std::map<std::string, version_t> bases_;
  std::map<std::pair<std::size_t, cell_key>, std::string> last_intent_;
  std::vector<cell_key> cells_;
  int step_ = 0;
};

}  // namespace matome::test
