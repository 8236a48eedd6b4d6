#pragma once
// The printed report as lines, before any file format: a title, one or two
// header rows, a heading line per goal and policy (with its sections as
// paragraphs) and a line per row (or per owner). The XLSX writer (and the
// PDF renderer) only lay these out.

#include <string>
#include <vector>

#include "matome/report/data_export.h"
#include "matome/report/report_layout.h"

namespace matome {

struct report_line {
  enum class kind { heading, section, row };
  kind type = kind::row;
  int level = 0;                   // for a heading: its level
  std::string text;                // a heading's "1 すべての世代に…", a section's text
  std::vector<std::string> cells;  // a row's, one per column
  // A row with a table field printed as nested rows: its table rows after
  // the first (which is in `cells`), one per line, a value for every column
  // (empty outside the table's own columns).
  std::vector<std::vector<std::string>> sub_rows;
  // With marks_changes: per column, whether the cell changed since its
  // entry was last accepted; else empty.
  std::vector<bool> changed;
};

struct report_document {
  std::string title;
  std::string year_label;                  // 令和6年度
  std::vector<std::string> group_headers;  // over each column: its group ("年度計画"), or ""
  std::vector<std::string> headers;        // each column's own header ("R5", "事業名")
  std::vector<double> widths;
  // Per column: whether it is a column of a table field, printed as nested
  // rows (one line per table row, beside the row's other cells).
  std::vector<bool> nested;
  bool landscape = true;
  bool marks_changes = false;  // changed cells are shaded; the title page says so
  std::vector<report_line> lines;

  // Whether the header is two rows (a series grouped under its header).
  bool two_header_rows() const;
  bool has_nested() const;
  // The last column of the header group that starts at column `c` (`c`
  // itself for a column with no group): a series' years share one header.
  std::size_t group_end(std::size_t c) const;
};

report_document build_report(const plan_index& index, const export_source& source,
                             const report_layout& layout, const export_options& options);

}  // namespace matome
