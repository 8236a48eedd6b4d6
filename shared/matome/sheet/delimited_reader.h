#pragma once
// CSV and TSV as Excel writes and reads them: a field that starts with a
// double quote runs to the closing quote ("" inside is one quote) and may hold
// the delimiter and line breaks; any other field runs to the next delimiter.

#include <string>
#include <string_view>
#include <vector>

namespace matome::sheet {

// Rows of fields from UTF-8 text. Lines end in LF, CRLF or CR; a last empty
// line is not a row.
std::vector<std::vector<std::string>> parse_delimited(std::string_view text, char delimiter);

// Tab when the first lines hold more tabs than commas, else comma.
char guess_delimiter(std::string_view text);

}  // namespace matome::sheet
