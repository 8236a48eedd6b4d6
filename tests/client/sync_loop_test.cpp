// The background sync loop: news within seconds, backoff when unreachable,
// and a stop that does not wait for a timeout.
#include "matome/client/sync_loop.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#include "client/client_fixture.h"
#include "support/catch_result.h"
#include "support/certificate.h"

using namespace matome;
using namespace matome::test;
using namespace std::chrono_literals;

TEST_CASE("an online client picks up another user's change within seconds", "[client][loop]") {
  client_fixture f;
  { auto shakyo = f.sign_in("shakyo1"); }
  auto coord = f.sign_in("coord");

  client::sync_loop_options options;
  options.idle_sync = 60s;  // so only the event socket can explain a quick pick-up
  client::sync_loop loop(f.dir.file("shakyo1-pc.replica"), options);
  std::atomic<int> syncs{0};
  std::thread runner([&] { loop.run([&](const auto& r) { syncs += r ? 1 : 0; }); });
  while (syncs == 0) std::this_thread::sleep_for(10ms);
  std::this_thread::sleep_for(200ms);  // let it settle on the event socket

  const cell_key content{f.p.shared_row, 0, 0, "content"};
  REQUIRE(coord.edit(content, "通知で届く値"));
  REQUIRE(f.sync(coord));
  const auto pushed = std::chrono::steady_clock::now();
  std::string seen;
  while (std::chrono::steady_clock::now() - pushed < 5s) {
    auto view = client::replica::open(f.dir.file("shakyo1-pc.replica")).value();
    seen = view.value_of(content);
    if (seen == "通知で届く値") break;
    std::this_thread::sleep_for(50ms);
  }
  CHECK(seen == "通知で届く値");
  CHECK(std::chrono::steady_clock::now() - pushed < 5s);

  const auto stopping = std::chrono::steady_clock::now();
  loop.stop();
  runner.join();
  CHECK(std::chrono::steady_clock::now() - stopping < 2s);
}

TEST_CASE("over HTTPS the news comes on the encrypted event socket within seconds",
          "[client][loop][tls]") {
  temp_dir dir;
  make_certificate(dir);
  // The client trusts the system's CAs; this test's CA is its certificate.
  ::setenv("SSL_CERT_FILE", dir.file("cert.pem").c_str(), 1);
  struct unset {
    ~unset() { ::unsetenv("SSL_CERT_FILE"); }
  } restore;
  auto options = test_server::quick_options();
  options.tls_cert = dir.file("cert.pem");
  options.tls_key = dir.file("key.pem");
  test_server server(dir.file("master.db"), options);
  const auto url = "https://127.0.0.1:" + std::to_string(server.port());

  auto sign_in = [&](const std::string& login) {
    auto r = client::replica::open(dir.file(login + ".replica")).value();
    auto who = client::sign_in(url, login, "demo", login + "-pc").value();
    r.set_identity({url, who.user, login + "-pc", who.department_id, who.role, who.plan_ids.at(0)});
    r.set_setting("token", who.token);
    return std::make_pair(std::move(r), who.token);
  };
  auto [coord, coord_token] = sign_in("coord");
  { auto shakyo = sign_in("shakyo1"); }

  client::sync_loop_options loop_options;
  loop_options.idle_sync = 60s;  // only the event socket can explain a quick pick-up
  client::sync_loop loop(dir.file("shakyo1.replica"), loop_options);
  std::atomic<int> syncs{0};
  std::thread runner([&] { loop.run([&](const auto& r) { syncs += r ? 1 : 0; }); });
  while (syncs == 0) std::this_thread::sleep_for(10ms);
  std::this_thread::sleep_for(300ms);

  auto transport = client::make_http_transport(url, coord_token, std::chrono::seconds(5));
  REQUIRE(client::sync(coord, *transport));
  const cell_key content{server.plan().shared_row, 0, 0, "content"};
  REQUIRE(coord.edit(content, "暗号化された通知で届く値"));
  REQUIRE(client::sync(coord, *transport));
  const auto pushed = std::chrono::steady_clock::now();
  std::string seen;
  while (std::chrono::steady_clock::now() - pushed < 5s) {
    seen = client::replica::open(dir.file("shakyo1.replica")).value().value_of(content);
    if (seen == "暗号化された通知で届く値") break;
    std::this_thread::sleep_for(50ms);
  }
  CHECK(seen == "暗号化された通知で届く値");
  CHECK(std::chrono::steady_clock::now() - pushed < 5s);  // the idle sync is a minute away

  const auto stopping = std::chrono::steady_clock::now();
  loop.stop();
  runner.join();
  CHECK(std::chrono::steady_clock::now() - stopping < 2s);
}

