#include "matome/report/report_xlsx.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>

#include "matome/util/utf8.h"

namespace matome {
namespace {

// Lines a wrapped cell needs at `width` characters (a full-width character
// counts two, as Excel measures).
int lines_needed(const std::string& text, double width) {
  int lines = 0;
  double used = 0;
  bool any = false;
  for (char32_t c : utf8_decode(text)) {
    if (c == U'\n') {
      ++lines;
      used = 0;
      continue;
    }
    any = true;
    used += c < 0x2E80 ? 1 : 2;
    if (used > width) {
      ++lines;
      used = c < 0x2E80 ? 1 : 2;
    }
  }
  return any || lines > 0 ? lines + 1 : 1;
}

// A row whose table prints as nested rows: a sheet row per table row, the
// row's other cells merged down beside them. Returns the next free row.
lxw_row_t write_nested_row(lxw_worksheet* ws, lxw_row_t row, const report_document& doc,
                           const report_line& line, lxw_format* body, lxw_format* changed) {
  const std::size_t columns = std::min(doc.headers.size(), line.cells.size());
  const std::size_t subs = 1 + line.sub_rows.size();
  auto text = [&](std::size_t k, std::size_t c) -> const std::string& {
    return k == 0 ? line.cells[c] : line.sub_rows[k - 1][c];
  };
  auto format = [&](std::size_t c) {
    return c < line.changed.size() && line.changed[c] ? changed : body;
  };
  std::vector<int> lines(subs, 1);
  int others = 1;
  for (std::size_t c = 0; c < columns; ++c) {
    if (!doc.nested[c]) {
      others = std::max(others, lines_needed(line.cells[c], doc.widths[c]));
      continue;
    }
    for (std::size_t k = 0; k < subs; ++k)
      lines[k] = std::max(lines[k], lines_needed(text(k, c), doc.widths[c]));
  }
  int total = 0;
  for (int n : lines) total += n;
  if (others > total) lines.back() += others - total;
  const auto last = static_cast<lxw_row_t>(row + subs - 1);
  for (std::size_t c = 0; c < columns; ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    if (!doc.nested[c]) {
      worksheet_merge_range(ws, row, col, last, col, line.cells[c].c_str(), format(c));
      continue;
    }
    for (std::size_t k = 0; k < subs; ++k)
      worksheet_write_string(ws, static_cast<lxw_row_t>(row + k), col, text(k, c).c_str(),
                             format(c));
  }
  for (std::size_t k = 0; k < subs; ++k)
    worksheet_set_row(ws, static_cast<lxw_row_t>(row + k), std::min(409.0, 15.0 * lines[k]),
                      nullptr);
  return last + 1;
}

}  // namespace

result<void> write_report_xlsx(const report_document& doc, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (wb == nullptr) return make_error(errc::storage, path + " を作れません。");
  lxw_worksheet* ws = workbook_add_worksheet(wb, doc.year_label.c_str());

  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 14);
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_border(header, LXW_BORDER_THIN);
  format_set_bg_color(header, 0xE8EAED);
  format_set_align(header, LXW_ALIGN_CENTER);
  format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(header);
  lxw_format* heading = workbook_add_format(wb);
  format_set_bold(heading);
  format_set_border(heading, LXW_BORDER_THIN);
  format_set_bg_color(heading, 0xF1F3F4);
  format_set_text_wrap(heading);
  format_set_align(heading, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* section = workbook_add_format(wb);
  format_set_border(section, LXW_BORDER_THIN);
  format_set_text_wrap(section);
  format_set_align(section, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* body = workbook_add_format(wb);
  format_set_border(body, LXW_BORDER_THIN);
  format_set_text_wrap(body);
  format_set_align(body, LXW_ALIGN_VERTICAL_TOP);
  // Changed since the last acceptance: the PDF's shade.
  lxw_format* changed = workbook_add_format(wb);
  format_set_border(changed, LXW_BORDER_THIN);
  format_set_text_wrap(changed);
  format_set_align(changed, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color(changed, 0xFFE99E);

  const auto columns = static_cast<lxw_col_t>(doc.headers.size());
  const lxw_col_t last = columns == 0 ? 0 : columns - 1;
  for (lxw_col_t c = 0; c < columns; ++c) worksheet_set_column(ws, c, c, doc.widths[c], nullptr);
  double total_width = 0;
  for (double w : doc.widths) total_width += w;

  lxw_row_t row = 0;
  worksheet_merge_range(ws, row, 0, row, last, doc.title.c_str(), title);
  if (doc.marks_changes) {
    worksheet_merge_range(ws, row + 1, 0, row + 1, last,
                          "網掛けの欄は、前回確定したあとに変更された内容です。", nullptr);
  }
  row += 2;
  const lxw_row_t first_header = row;
  if (doc.two_header_rows()) {
    // A group header merged over its columns (年度計画 over R2…R6); a column
    // of its own spans both rows.
    for (lxw_col_t c = 0; c < columns;) {
      const auto end = static_cast<lxw_col_t>(doc.group_end(c));
      if (doc.group_headers[c].empty()) {
        worksheet_merge_range(ws, row, c, row + 1, c, doc.headers[c].c_str(), header);
      } else {
        if (end > c) {
          worksheet_merge_range(ws, row, c, row, end, doc.group_headers[c].c_str(), header);
        } else {
          worksheet_write_string(ws, row, c, doc.group_headers[c].c_str(), header);
        }
        for (lxw_col_t k = c; k <= end; ++k) {
          worksheet_write_string(ws, row + 1, k, doc.headers[k].c_str(), header);
        }
      }
      c = end + 1;
    }
    row += 2;
  } else {
    for (lxw_col_t c = 0; c < columns; ++c) {
      worksheet_write_string(ws, row, c, doc.headers[c].c_str(), header);
    }
    row += 1;
  }
  const lxw_row_t last_header = row - 1;
  worksheet_freeze_panes(ws, row, 0);

  for (const auto& line : doc.lines) {
    if (line.type != report_line::kind::row) {
      lxw_format* format = line.type == report_line::kind::heading ? heading : section;
      worksheet_merge_range(ws, row, 0, row, last, line.text.c_str(), format);
      worksheet_set_row(ws, row, 15.0 * lines_needed(line.text, total_width), nullptr);
      ++row;
      continue;
    }
    if (!line.sub_rows.empty()) {
      row = write_nested_row(ws, row, doc, line, body, changed);
      continue;
    }
    int lines = 1;
    for (lxw_col_t c = 0; c < columns && c < line.cells.size(); ++c) {
      const bool marked = c < line.changed.size() && line.changed[c];
      worksheet_write_string(ws, row, c, line.cells[c].c_str(), marked ? changed : body);
      lines = std::max(lines, lines_needed(line.cells[c], doc.widths[c]));
    }
    worksheet_set_row(ws, row, std::min(409.0, 15.0 * lines), nullptr);
    ++row;
  }

  worksheet_set_paper(ws, 9);  // A4
  if (doc.landscape) {
    worksheet_set_landscape(ws);
  } else {
    worksheet_set_portrait(ws);
  }
  worksheet_fit_to_pages(ws, 1, 0);  // the page's width, as many pages down as it takes
  worksheet_repeat_rows(ws, first_header, last_header);
  worksheet_set_footer(ws, "&C&P / &N");
  worksheet_set_header(ws, ("&L" + doc.title).c_str());
  if (workbook_close(wb) != LXW_NO_ERROR) {
    return make_error(errc::storage, path + " に書き込めません。");
  }
  return {};
}

}  // namespace matome
