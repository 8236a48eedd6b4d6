#pragma once
// A mapping says how a city's sheet layout becomes a plan: which rows are
// headings of which level, which rows are the plan's rows, which column is
// which template field (and which fiscal year it holds), and how values are
// read. It is data (JSON, docs/file-formats.md), so a new layout needs no
// code; presets/ holds one per sample city.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "matome/domain/entry.h"
#include "matome/import/cell_pattern.h"
#include "matome/plan_file/plan_file.h"

namespace matome::import {

inline constexpr std::string_view mapping_format = "matome-mapping";
inline constexpr int mapping_version = 1;

// A condition on one cell of a row: its text (trimmed) matches `pattern`.
struct cell_match {
  int column = 0;
  cell_pattern pattern;
};

// A condition on a row: the first match gives the groups ($0, $1 ...), the
// others (a rule's "and") must hold too.
struct row_match {
  cell_match first;
  std::vector<cell_match> also;
};

// A text made from the groups of a rule's match ("$2", "目標$1"), or taken
// from another cell of the row (then `column` >= 0 and, optionally, a
// pattern whose groups `templ` uses).
struct value_spec {
  std::string templ;
  int column = -1;
  cell_match from;  // when column >= 0 and the text is taken apart
  bool has_pattern = false;
};

// How a heading is recognised when it appears again (at each page's top).
enum class heading_match {
  label_and_title,  // both the same (the default)
  title,            // the title alone: the sheet garbles the numbers
  label,            // the label alone: the sheet cuts titles short
};

// A row that opens a heading (基本目標, 施策) of `level`.
struct heading_rule {
  int level = 0;
  row_match when;
  value_spec label;
  value_spec title;
  heading_match match = heading_match::label_and_title;
  // A label that fits this is preferred to one that does not, when the
  // same heading appears with different labels ("1-3" over "I - 3").
  bool has_label_pattern = false;
  cell_pattern label_pattern;
};

// A row that sets an attribute ("page", "description", "title") of the open
// heading of `level`, or one of its sections (a plan field whose level is
// that heading level; `year` for a section that is a year series).
struct attribute_rule {
  int level = 0;
  row_match when;
  std::string attribute;
  value_spec value;
  int year = 0;
};

// Where one column of a row goes: an item attribute (label, title,
// description, page, owners) or a template field, for one fiscal year (0:
// the plan's report year for report fields, none for plan fields).
struct column_rule {
  int column = 0;
  std::string target;
  int year = 0;
  // For an owners column: the choice field whose option may follow each
  // name ("共生福祉課B 社協A" gives each owner its grade).
  std::string grades;
};

struct sheet_layout {
  std::string sheet;  // sheet name; empty: every sheet
  int header_rows = 0;
  std::vector<row_match> skip;
  std::vector<heading_rule> headings;
  std::vector<attribute_rule> attributes;
  row_match row;
  std::vector<column_rule> columns;
  // Rows after a row that match `continuation` add their cells to it (each
  // column appended on a new line), except the columns listed here.
  bool has_continuation = false;
  row_match continuation;
  std::vector<column_rule> continuation_columns;
  // Columns a row (and its continuation rows) loses when they are empty:
  // extraction noise that shifts every later column right by one.
  std::vector<int> drop_if_empty;

  // The rightmost column any rule names: a sheet narrower than that was
  // mapped with the wrong column names.
  int widest_column() const;
};

enum class unowned_rows { error, skip };

// A choice cell that is none of the options: an error, or (for extracted
// files whose letters came out garbled) a note on the entry and a warning.
enum class invalid_choices { error, note };

struct mapping {
  plan_file base;  // plan, departments, template, users; no items
  std::map<std::string, std::vector<std::string>> aliases;  // department code → other names
  std::vector<sheet_layout> sheets;
  entry_status status = entry_status::accepted;  // of the imported reports of the report year
  bool finalize_earlier_years = true;            // years before it become read-only history
  std::string same_as_before = "同左";           // empty: no such value
  bool resolve_same_as_before = true;            // copy the earlier year's value in
  std::string default_era;                       // for a bare "29年度"
  unowned_rows unowned = unowned_rows::error;
  invalid_choices bad_choices = invalid_choices::error;
};

// Parses and checks a mapping; errors name the JSON path.
result<mapping> parse_mapping(std::string_view json);
result<mapping> read_mapping_file(const std::string& path);

// A preset shipped with Matome (presets/<name>.json), found in `directory`.
result<mapping> read_preset(const std::string& directory, std::string_view name);

}  // namespace matome::import
