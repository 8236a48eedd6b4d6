#pragma once
// How a city prints its progress report: which fields are columns, in what
// order and width, how a shared row shows its owners' parts and a choice its
// options. Data, not code (docs/file-formats.md, "Report layout"): a layout
// file, the plan's own ("report_layout" in a plan file or an import
// preset), or the default one made from the template.

#include <string>
#include <string_view>
#include <vector>

#include "matome/domain/plan.h"

namespace matome {

struct layout_column {
  std::string header;  // printed over the column (over a series' years, the group's header)
  // What the column holds: "label", "title", "owners", "page", "status", or a
  // template field key (a year series prints one column per year).
  std::string source;
  double width = 12;  // in characters
  int year = 0;  // a report field of another year than the one reported (29年度 beside 30年度)
  // How this column prints a choice (a choice_style), when not as the
  // layout's `choices` says.
  bool has_choices = false;
  int choices = 0;
};

enum class shared_row_style {
  sections,  // one line; each owner's text under 【課名】, grades as 共生福祉課B 社協A
  sub_rows,  // one line per owner under the row
};

enum class choice_style {
  value,  // the chosen option: A, 継続
  boxes,  // every option with its box: 拡充 ☐ 継続 ☑ 見直し ☐ 廃止 ☐
};

struct report_layout {
  std::string title;  // "{title} {year} 進捗状況報告": {title}, {city}, {year} (令和N年度)
  bool landscape = true;
  std::vector<layout_column> columns;
  shared_row_style shared_rows = shared_row_style::sections;
  choice_style choices = choice_style::value;
  // The headings after which the grades' legend prints (each choice field's
  // options with their definitions, as 北本市 prints them under every 施策);
  // -1: nowhere.
  int legend_level = -1;
};

// Every row field of the template, in its order, after number, title and
// owners; A4 landscape.
report_layout default_layout(const plan& p);

// A layout as JSON (docs/file-formats.md); columns must name a source the
// plan has.
result<report_layout> parse_layout(std::string_view json, const plan& p);

// The layout file at `path`; when `path` is empty, the plan's own layout
// (plan::report_layout), else the default one.
result<report_layout> read_layout(const std::string& path, const plan& p);

}  // namespace matome
