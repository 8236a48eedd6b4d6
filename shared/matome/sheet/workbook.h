#pragma once
// A spreadsheet as the importer sees it: sheets of rows of text cells, with
// merged ranges. Every reader (CSV, TSV, XLSX) produces this, so the mapping
// that turns a sheet into a plan never cares where the sheet came from.

#include <string>
#include <string_view>
#include <vector>

#include "matome/domain/error.h"

namespace matome::sheet {

// A rectangle of cells, 0-based and inclusive, that the file merged into one.
struct merged_range {
  int first_row = 0;
  int first_column = 0;
  int last_row = 0;
  int last_column = 0;

  bool contains(int row, int column) const {
    return row >= first_row && row <= last_row && column >= first_column && column <= last_column;
  }
};

struct worksheet {
  std::string name;
  std::vector<std::vector<std::string>> rows;  // UTF-8 text, as displayed
  std::vector<merged_range> merges;

  // The cell's text; "" past the end of a row or the sheet.
  const std::string& at(int row, int column) const;
  // The text the importer reads at (row, column): a merged range's text in
  // its first column on every row it spans (a heading merged down over its
  // rows applies to each of them), and nothing in the columns it covers to
  // the right (a title merged across is one cell, not a copy per column).
  const std::string& shown(int row, int column) const;
};

struct workbook {
  std::vector<worksheet> sheets;
};

// "A" for 0, "Z" for 25, "AA" for 26: the column names people see in Excel.
std::string column_name(int column);
// The 0-based column named "A", "AB", ... (case-insensitive), or an error.
result<int> parse_column(std::string_view name);
// "Sheet1!F23" for sheet "Sheet1", row 22, column 5: where a problem is.
std::string cell_address(std::string_view sheet, int row, int column);

}  // namespace matome::sheet
