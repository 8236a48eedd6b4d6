#pragma once
// Calendar dates as a city writes them (a due date, a printed-on date). Eras
// here are the calendar's: 令和 begins on 1 May 2019, 平成 on 8 January 1989
// (fiscal years have their own rule, fiscal_year.h).

#include <chrono>
#include <string>
#include <string_view>

#include "matome/domain/error.h"

namespace matome {

// Accepts 2025-05-31, 2025/5/31, 2025年5月31日, R7.5.31, R7/5/31,
// 令和7年5月31日, 令和元年5月1日, H31.4.30 and the same in full-width
// digits. A date that does not exist, or an era date outside its era, is
// an error that shows the accepted forms.
result<std::chrono::year_month_day> parse_calendar_date(std::string_view text);

// "令和7年5月31日" ("令和元年5月1日"; a date before 平成 in Western years).
std::string era_date_label(std::chrono::year_month_day date);

// "2025-05-31".
std::string iso_date(std::chrono::year_month_day date);

}  // namespace matome
