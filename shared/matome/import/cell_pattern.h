#pragma once
// A regular expression over a cell's text, by characters rather than bytes:
// 【?基本目標 makes the bracket optional and [０-９] is a range of digits,
// as whoever writes a mapping expects. ECMAScript syntax (std::wregex);
// \d and \s are ASCII only, so write [\s　] to allow an ideographic space.

#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "matome/domain/error.h"

namespace matome::import {

class cell_pattern {
 public:
  cell_pattern() = default;
  static result<cell_pattern> compile(const std::string& source);

  // The whole match and its groups ($0, $1, ...) when the pattern is found
  // in `text`; nullopt otherwise.
  std::optional<std::vector<std::string>> search(std::string_view text) const;

  const std::string& source() const { return source_; }

 private:
  std::string source_;
  std::shared_ptr<const std::wregex> regex_;
};

// "基本目標$1" with $0..$9 replaced from `groups` (a missing group is "").
std::string expand(std::string_view templ, const std::vector<std::string>& groups);

std::wstring widen(std::string_view utf8);
std::string narrow(std::wstring_view text);

}  // namespace matome::import
