// Pushes stay under what the server accepts (issue 9.8): a value too large
// for its field never blocks the outbox behind it, and many large values go
// in several requests, not one the server cuts off.
#include <catch2/catch.hpp>

#include "client/client_fixture.h"
#include "support/catch_result.h"

using namespace matome;
using namespace matome::test;

namespace {
std::string japanese(std::size_t characters) {
  std::string out;
  for (std::size_t i = 0; i < characters; ++i) out += "あ";
  return out;
}
}  // namespace

TEST_CASE("an outbox value too large to send is refused with its reason and the rest still syncs",
          "[client][sync]") {
  client_fixture f;
  auto c = f.sign_in("coord");
  auto a = f.sign_in("fukushi1");
  const cell_key huge{f.p.solo_row, 0, 0, "content"};
  const cell_key normal{f.p.shared_row, 0, 0, "content"};
  REQUIRE(c.edit(huge, "短い下書き"));
  REQUIRE(c.edit(normal, "ふつうの事業内容"));
  // An outbox written before fields had a default maximum (the desktop
  // client let a 6-million-character paste through): 18 MB, over the
  // server's 16 MiB request limit on its own.
  auto grow = c.db().db().prepare("UPDATE outbox SET value = ? WHERE item_id = ? AND field = ?");
  grow.bind(1, japanese(6'000'000)).bind(2, huge.item_id).bind(3, huge.field).run();
  const cell_key theirs{f.p.solo_row, f.p.fukushi, 2023, "progress"};
  REQUIRE(a.edit(theirs, "担当課の実績"));
  REQUIRE(f.sync(a));

  auto report = f.sync(c);
  REQUIRE(report);
  CHECK(report->refused == 1);
  CHECK(f.server_value(normal) == "ふつうの事業内容");
  CHECK(f.server_value(huge).empty());
  CHECK(c.value_of(theirs) == "担当課の実績");  // the pull went on after the push
  const auto outbox = c.outbox();
  REQUIRE(outbox.size() == 1);
  CHECK(outbox[0].change.key.item_id == huge.item_id);
  CHECK(outbox[0].refused);
  CHECK(outbox[0].reason.find("「事業内容」は" + std::to_string(default_long_text_limit) +
                              "文字以内") != std::string::npos);
  CHECK(c.value_of(huge).size() == 18'000'000);  // still the user's text, to shorten and save

  // Shortened, it goes through like any edit.
  REQUIRE(c.edit(huge, "短くした事業内容"));
  REQUIRE(f.sync(c));
  CHECK(f.server_value(huge) == "短くした事業内容");
  CHECK(c.outbox().empty());
}

TEST_CASE("large edits are pushed in requests the server accepts", "[client][sync]") {
  auto options = test_server::quick_options();
  options.body_limit = 64 * 1024;
  client_fixture f(options);
  auto c = f.sign_in("coord");
  // Fifteen reasons of 4,000 characters: 180 kB, almost three times the limit.
  std::vector<cell_key> cells;
  for (record_id row : {f.p.solo_row, f.p.shared_row}) {
    for (record_id department : {f.p.fukushi, f.p.shakyo}) {
      if (row == f.p.solo_row && department == f.p.shakyo) continue;
      for (int year = 2022; year <= 2026; ++year)
        cells.push_back({row, department, year, "reason"});
    }
  }
  REQUIRE(cells.size() == 15);
  const std::string text = japanese(default_long_text_limit);
  for (const auto& key : cells) REQUIRE(c.edit(key, text));

  // Sent as one request, the server cuts it off: the test can tell.
  REQUIRE_FALSE(f.sync(c, 0, {.push_bytes = 1024 * 1024}));
  CHECK(f.server_value(cells.front()).empty());

  auto report = f.sync(c, 0, {.push_bytes = 32 * 1024});
  REQUIRE(report);
  CHECK(report->applied == 15);
  for (const auto& key : cells) CHECK(f.server_value(key) == text);
  CHECK(c.outbox().empty());
}
