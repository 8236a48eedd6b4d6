// The client core against a real server: offline edits, sync orders,
// conflicts, and connections cut mid-sync.
#include <catch2/catch.hpp>
#include <set>

#include "client/client_fixture.h"
#include "support/catch_result.h"
#include "support/cut_proxy.h"

using namespace matome;
using namespace matome::test;

TEST_CASE(
    "offline edits of three users converge in every sync order, with conflicts exactly where both "
    "sides changed",
    "[client][sync]") {
  const std::vector<std::vector<std::string>> orders = {
      {"fukushi1", "shakyo1", "coord"}, {"fukushi1", "coord", "shakyo1"},
      {"shakyo1", "fukushi1", "coord"}, {"shakyo1", "coord", "fukushi1"},
      {"coord", "fukushi1", "shakyo1"}, {"coord", "shakyo1", "fukushi1"}};
  for (const auto& order : orders) {
    INFO(order[0] << " then " << order[1] << " then " << order[2]);
    client_fixture f;
    std::map<std::string, client::replica> replicas;
    for (const auto* login : {"fukushi1", "shakyo1", "coord"})
      replicas.emplace(login, f.sign_in(login));
    auto& fukushi = replicas.at("fukushi1");
    auto& shakyo = replicas.at("shakyo1");
    auto& coord = replicas.at("coord");

    // Offline: nobody syncs while editing.
    const cell_key solo_progress{f.p.solo_row, f.p.fukushi, 2023, "progress"};
    const cell_key fukushi_shared{f.p.shared_row, f.p.fukushi, 2023, "progress"};
    const cell_key shakyo_progress{f.p.shared_row, f.p.shakyo, 2023, "progress"};
    const cell_key shakyo_grade{f.p.shared_row, f.p.shakyo, 2023, "grade"};
    const cell_key content{f.p.shared_row, 0, 0, "content"};
    REQUIRE(fukushi.edit(solo_progress, "福祉課の実績"));
    REQUIRE(fukushi.edit(fukushi_shared, "福祉課の分"));
    REQUIRE(shakyo.edit(shakyo_progress, "社協の分"));
    REQUIRE(shakyo.edit(shakyo_grade, "B"));
    REQUIRE(coord.edit(content, "取りまとめが直した事業内容"));
    REQUIRE(coord.edit(solo_progress, "取りまとめの修正"));  // same cell as 福祉課
    REQUIRE(coord.edit(shakyo_grade, "A"));                  // same cell as 社協

    for (const auto& login : order) REQUIRE(f.sync(replicas.at(login)));
    for (int round = 0; round < 2; ++round) {
      for (const auto& login : order) REQUIRE(f.sync(replicas.at(login)));
    }

    auto server = f.server_store();
    const auto conflicts = server.open_conflicts(f.p.plan_id);
    REQUIRE(conflicts.size() == 2);
    std::set<cell_key> conflict_cells;
    for (const auto& c : conflicts) conflict_cells.insert(c.key);
    CHECK(conflict_cells == std::set<cell_key>{solo_progress, shakyo_grade});
    // Nothing lost: each conflicting cell holds the first syncer's value,
    // the conflict the second's.
    for (const auto& c : conflicts) {
      const bool coord_first =
          std::find(order.begin(), order.end(), "coord") <
          std::find(order.begin(), order.end(), c.key == solo_progress ? "fukushi1" : "shakyo1");
      const std::string coords = c.key == solo_progress ? "取りまとめの修正" : "A";
      const std::string departments = c.key == solo_progress ? "福祉課の実績" : "B";
      CHECK(server.find_cell(c.key)->value == (coord_first ? coords : departments));
      CHECK(c.incoming_value == (coord_first ? departments : coords));
    }
    CHECK(server.find_cell(fukushi_shared)->value == "福祉課の分");
    CHECK(server.find_cell(shakyo_progress)->value == "社協の分");
    CHECK(server.find_cell(content)->value == "取りまとめが直した事業内容");

    for (auto& [login, r] : replicas) {
      INFO(login);
      CHECK(r.status().pending == 0);
      const auto scope = feed_scope::of(r.who()->as_actor());
      CHECK(visible_content(r.db(), f.p.plan_id, scope) == f.server_content(scope));
    }
  }
}

