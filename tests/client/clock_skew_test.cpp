// Desktops whose clocks are a day fast or a day slow (issue #15): the same
// outcomes as with true clocks, because only the server's sequence numbers
// decide what is newer; the devices' times are only shown.
#include <catch2/catch.hpp>
#include <chrono>
#include <ctime>

#include "client/client_fixture.h"
#include "support/catch_result.h"

using namespace matome;
using namespace matome::test;

namespace {

// UTC now shifted by `hours`, as a device with a wrong clock tells it.
clock_fn skewed(int hours) {
  return [hours] {
    const std::time_t t =
        std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()) + hours * 3600;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[40];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
    return std::string(text);
  };
}

std::string date_of(const std::string& iso) {
  return iso.substr(0, 10);
}

}  // namespace

TEST_CASE("desktops a day fast and a day slow get the outcomes true clocks would",
          "[client][sync][clock]") {
  const auto today = date_of(utc_now_iso());
  const auto tomorrow = date_of(skewed(24)());
  const auto yesterday = date_of(skewed(-24)());

  // Whichever desktop syncs first wins the cell; the other's edit, based on
  // the same old value, is a conflict: whatever their clocks say.
  for (const bool fast_first : {true, false}) {
    DYNAMIC_SECTION((fast_first ? "the fast clock syncs first" : "the slow clock syncs first")) {
      client_fixture f;
      auto fast = f.sign_in("fukushi1", 0, "fast", skewed(24));
      auto slow = f.sign_in("coord", 0, "slow", skewed(-24));
      const cell_key cell{f.p.solo_row, f.p.fukushi, 2023, "progress"};

      REQUIRE(fast.edit(cell, "明日の時計で入力"));
      REQUIRE(slow.edit(cell, "昨日の時計で入力"));
      // The devices do record their own (wrong) times.
      CHECK(date_of(fast.outbox().at(0).edited_at) == tomorrow);
      CHECK(date_of(slow.outbox().at(0).edited_at) == yesterday);

      auto& first = fast_first ? fast : slow;
      auto& second = fast_first ? slow : fast;
      const std::string first_value = fast_first ? "明日の時計で入力" : "昨日の時計で入力";
      const std::string second_value = fast_first ? "昨日の時計で入力" : "明日の時計で入力";
      REQUIRE(f.sync(first));
      REQUIRE(f.sync(second));
      REQUIRE(f.sync(first));

      CHECK(f.server_value(cell) == first_value);
      const auto conflicts = f.server_store().open_conflicts(f.p.plan_id);
      REQUIRE(conflicts.size() == 1);
      CHECK(conflicts[0].incoming_value == second_value);
      CHECK(conflicts[0].server_value == first_value);
      // Both desktops show the same: the server's value and the conflict.
      CHECK(first.value_of(cell) == first_value);
      CHECK(second.value_of(cell) == first_value);
      // The record of who wrote what carries the server's time, not a device's.
      const auto history = f.server_store().history_of(cell);
      REQUIRE(history.size() == 1);
      const auto written = date_of(history[0].at);
      CHECK((written == today || written == date_of(utc_now_iso())));  // (a run across midnight)
    }
  }
}
