#pragma once
// A real server and real replicas signed in to it over HTTP.
#include <catch2/catch.hpp>
#include <functional>
#include <map>

#include "matome/client/sync_engine.h"
#include "support/content_hash.h"
#include "support/test_server.h"
#include "sync/bundle_service.h"

namespace matome::test {

// A replica in `file` for `login` (password "demo"), signed in at `url` as
// the computer `device_name`; not yet synced.
inline client::replica signed_in_replica(const std::filesystem::path& file, const std::string& url,
                                         const std::string& login, const std::string& device_name,
                                         clock_fn clock = utc_now_iso) {
  auto r = client::replica::open(file, std::move(clock)).value();
  auto who = client::sign_in(url, login, "demo", device_name, r.device_key().public_key).value();
  r.set_identity({url, who.user, device_name, who.department_id, who.role, who.plan_ids.at(0)});
  r.set_setting("token", who.token);
  r.set_setting("server_key", who.server_key);
  return r;
}

struct client_fixture {
  // `prepare`, when given, makes the database file first (another plan,
  // more users); the server then serves it as it finds it.
  explicit client_fixture(server::server_options serve_with = test_server::quick_options(),
                          const std::function<void(const std::filesystem::path&)>& prepare = {})
      : options(serve_with), server(start(dir.file("master.db"), serve_with, prepare)) {}

  static std::unique_ptr<test_server> start(
      const std::filesystem::path& db, const server::server_options& serve_with,
      const std::function<void(const std::filesystem::path&)>& prepare) {
    if (prepare) prepare(db);
    return std::make_unique<test_server>(db, serve_with);
  }

  temp_dir dir;
  server::server_options options;
  std::unique_ptr<test_server> server;
  const small_plan p = server->plan();  // a copy: the server may be restarted

  // Stops the server and serves the database file again on the same port
  // (clients keep their address), after `between` ran on the stopped files
  // (a restore, say). The listening socket is kept open meanwhile, so no
  // parallel test can take the port; clients wait in its backlog.
  template <class Between>
  void restart_server(Between between) {
    auto same_port = options;
    same_port.listening_socket = server->keep_listener();
    server->stop();
    server.reset();
    between();
    server = std::make_unique<test_server>(dir.file("master.db"), same_port);
  }
  std::map<std::string, std::string> tokens;

  std::string url(unsigned short port = 0) const {
    return "http://127.0.0.1:" + std::to_string(port == 0 ? server->port() : port);
  }

  // A replica for `login`, signed in and synced once. `device` names a
  // second computer of the same user.
  client::replica sign_in(const std::string& login, unsigned short port = 0,
                          const std::string& device = "pc", clock_fn clock = utc_now_iso) {
    const std::string name = login + "-" + device;
    auto r =
        signed_in_replica(dir.file(name + ".replica"), url(port), login, name, std::move(clock));
    tokens[login] = *r.setting("token");
    REQUIRE(sync(r, port));
    return r;
  }

  result<client::sync_report> sync(client::replica& r, unsigned short port = 0,
                                   const client::sync_options& sync_with = {}) {
    auto transport =
        client::make_http_transport(url(port), *r.setting("token"), std::chrono::seconds(5));
    return client::sync(r, *transport, sync_with);
  }

  store server_store() { return store::open(dir.file("master.db")).value(); }

  // The server's answer to a device's changes file, as a coordinator's
  // `bundle forward` makes it.
  std::string answer_for(const std::string& changes_file) {
    auto s = server_store();
    return server::answer_bundle(s, changes_file).value().answer;
  }

  // Pushes changes as `login` (signed in with sign_in), bypassing the
  // replica: what a buggy or hostile client could send.
  wire::push_response push_as(const std::string& login, std::vector<cell_change> changes) {
    auto transport = client::make_http_transport(url(), tokens.at(login));
    wire::push_request request;
    request.plan_id = p.plan_id;
    request.changes = std::move(changes);
    return transport->push(request).value();
  }

  // The value the server holds in a cell ("" when never written).
  std::string server_value(const cell_key& key) {
    auto c = server_store().find_cell(key);
    return c ? c->value : std::string();
  }

  // Fills what the small plan's template asks before a submit: progress,
  // and a grade with its reason.
  static void fill_for_submit(client::replica& r, const entry_key& e,
                              const std::string& grade = "A") {
    REQUIRE(r.edit({e.item_id, e.department_id, e.year, "progress"}, "実施した。"));
    REQUIRE(r.edit({e.item_id, e.department_id, e.year, "grade"}, grade));
    REQUIRE(r.edit({e.item_id, e.department_id, e.year, "reason"}, "計画どおり。"));
  }

  std::string server_content(const feed_scope& scope) {
    auto s = server_store();
    return visible_content(s, p.plan_id, scope);
  }
};

}  // namespace matome::test
