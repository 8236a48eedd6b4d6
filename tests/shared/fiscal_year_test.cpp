#include "matome/domain/fiscal_year.h"

#include <catch2/catch.hpp>

#include "support/catch_result.h"

using namespace matome;
using namespace std::chrono;

TEST_CASE("fiscal years print in the Japanese era of the report", "[fiscal_year]") {
  CHECK(fiscal_year_label(2023) == "令和5年度");
  CHECK(fiscal_year_label(2019) == "令和元年度");
  CHECK(fiscal_year_label(2018) == "平成30年度");
  CHECK(fiscal_year_label(1989) == "平成元年度");
  CHECK(fiscal_year_short_label(2024) == "R6");
  CHECK(fiscal_year_short_label(2017) == "H29");
}

TEST_CASE("fiscal year labels as users type them parse to the Western year", "[fiscal_year]") {
  CHECK(parse_fiscal_year("2023").value() == 2023);
  CHECK(parse_fiscal_year("R5").value() == 2023);
  CHECK(parse_fiscal_year("令和5年度").value() == 2023);
  CHECK(parse_fiscal_year("令和元年度").value() == 2019);
  CHECK(parse_fiscal_year("H30").value() == 2018);
  CHECK(parse_fiscal_year("平成30年度").value() == 2018);

  auto bad = parse_fiscal_year("来年");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == errc::invalid_argument);
  CHECK(bad.error().message.find("R5") != std::string::npos);  // tells the user what works
  CHECK_FALSE(parse_fiscal_year("R0"));
}

TEST_CASE("the fiscal year starts in April", "[fiscal_year]") {
  CHECK(fiscal_year_of(2024y / March / 31) == 2023);
  CHECK(fiscal_year_of(2024y / April / 1) == 2024);
}
