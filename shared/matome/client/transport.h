#pragma once
// How a replica reaches the server. http_transport speaks the JSON API
// (docs/api.md) over HTTP or HTTPS; pushes go as JSON, pulls come as bulk
// binary. Errors keep the server's code and message; no connection at all
// is errc::unreachable, the normal state of an offline machine.

#include <memory>
#include <string>

#include "matome/wire/messages.h"

namespace matome::client {

// What the server says of this session now: the user's department and role
// (an administrator may have moved them since they signed in) and the
// database's timeline (a restore starts a new one).
struct server_view {
  record_id department_id = 0;
  matome::role role = role::member;
  std::string timeline;  // "" from a server that predates timelines
  std::int64_t last_seq = 0;
};

// The sync engine asks for the next pull page while it writes the last
// one, and keeps two pushes in flight: pull() and push() may run on other
// threads beside any other call.
class transport {
 public:
  virtual ~transport() = default;
  // `cursor`: how far this replica has pulled; a server behind it was
  // restored and starts a new timeline.
  virtual result<server_view> view(std::int64_t cursor) = 0;
  virtual result<wire::plan_snapshot> snapshot(record_id plan_id) = 0;
  virtual result<wire::push_response> push(const wire::push_request& request) = 0;
  virtual result<wire::pull_page> pull(record_id plan_id, std::int64_t since,
                                       std::size_t limit) = 0;
  virtual result<wire::action_response> push_actions(const wire::action_request& request) = 0;
};

struct signed_in {
  std::string token;
  std::string user;
  record_id department_id = 0;
  matome::role role = role::member;
  std::vector<record_id> plan_ids;
  std::string server_key;  // verifies the server's answer bundles
};

struct server_address {
  bool tls = false;
  std::string host;
  std::string port;
};

// "http://127.0.0.1:8750", "https://matome.city.local" → parts.
result<server_address> parse_server_url(std::string_view url);

// Signs in with a password and names this device; returns the device token.
// `device_public_key` registers the device's key for signed bundles.
result<signed_in> sign_in(const std::string& server_url, const std::string& login,
                          const std::string& password, const std::string& device,
                          const std::string& device_public_key = {});

// The transport over HTTP(S) with a device token. `timeout` bounds every
// request; HTTPS verifies the server against the system's CAs (or `ca_file`).
std::unique_ptr<transport> make_http_transport(
    const std::string& server_url, const std::string& token,
    std::chrono::seconds timeout = std::chrono::seconds(60), const std::string& ca_file = {});

// One request with a token, for the calls that are not sync (workflow steps,
// conflicts, history): returns the response body, or the server's error.
result<std::string> call_api(const std::string& server_url, const std::string& token,
                             const std::string& method, const std::string& target,
                             const std::string& body = {});

}  // namespace matome::client
