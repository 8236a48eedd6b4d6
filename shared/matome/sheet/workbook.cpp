#include "matome/sheet/workbook.h"

namespace matome::sheet {

const std::string& worksheet::at(int row, int column) const {
  static const std::string empty;
  if (row < 0 || column < 0 || row >= static_cast<int>(rows.size())) return empty;
  const auto& cells = rows[static_cast<std::size_t>(row)];
  if (column >= static_cast<int>(cells.size())) return empty;
  return cells[static_cast<std::size_t>(column)];
}

const std::string& worksheet::shown(int row, int column) const {
  static const std::string empty;
  for (const auto& m : merges) {
    if (!m.contains(row, column)) continue;
    return column == m.first_column ? at(m.first_row, m.first_column) : empty;
  }
  return at(row, column);
}

std::string column_name(int column) {
  std::string name;
  for (int n = column + 1; n > 0; n = (n - 1) / 26) {
    name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return name;
}

result<int> parse_column(std::string_view name) {
  int n = 0;
  for (char c : name) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z' || n > 100'000) {
      return make_error(
          errc::invalid_argument,
          "「" + std::string(name) + "」は列名として読めません。A、F、AB のように書いてください。");
    }
    n = n * 26 + (c - 'A' + 1);
  }
  if (n == 0)
    return make_error(errc::invalid_argument, "列名が空です。A、F、AB のように書いてください。");
  return n - 1;
}

std::string cell_address(std::string_view sheet, int row, int column) {
  return std::string(sheet) + "!" + column_name(column) + std::to_string(row + 1);
}

}  // namespace matome::sheet
