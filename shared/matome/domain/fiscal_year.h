#pragma once
// Japanese fiscal years run April to March. Matome stores the Western year in
// which a fiscal year starts (FY2023 = April 2023 .. March 2024) and derives
// every printed label from it, so no era arithmetic lives in the database.

#include <chrono>
#include <string>
#include <string_view>

#include "matome/domain/error.h"

namespace matome {

// "令和5年度" for 2023, "令和元年度" for 2019, "平成30年度" for 2018.
std::string fiscal_year_label(int year);

// "R5" for 2023, "R1" for 2019, "H30" for 2018: the short form of table headers.
std::string fiscal_year_short_label(int year);

// Accepts "2023", "R5", "令和5年度", "令和元年度", "H30", "平成30年度", "R5年度".
result<int> parse_fiscal_year(std::string_view text);

// The fiscal year a calendar date falls in (January 2024 is in FY2023).
int fiscal_year_of(std::chrono::year_month_day date);

}  // namespace matome
