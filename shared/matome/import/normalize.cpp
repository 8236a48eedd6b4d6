#include "matome/import/normalize.h"

#include <algorithm>

#include "matome/domain/fiscal_year.h"
#include "matome/util/utf8.h"

namespace matome::import {
namespace {

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u3000' || c == U'\u00A0';
}

char32_t fold(char32_t c) {
  if (c >= U'\uFF01' && c <= U'\uFF5E') return c - 0xFEE0;
  if (c == U'\u3000') return U' ';
  return c;
}

// One letter or mark in the form choices are compared in.
char32_t canonical_mark(char32_t c) {
  c = fold(c);
  switch (c) {
    case U'\u0410':
    case U'\u0391':
      return U'A';  // Cyrillic А, Greek Α
    case U'\u0412':
    case U'\u0392':
      return U'B';  // Cyrillic В, Greek Β
    case U'\u0421':
    case U'\u03F9':
      return U'C';  // Cyrillic С, Greek lunate Ϲ
    case U'\u0415':
    case U'\u0395':
      return U'E';  // Cyrillic Е, Greek Ε
    case U'\u0430':
      return U'a';
    case U'\u0441':
      return U'c';
    case U'\u3007':
    case U'\u25EF':
      return U'\u25CB';  // 〇 ◯ → ○
    case U'\u2715':
    case U'\u2716':
    case U'\u2573':
      return U'\u00D7';  // ✕ ✖ ╳ → ×
    case U'\u2B24':
    case U'\u26AB':
      return U'\u25CF';  // ⬤ ⚫ → ●
    default:
      return c;
  }
}

std::u32string choice_form(std::string_view text) {
  std::u32string out;
  for (char32_t c : utf8_decode(text)) {
    if (!is_space(c)) out.push_back(canonical_mark(c));
  }
  return out;
}

std::u32string lower_ascii(std::u32string s) {
  for (auto& c : s) {
    if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
  }
  return s;
}

std::u32string name_form(std::string_view text) {
  std::u32string out;
  for (char32_t c : utf8_decode(text)) {
    c = fold(c);
    if (is_space(c)) continue;
    out.push_back(c);
  }
  return out;
}

std::u32string without_brackets(const std::u32string& s) {
  std::u32string out;
  int depth = 0;
  for (char32_t c : s) {
    if (c == U'(') {
      ++depth;
    } else if (c == U')') {
      depth = std::max(0, depth - 1);
    } else if (depth == 0) {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string fold_width(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : utf8_decode(text)) utf8_append(out, fold(c));
  return out;
}

std::string_view trim(std::string_view text) {
  static constexpr std::string_view spaces[] = {" ", "\t", "\n", "\r", "\u3000", "\u00A0"};
  for (bool cut = true; cut && !text.empty();) {
    cut = false;
    for (auto s : spaces) {
      if (text.starts_with(s)) {
        text.remove_prefix(s.size());
        cut = true;
      }
      if (text.ends_with(s)) {
        text.remove_suffix(s.size());
        cut = true;
      }
    }
  }
  return text;
}

result<int> normalize_year(std::string_view text, std::string_view default_era) {
  std::string folded;
  for (char32_t c : name_form(text)) utf8_append(folded, c);
  auto year = parse_fiscal_year(folded);
  if (year) return year;
  std::string bare = folded;
  if (bare.ends_with("年度")) bare.resize(bare.size() - std::string_view("年度").size());
  const bool digits =
      !bare.empty() && bare.size() <= 2 &&
      std::all_of(bare.begin(), bare.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits && !default_era.empty())
    return parse_fiscal_year(std::string(default_era) + bare + "年度");
  return year;
}

std::optional<std::string> normalize_choice(std::string_view text,
                                            const std::vector<std::string>& options) {
  const std::u32string wanted = choice_form(text);
  if (wanted.empty()) return std::nullopt;
  for (const auto& o : options) {
    if (choice_form(o) == wanted) return o;
  }
  // Letters typed in the other case, and x for × where × is an option.
  for (const auto& o : options) {
    if (lower_ascii(choice_form(o)) == lower_ascii(wanted)) return o;
    if (choice_form(o) == U"\u00D7" && (wanted == U"x" || wanted == U"X")) return o;
  }
  return std::nullopt;
}

std::optional<std::string> normalize_number(std::string_view text) {
  const std::u32string u = name_form(text);
  std::size_t i = 0;
  std::string out;
  if (i < u.size() && (u[i] == U'△' || u[i] == U'▲' || u[i] == U'-' || u[i] == U'\u2212')) {
    out.push_back('-');
    ++i;
  } else if (i < u.size() && u[i] == U'+') {
    ++i;
  }
  bool digits = false;
  bool point = false;
  for (; i < u.size(); ++i) {
    const char32_t c = u[i];
    if (c >= U'0' && c <= U'9') {
      out.push_back(static_cast<char>(c));
      digits = true;
    } else if (c == U',' && digits && !point) {
      continue;
    } else if (c == U'.' && digits && !point) {
      out.push_back('.');
      point = true;
    } else {
      break;
    }
  }
  if (!digits || out.back() == '.') return std::nullopt;
  // What follows may be a unit (人, %, 回, グループ), never more digits.
  const std::u32string unit = u.substr(i);
  if (unit.size() > 8) return std::nullopt;
  for (char32_t c : unit) {
    if ((c >= U'0' && c <= U'9') || c == U'(' || c == U')' || c == U'~' || c == U'\u301C') {
      return std::nullopt;
    }
  }
  return out;
}

std::optional<std::vector<std::string>> checked_options(std::string_view text) {
  struct mark {
    std::size_t begin;
    std::size_t end;
    bool checked;
  };
  std::vector<mark> marks;
  for (std::size_t i = 0; i < text.size();) {
    if (text.substr(i).starts_with("<input")) {
      const std::size_t close = text.find('>', i);
      const std::size_t end = close == std::string_view::npos ? text.size() : close + 1;
      marks.push_back({i, end, text.substr(i, end - i).find("checked") != std::string_view::npos});
      i = end;
      continue;
    }
    static constexpr std::pair<std::string_view, bool> glyphs[] = {
        {"☑", true}, {"☒", true},  {"✔", true}, {"✓", true},
        {"■", true}, {"☐", false}, {"□", false}};
    bool found = false;
    for (const auto& [glyph, checked] : glyphs) {
      if (text.substr(i).starts_with(glyph)) {
        marks.push_back({i, i + glyph.size(), checked});
        i += glyph.size();
        found = true;
        break;
      }
    }
    if (!found) ++i;
  }
  if (marks.empty()) return std::nullopt;
  std::vector<std::string> chosen;
  for (std::size_t m = 0; m < marks.size(); ++m) {
    if (!marks[m].checked) continue;
    const std::size_t end = m + 1 < marks.size() ? marks[m + 1].begin : text.size();
    const auto label = trim(text.substr(marks[m].end, end - marks[m].end));
    if (!label.empty()) chosen.emplace_back(label);
  }
  return chosen;
}

std::vector<section> split_sections(std::string_view text) {
  std::vector<section> out;
  constexpr std::string_view open = "【";
  constexpr std::string_view close = "】";
  std::size_t at = text.find(open);
  if (at == std::string_view::npos) return {{"", std::string(trim(text))}};
  if (auto before = trim(text.substr(0, at)); !before.empty())
    out.push_back({"", std::string(before)});
  while (at != std::string_view::npos) {
    const std::size_t heading_end = text.find(close, at);
    if (heading_end == std::string_view::npos) {
      out.push_back({"", std::string(trim(text.substr(at)))});
      break;
    }
    const std::size_t body_begin = heading_end + close.size();
    const std::size_t next = text.find(open, body_begin);
    const std::size_t body_end = next == std::string_view::npos ? text.size() : next;
    out.push_back({std::string(trim(text.substr(at + open.size(), heading_end - at - open.size()))),
                   std::string(trim(text.substr(body_begin, body_end - body_begin)))});
    at = next;
  }
  return out;
}

void department_names::add(const std::string& code, std::string_view name) {
  names_.emplace_back(utf8_encode(name_form(name)), code);
}

std::optional<std::string> department_names::find(std::string_view text) const {
  const std::u32string key = name_form(text);
  if (key.empty()) return std::nullopt;
  std::vector<std::u32string> tries{key};
  if (key.size() > 1 && key.back() == U'長') tries.push_back(key.substr(0, key.size() - 1));
  if (auto bare = without_brackets(key); bare != key && !bare.empty()) tries.push_back(bare);
  for (const auto& t : tries) {
    const std::string wanted = utf8_encode(t);
    for (const auto& [name, code] : names_) {
      if (name == wanted) return code;
    }
  }
  return std::nullopt;
}

std::optional<std::vector<std::string>> department_names::segment(std::string_view text) const {
  std::u32string all;
  for (char32_t c : name_form(text)) {
    if (c != U'、' && c != U',' && c != U'，' && c != U'／' && c != U'/') all.push_back(c);
  }
  if (all.empty()) return std::nullopt;
  // best[i]: how the first i characters split into names (fewest names).
  std::vector<std::optional<std::vector<std::string>>> best(all.size() + 1);
  best[0] = std::vector<std::string>{};
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (!best[i]) continue;
    for (const auto& [name, code] : names_) {
      const std::u32string key = utf8_decode(name);
      if (key.empty() || all.compare(i, key.size(), key) != 0) continue;
      auto candidate = *best[i];
      candidate.push_back(code);
      auto& slot = best[i + key.size()];
      if (!slot || slot->size() > candidate.size()) slot = std::move(candidate);
    }
  }
  return best[all.size()];
}

std::vector<std::string> split_names(std::string_view text) {
  std::vector<std::string> out;
  std::u32string current;
  auto flush = [&] {
    if (current.empty()) return;
    const bool bracketed = current.front() == U'(' || current.front() == U'（';
    if (bracketed && !out.empty()) {
      out.back() += " " + utf8_encode(current);
    } else {
      out.push_back(utf8_encode(current));
    }
    current.clear();
  };
  for (char32_t c : utf8_decode(text)) {
    if (is_space(c) || c == U'、' || c == U',' || c == U'，' || c == U'／' || c == U'/') {
      flush();
    } else {
      current.push_back(c);
    }
  }
  flush();
  return out;
}

}  // namespace matome::import