TEST_CASE("a server whose certificate is not trusted is named as such, not as offline",
          "[client][tls]") {
  temp_dir dir;
  make_certificate(dir);
  auto options = test_server::quick_options();
  options.tls_cert = dir.file("cert.pem");
  options.tls_key = dir.file("key.pem");
  test_server server(dir.file("master.db"), options);
  auto refused = client::sign_in("https://127.0.0.1:" + std::to_string(server.port()), "coord",
                                 "demo", "pc");  // its certificate is trusted by nobody here
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message.find("証明書") != std::string::npos);
  CHECK(refused.error().message.find("管理者") != std::string::npos);  // who can fix it
}

TEST_CASE("an unreachable server is retried with growing pauses until stopped", "[client][loop]") {
  client_fixture f;
  { auto fukushi = f.sign_in("fukushi1"); }
  f.server->stop();

  client::sync_loop_options options;
  options.min_backoff = 100ms;
  options.max_backoff = 10s;
  client::sync_loop loop(f.dir.file("fukushi1-pc.replica"), options);
  std::atomic<int> unreachable{0};
  std::thread runner([&] {
    loop.run([&](const auto& r) { unreachable += !r && r.error().code == errc::unreachable; });
  });
  std::this_thread::sleep_for(1600ms);
  const auto stopping = std::chrono::steady_clock::now();
  loop.stop();
  runner.join();
  CHECK(std::chrono::steady_clock::now() - stopping < 1s);
  // 100 + 200 + 400 + 800 ms of pauses fit in 1.6 s: about five attempts, not dozens.
  CHECK(unreachable >= 3);
  CHECK(unreachable <= 6);
}

TEST_CASE("edits made while the server was away are sent soon after it comes back",
          "[client][loop]") {
  client_fixture f;
  { auto fukushi = f.sign_in("fukushi1"); }
  // Kept open, so no parallel test takes the port; connections made while
  // the server is away wait in the backlog.
  const int listener = f.server->keep_listener();
  const small_plan p = f.p;
  f.server->stop();
  f.server.reset();

  client::sync_loop_options options;
  options.min_backoff = 100ms;
  options.max_backoff = 400ms;
  client::sync_loop loop(f.dir.file("fukushi1-pc.replica"), options);
  std::thread runner([&] { loop.run([](const auto&) {}); });
  {
    auto offline = client::replica::open(f.dir.file("fukushi1-pc.replica")).value();
    CHECK(offline.edit({p.solo_row, p.fukushi, 2023, "progress"}, "戻ったら届く"));
  }
  std::this_thread::sleep_for(600ms);  // the loop tries while the server is away

  auto options_back = test_server::quick_options();
  options_back.listening_socket = listener;  // the same address the replica knows
  test_server back(f.dir.file("master.db"), options_back);
  const auto returned = std::chrono::steady_clock::now();
  bool arrived = false;
  while (!arrived && std::chrono::steady_clock::now() - returned < 5s) {
    auto s = store::open(f.dir.file("master.db")).value();
    auto c = s.find_cell({p.solo_row, p.fukushi, 2023, "progress"});
    arrived = c && c->value == "戻ったら届く";
    std::this_thread::sleep_for(50ms);
  }
  CHECK(arrived);
  loop.stop();
  runner.join();
}
