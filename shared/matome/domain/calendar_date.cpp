#include "matome/domain/calendar_date.h"

#include <array>
#include <charconv>
#include <optional>
#include <vector>

namespace matome {
namespace {

using namespace std::chrono;

struct calendar_era {
  year_month_day first_day;
  std::string_view name;
  std::string_view letter;
};

// Newest first.
constexpr std::array<calendar_era, 2> eras{{
    {year{2019} / May / 1, "令和", "R"},
    {year{1989} / January / 8, "平成", "H"},
}};

// Full-width digits, separators and capitals as their ASCII forms.
std::string fold_digits(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xEF && i + 2 < text.size()) {
      const auto b1 = static_cast<unsigned char>(text[i + 1]);
      const auto b2 = static_cast<unsigned char>(text[i + 2]);
      // U+FF0D..U+FF19: －．／０…９
      if (b1 == 0xBC && b2 >= 0x8D && b2 <= 0x99) {
        out += static_cast<char>(b2 - 0x8D + '-');
        i += 2;
        continue;
      }
      // U+FF21..U+FF3A: Ａ…Ｚ (an era's letter)
      if (b1 == 0xBC && b2 >= 0xA1 && b2 <= 0xBA) {
        out += static_cast<char>(b2 - 0xA1 + 'A');
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// The numbers of `text` in order; 元 counts as 1. Anything but digits,
// 元 and the separators makes it unreadable.
std::optional<std::vector<int>> numbers_of(std::string_view text) {
  std::vector<int> out;
  while (!text.empty()) {
    if (text.starts_with("元")) {
      out.push_back(1);
      text.remove_prefix(std::string_view("元").size());
      continue;
    }
    if (text[0] >= '0' && text[0] <= '9') {
      int n = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
      if (ec != std::errc{}) return std::nullopt;
      out.push_back(n);
      text.remove_prefix(static_cast<std::size_t>(end - text.data()));
      continue;
    }
    bool separator = false;
    for (std::string_view s : {"-", "/", ".", "年", "月", "日", " "}) {
      if (text.starts_with(s)) {
        text.remove_prefix(s.size());
        separator = true;
        break;
      }
    }
    if (!separator) return std::nullopt;
  }
  return out;
}

}  // namespace

result<year_month_day> parse_calendar_date(std::string_view typed) {
  const std::string original(typed);
  auto unreadable = [&] {
    return make_error(errc::invalid_value,
                      "「" + original +
                          "」は日付として読めません。R7.5.31、令和7年5月31日、2025-05-31 "
                          "のように入力してください。");
  };
  std::string folded = fold_digits(typed);
  std::string_view text = folded;
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  const calendar_era* era = nullptr;
  for (const auto& e : eras) {
    if (text.starts_with(e.name) || text.starts_with(e.letter)) {
      era = &e;
      text.remove_prefix(text.starts_with(e.name) ? e.name.size() : e.letter.size());
      break;
    }
  }
  auto numbers = numbers_of(text);
  if (!numbers || numbers->size() != 3) return unreadable();
  int y = (*numbers)[0];
  if (era != nullptr) {
    if (y < 1) return unreadable();
    y += static_cast<int>(era->first_day.year()) - 1;
  } else if (y < 1900 || y > 2200) {
    return unreadable();
  }
  const year_month_day date{year{y}, month{static_cast<unsigned>((*numbers)[1])},
                            day{static_cast<unsigned>((*numbers)[2])}};
  if (!date.ok()) {
    return make_error(errc::invalid_value, "「" + original + "」という日はありません。");
  }
  if (era != nullptr) {
    const auto* newer = era == &eras[0] ? nullptr : era - 1;
    if (sys_days(date) < sys_days(era->first_day) ||
        (newer != nullptr && sys_days(date) >= sys_days(newer->first_day))) {
      return make_error(errc::invalid_value, "「" + original + "」は" + std::string(era->name) +
                                                 "の日付ではありません。");
    }
  }
  return date;
}

std::string era_date_label(year_month_day date) {
  const std::string md = std::to_string(static_cast<unsigned>(date.month())) + "月" +
                         std::to_string(static_cast<unsigned>(date.day())) + "日";
  for (const auto& e : eras) {
    if (sys_days(date) < sys_days(e.first_day)) continue;
    const int n = static_cast<int>(date.year()) - static_cast<int>(e.first_day.year()) + 1;
    return std::string(e.name) + (n == 1 ? std::string("元") : std::to_string(n)) + "年" + md;
  }
  return std::to_string(static_cast<int>(date.year())) + "年" + md;
}

std::string iso_date(year_month_day date) {
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return out;
}

}  // namespace matome
