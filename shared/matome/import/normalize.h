#pragma once
// Normalization of what a sheet holds where the value is a number, a code, a
// grade, a year or a department name. Free text never comes here: it is kept
// byte for byte (NFKC would turn ① into 1 and ㈱ into (株)).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "matome/domain/error.h"

namespace matome::import {

// Full-width ASCII (Ｒ５, １２３, Ａ) to ASCII and the ideographic space to a
// space; nothing else changes.
std::string fold_width(std::string_view text);

// Without leading and trailing spaces (ASCII, ideographic, tabs, line breaks).
std::string_view trim(std::string_view text);

// The Western fiscal year of "令和5年度", "R5", "令和元年度", "平成30年度",
// "H30", "2023年度", "2023", "Ｒ５"; a bare "29年度" or "29" counts in
// `default_era` ("平成" or "令和"; empty: refused).
result<int> normalize_year(std::string_view text, std::string_view default_era = {});

// A choice value as one of `options`: width folded, spaces inside dropped
// ("継 続" → "継続"), look-alike letters from other scripts (Cyrillic А В С,
// Greek Α Β, full-width Ａ) and mark variants (〇 ◯ → ○, ✕ x → ×) mapped.
// Nullopt when it matches no option.
std::optional<std::string> normalize_choice(std::string_view text,
                                            const std::vector<std::string>& options);

// A number as typed with separators and a unit ("11,750人", "65.4%",
// "１２３", "△5" for -5): the plain decimal ("11750", "65.4", "-5").
// Nullopt when the text is not a number with at most a unit around it.
std::optional<std::string> normalize_number(std::string_view text);

// The options a checkbox list marks as chosen, in order: HTML inputs
// (<input checked="" type="checkbox"/> 継続) or glyphs (☑継続 ☐廃止,
// ■継続 □廃止). Nullopt when the text has no checkbox at all.
std::optional<std::vector<std::string>> checked_options(std::string_view text);

// "【共生福祉課】 text 【社協】 text" → {共生福祉課: text, 社協: text}.
// Text before the first heading goes to an empty heading.
struct section {
  std::string heading;
  std::string body;
};
std::vector<section> split_sections(std::string_view text);

// Departments by name and alias. Lookup folds width, drops spaces and
// brackets' contents as a last resort and accepts a trailing 長
// (高齢介護課長 → 高齢介護課).
class department_names {
 public:
  void add(const std::string& code, std::string_view name);
  // The code for `text`, or nullopt.
  std::optional<std::string> find(std::string_view text) const;
  // The codes of names written together or broken apart by stray spaces
  // ("高齢介護課共生福祉課", "くらし 安 全課"): the whole text read as a run
  // of known names, or nullopt when it is not one.
  std::optional<std::vector<std::string>> segment(std::string_view text) const;

 private:
  std::vector<std::pair<std::string, std::string>> names_;  // key, code
};

// The names in an owners cell: split at line breaks, 、 ・ , ／ / and spaces;
// a part in brackets ("(女性センター)") stays with the name before it.
std::vector<std::string> split_names(std::string_view text);

}  // namespace matome::import
