#include "matome/sheet/delimited_reader.h"

#include <algorithm>

namespace matome::sheet {

std::vector<std::vector<std::string>> parse_delimited(std::string_view text, char delimiter) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  std::size_t i = 0;
  const std::size_t n = text.size();
  auto end_row = [&] {
    row.push_back(std::move(field));
    field.clear();
    rows.push_back(std::move(row));
    row.clear();
  };
  while (i < n) {
    if (text[i] == '"' && field.empty()) {
      // A quoted field: up to the quote that is not doubled.
      ++i;
      while (i < n) {
        if (text[i] == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field.push_back(text[i++]);
      }
      // Anything between the closing quote and the delimiter stays, as Excel keeps it.
      while (i < n && text[i] != delimiter && text[i] != '\n' && text[i] != '\r') {
        field.push_back(text[i++]);
      }
      continue;
    }
    const char c = text[i];
    if (c == delimiter) {
      row.push_back(std::move(field));
      field.clear();
      ++i;
    } else if (c == '\r' || c == '\n') {
      end_row();
      i += (c == '\r' && i + 1 < n && text[i + 1] == '\n') ? 2 : 1;
    } else {
      field.push_back(c);
      ++i;
    }
  }
  if (!field.empty() || !row.empty()) end_row();
  return rows;
}

char guess_delimiter(std::string_view text) {
  const std::string_view head = text.substr(0, std::min<std::size_t>(text.size(), 64 * 1024));
  const auto tabs = std::count(head.begin(), head.end(), '\t');
  const auto commas = std::count(head.begin(), head.end(), ',');
  return tabs >= commas && tabs > 0 ? '\t' : ',';
}

}  // namespace matome::sheet
