#pragma once
// A plan's master database whose users signed in through a real server,
// then opened directly: for tests that drive the router (and what runs
// around it on the database thread) without sockets.
#include <initializer_list>
#include <map>
#include <optional>
#include <string>

#include "api/api_types.h"
#include "server/api_helpers.h"
#include "support/test_server.h"

namespace matome::test {

struct signed_in_store {
  temp_dir dir;
  small_plan p;
  std::map<std::string, std::string> tokens;  // "login" or "login@device" → bearer token
  std::optional<store> s;

  explicit signed_in_store(std::initializer_list<std::string> logins) {
    {
      test_server signing_in(dir.file("master.db"));
      p = signing_in.plan();
      auto client = signing_in.client();
      for (const auto& who : logins) {
        const auto at = who.find('@');
        tokens[who] = at == std::string::npos
                          ? client.login(who)
                          : client.login(who.substr(0, at), "demo", who.substr(at + 1));
      }
    }
    s.emplace(store::open(dir.file("master.db")).value());
  }

  server::api_request request(const std::string& who, std::string method, std::string path,
                              std::string body = {}) const {
    server::api_request r;
    r.method = std::move(method);
    r.path = std::move(path);
    r.authorization = "Bearer " + tokens.at(who);
    r.body = std::move(body);
    r.peer = "127.0.0.1";
    return r;
  }
  std::string value_of(const cell_key& k) {
    auto c = s->find_cell(k);
    return c ? c->value : std::string();
  }
};

}  // namespace matome::test
