#include "matome/import/cell_pattern.h"

#include "matome/util/utf8.h"

namespace matome::import {

std::wstring widen(std::string_view text) {
  const std::u32string points = utf8_decode(text);
  return std::wstring(points.begin(), points.end());  // wchar_t is UTF-32 on Linux
}

std::string narrow(std::wstring_view text) {
  std::string out;
  out.reserve(text.size());
  for (wchar_t w : text) utf8_append(out, static_cast<char32_t>(w));
  return out;
}

result<cell_pattern> cell_pattern::compile(const std::string& source) {
  cell_pattern p;
  p.source_ = source;
  try {
    p.regex_ = std::make_shared<const std::wregex>(widen(source), std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    return make_error(errc::invalid_value,
                      "パターン「" + source + "」が正規表現として読めません (" + e.what() + ")。");
  }
  return p;
}

std::optional<std::vector<std::string>> cell_pattern::search(std::string_view text) const {
  if (!regex_) return std::nullopt;
  const std::wstring wide = widen(text);
  std::wsmatch m;
  if (!std::regex_search(wide, m, *regex_)) return std::nullopt;
  std::vector<std::string> groups;
  for (const auto& g : m) groups.push_back(narrow(g.str()));
  return groups;
}

std::string expand(std::string_view templ, const std::vector<std::string>& groups) {
  std::string out;
  for (std::size_t i = 0; i < templ.size(); ++i) {
    if (templ[i] == '$' && i + 1 < templ.size() && templ[i + 1] >= '0' && templ[i + 1] <= '9') {
      const auto n = static_cast<std::size_t>(templ[i + 1] - '0');
      if (n < groups.size()) out += groups[n];
      ++i;
      continue;
    }
    out.push_back(templ[i]);
  }
  return out;
}

}  // namespace matome::import
