#include "matome/domain/fiscal_year.h"

#include <charconv>
#include <optional>

namespace matome {
namespace {

struct era {
  int first_year;  // the Western fiscal year that is 元年度
  std::string_view name;
  std::string_view letter;
};

// Newest first. A fiscal year belongs to the era in force for most of it:
// FY2019 (April 2019 on) is 令和元年度 although 令和 began on 1 May 2019.
constexpr era eras[] = {{2019, "令和", "R"}, {1989, "平成", "H"}};

const era* era_of(int year) {
  for (const auto& e : eras) {
    if (year >= e.first_year) return &e;
  }
  return nullptr;
}

bool consume(std::string_view& text, std::string_view prefix) {
  if (!text.starts_with(prefix)) return false;
  text.remove_prefix(prefix.size());
  return true;
}

std::optional<int> parse_number(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::string fiscal_year_label(int year) {
  const era* e = era_of(year);
  if (e == nullptr) return std::to_string(year) + "年度";
  const int n = year - e->first_year + 1;
  return std::string(e->name) + (n == 1 ? std::string("元") : std::to_string(n)) + "年度";
}

std::string fiscal_year_short_label(int year) {
  const era* e = era_of(year);
  if (e == nullptr) return std::to_string(year);
  return std::string(e->letter) + std::to_string(year - e->first_year + 1);
}

result<int> parse_fiscal_year(std::string_view text) {
  const std::string original(text);
  if (text.ends_with("年度")) text.remove_suffix(std::string_view("年度").size());
  for (const auto& e : eras) {
    if (consume(text, e.name) || consume(text, e.letter)) {
      int n = 0;
      if (text == "元") {
        n = 1;
      } else if (auto parsed = parse_number(text)) {
        n = *parsed;
      }
      if (n < 1) break;
      return e.first_year + n - 1;
    }
  }
  if (auto western = parse_number(text); western && *western >= 1900 && *western <= 2200) {
    return *western;
  }
  return make_error(
      errc::invalid_argument,
      "「" + original + "」は年度として読めません。2023、R5、令和5年度 のように入力してください。");
}

int fiscal_year_of(std::chrono::year_month_day date) {
  const int year = static_cast<int>(date.year());
  return static_cast<unsigned>(date.month()) >= 4 ? year : year - 1;
}

}  // namespace matome
