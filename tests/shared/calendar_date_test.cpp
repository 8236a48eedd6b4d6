// Due dates as a city writes them: 令和, its letter, Western, full width.
#include "matome/domain/calendar_date.h"

#include <catch2/catch.hpp>

using namespace matome;
using namespace std::chrono;

TEST_CASE("A date reads in the forms a city writes it", "[date]") {
  const year_month_day may31 = year{2025} / May / 31;
  for (const char* text :
       {"2025-05-31", "2025/5/31", "2025年5月31日", "R7.5.31", "R7/5/31", "令和7年5月31日",
        "令和７年５月３１日", "Ｒ７．５．３１", " 2025-5-31 "}) {
    INFO(text);
    auto parsed = parse_calendar_date(text);
    REQUIRE(parsed.has_value());
    CHECK(*parsed == may31);
  }
  CHECK(parse_calendar_date("令和元年5月1日").value() == year{2019} / May / 1);
  CHECK(parse_calendar_date("H31.4.30").value() == year{2019} / April / 30);
  CHECK(parse_calendar_date("平成30年3月31日").value() == year{2018} / March / 31);
}

TEST_CASE("A date that does not exist, or is outside its era, is refused with the forms",
          "[date]") {
  auto unreadable = parse_calendar_date("5月31日");
  REQUIRE_FALSE(unreadable.has_value());
  CHECK(unreadable.error().message.find("R7.5.31、令和7年5月31日、2025-05-31") !=
        std::string::npos);
  CHECK_FALSE(parse_calendar_date("").has_value());
  CHECK_FALSE(parse_calendar_date("来週").has_value());
  CHECK_FALSE(parse_calendar_date("2025-05-31-1").has_value());
  auto no_such_day = parse_calendar_date("R7.2.30");
  REQUIRE_FALSE(no_such_day.has_value());
  CHECK(no_such_day.error().message.find("という日はありません") != std::string::npos);
  auto before_reiwa = parse_calendar_date("令和元年4月30日");
  REQUIRE_FALSE(before_reiwa.has_value());
  CHECK(before_reiwa.error().message.find("令和の日付ではありません") != std::string::npos);
  CHECK_FALSE(parse_calendar_date("H32.1.1").has_value());  // 平成 ended in 2019
}

TEST_CASE("A date prints in its era", "[date]") {
  CHECK(era_date_label(year{2025} / May / 31) == "令和7年5月31日");
  CHECK(era_date_label(year{2019} / May / 1) == "令和元年5月1日");
  CHECK(era_date_label(year{2019} / April / 30) == "平成31年4月30日");
  CHECK(iso_date(year{2025} / May / 1) == "2025-05-01");
}