TEST_CASE("a connection cut at any point of a push is retried without applying anything twice",
          "[client][sync]") {
  client_fixture f;
  auto fukushi = f.sign_in("fukushi1");
  cut_proxy proxy(f.server->port());
  // Through the proxy from now on.
  fukushi.set_identity([&] {
    auto id = *fukushi.who();
    id.server = f.url(proxy.port());
    return id;
  }());

  const cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  int edits = 0;
  for (std::size_t cut : {40u, 150u, 400u, 700u, 1000u, 1500u, 2500u}) {
    INFO("cut after " << cut << " bytes");
    const std::string value = "第" + std::to_string(++edits) + "版";
    REQUIRE(fukushi.edit(key, value));
    proxy.cut_after(cut);
    auto cut_sync = f.sync(fukushi, proxy.port());
    proxy.cut_after(0);
    if (!cut_sync) CHECK(cut_sync.error().code == errc::unreachable);
    REQUIRE(f.sync(fukushi, proxy.port()));
    CHECK(fukushi.status().pending == 0);
    CHECK(fukushi.value_of(key) == value);
    auto server = f.server_store();
    CHECK(server.find_cell(key)->value == value);
    // One history row per edit: none lost, none applied twice.
    CHECK(server.history_of(key).size() == static_cast<std::size_t>(edits));
    CHECK(server.open_conflicts(f.p.plan_id).empty());
  }
  CHECK(proxy.cuts() > 0);
}

TEST_CASE("a pull cut midway resumes from the stored cursor and misses nothing", "[client][sync]") {
  client_fixture f;
  auto shakyo = f.sign_in("shakyo1");
  auto coord = f.sign_in("coord");
  for (int year = 2022; year <= 2026; ++year)
    REQUIRE(coord.edit({f.p.shared_row, 0, year, "marks"}, "●"));
  REQUIRE(coord.edit({f.p.shared_row, 0, 0, "content"}, "長い事業内容の説明"));
  REQUIRE(f.sync(coord));

  cut_proxy proxy(f.server->port());
  for (std::size_t cut : {100u, 300u, 600u}) {
    proxy.cut_after(cut);
    auto transport = client::make_http_transport(f.url(proxy.port()), *shakyo.setting("token"),
                                                 std::chrono::seconds(5));
    client::sync_options small_pages;
    small_pages.page_size = 2;  // several pages, so a cut can fall between them
    auto report = client::sync(shakyo, *transport, small_pages);
    if (!report) CHECK(report.error().code == errc::unreachable);
  }
  proxy.cut_after(0);
  REQUIRE(f.sync(shakyo, proxy.port()));
  const auto scope = feed_scope::of(shakyo.who()->as_actor());
  CHECK(visible_content(shakyo.db(), f.p.plan_id, scope) == f.server_content(scope));
}

TEST_CASE("a sync's requests share one connection, kept open between them", "[client][sync]") {
  client_fixture f;
  auto fukushi = f.sign_in("fukushi1");
  auto coord = f.sign_in("coord");
  for (int year = 2022; year <= 2026; ++year) {
    REQUIRE(coord.edit({f.p.shared_row, 0, year, "marks"}, "●"));
    REQUIRE(fukushi.edit({f.p.solo_row, f.p.fukushi, year, "progress"}, "実施した。"));
  }
  REQUIRE(f.sync(coord));

  cut_proxy proxy(f.server->port());
  auto transport = client::make_http_transport(f.url(proxy.port()), *fukushi.setting("token"),
                                               std::chrono::seconds(5));
  client::sync_options small;
  small.push_batch = 1;  // five pushes
  small.page_size = 2;   // and several pull pages
  auto report = client::sync(fukushi, *transport, small);
  REQUIRE(report);
  CHECK(report->applied == 5);
  CHECK(report->received >= 5);
  // A dozen requests; the pull asks for its next page beside the writing
  // of the last one, so two connections at most.
  CHECK(proxy.connections() <= 2);
}

TEST_CASE("a kept connection the server closed is opened again, and the sync goes on",
          "[client][sync]") {
  client_fixture f;
  auto fukushi = f.sign_in("fukushi1");
  auto transport =
      client::make_http_transport(f.url(), *fukushi.setting("token"), std::chrono::seconds(5));
  const cell_key key{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(fukushi.edit(key, "再起動の前"));
  REQUIRE(client::sync(fukushi, *transport));
  // The server restarts: every connection this transport kept is closed.
  f.restart_server([] {});
  REQUIRE(fukushi.edit(key, "再起動の後"));
  auto report = client::sync(fukushi, *transport);
  REQUIRE(report);
  CHECK(report->applied == 1);
  CHECK(f.server_value(key) == "再起動の後");
  CHECK(f.server_store().history_of(key).size() == 2);
}

TEST_CASE("a server that cannot be reached is an ordinary offline state", "[client][sync]") {
  client_fixture f;
  auto fukushi = f.sign_in("fukushi1");
  REQUIRE(fukushi.edit({f.p.solo_row, f.p.fukushi, 2023, "progress"}, "オフラインで入力"));
  f.server->stop();
  auto attempt = f.sync(fukushi);
  REQUIRE_FALSE(attempt);
  CHECK(attempt.error().code == errc::unreachable);
  CHECK(fukushi.status().pending == 1);  // still waiting, nothing lost
  CHECK(fukushi.value_of({f.p.solo_row, f.p.fukushi, 2023, "progress"}) == "オフラインで入力");
}
