// The server's request path: raw bytes through Beast's HTTP parser, the
// URL decoding and the router, to every route's JSON decoder and the store
// (a real SQLite file with the tests' small plan). The first byte picks
// whose token the request carries (none, a member's, a coordinator's, an
// administrator's) and whether the rest is a raw HTTP request or a body
// for one route of the route table, so that every decoder is reached.
// Property: router::handle answers every request with a status (it never
// throws), and a 5xx answer is a JSON error, never a crash.
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "api/router.h"
#include "fuzz_support.h"
#include "matome/auth/password.h"
#include "net/url.h"
#include "support/test_plan.h"

using namespace matome;
namespace http = boost::beast::http;

namespace {

struct server_under_fuzz {
  std::unique_ptr<store> db;
  std::unique_ptr<server::router> api;
  test::small_plan plan;
  std::string tokens[4];  // none, member, coordinator, admin
};

std::string login(server::router& api, const std::string& who) {
  server::api_request r;
  r.method = "POST";
  r.path = "/api/v1/login";
  r.body = R"({"login":")" + who + R"(","password":"demo","device":"fuzz"})";
  r.peer = "127.0.0.1";
  const auto reply = api.handle(r);
  const auto at = reply.body.find("\"token\":\"");
  if (at == std::string::npos) fuzz::require(false, "cannot sign in for the fuzz run");
  const auto start = at + 9;
  return reply.body.substr(start, reply.body.find('"', start) - start);
}

server_under_fuzz& server_once() {
  static server_under_fuzz s = [] {
    server_under_fuzz made;
    char dir[] = "/tmp/matome-fuzz-XXXXXX";
    fuzz::require(::mkdtemp(dir) != nullptr, "mkdtemp");
    made.db = std::make_unique<store>(store::open(std::filesystem::path(dir) / "m.db").value());
    made.plan = test::make_small_plan(*made.db);
    const std::string hash = hash_password("demo", hash_cost::minimal).value();
    made.db->add_user({0, "fukushi1", "福祉", made.plan.fukushi, role::member, hash, false})
        .value();
    made.db->add_user({0, "coord", "取りまとめ", made.plan.fukushi, role::coordinator, hash, false})
        .value();
    made.db->add_user({0, "root", "管理者", 0, role::admin, hash, false}).value();
    made.api = std::make_unique<server::router>(*made.db);
    made.tokens[1] = login(*made.api, "fukushi1");
    made.tokens[2] = login(*made.api, "coord");
    made.tokens[3] = login(*made.api, "root");
    return made;
  }();
  return s;
}

// A route's pattern with its {parameters} filled in with ids that exist.
std::string fill(std::string_view pattern, const test::small_plan& p) {
  std::string path;
  while (!pattern.empty()) {
    const auto open = pattern.find('{');
    path += pattern.substr(0, open);
    if (open == std::string_view::npos) break;
    const auto close = pattern.find('}', open);
    const auto name = pattern.substr(open + 1, close - open - 1);
    path += name == "plan"         ? std::to_string(p.plan_id)
            : name == "item"       ? std::to_string(p.solo_row)
            : name == "department" ? std::to_string(p.fukushi)
                                   : "1";
    pattern.remove_prefix(close + 1);
  }
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  auto& s = server_once();
  server::api_request request;
  request.peer = "127.0.0.1";
  const std::string& token = s.tokens[data[0] & 3];
  if (!token.empty()) request.authorization = "Bearer " + token;
  const std::string_view rest = fuzz::text(data + 2, size - 2);

  if (data[0] & 4) {
    // One route of the table, the rest as its body and query.
    const auto& routes = s.api->routes();
    const auto& route = routes[data[1] % routes.size()];
    request.method = std::string(route.method);
    request.path = fill(route.pattern, s.plan);
    const auto question = rest.find('?');
    request.body = std::string(rest.substr(0, question));
    if (question != std::string_view::npos) {
      request.query = server::parse_query(rest.substr(question + 1));
    }
  } else {
    // A raw request, parsed as the server parses it.
    http::request_parser<http::string_body> parser;
    parser.eager(true);
    parser.body_limit(1 << 20);
    boost::system::error_code ec;
    parser.put(boost::asio::buffer(rest.data(), rest.size()), ec);
    if (ec || !parser.is_done()) return 0;
    const auto& req = parser.get();
    request.method = std::string(req.method_string());
    const std::string_view target = req.target();
    const auto question = target.find('?');
    request.path = server::url_decode(target.substr(0, question));
    if (question != std::string_view::npos) {
      request.query = server::parse_query(target.substr(question + 1));
    }
    if (auto auth = req[http::field::authorization]; !auth.empty()) {
      request.authorization = std::string(auth);
    }
    request.accept = std::string(req[http::field::accept]);
    request.body = req.body();
  }
  const auto reply = s.api->handle(request);
  fuzz::require(reply.status >= 200 && reply.status < 600, "an answer without a valid status");
  if (reply.status >= 500) {
    fuzz::require(reply.body.find("\"error\"") != std::string::npos, "a 5xx without a JSON error");
  }
  return 0;
}
