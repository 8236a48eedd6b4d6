#pragma once
// XLSX (Office Open XML spreadsheets) without a spreadsheet library: the file
// is a zip of XML parts, read with libzip and expat. What the importer needs
// and no more: every sheet's cell text as Excel shows it (shared and inline
// strings, numbers, percentages, dates, booleans), merged ranges, and no
// furigana (phonetic runs, <rPh>, are readings, not text).

#include <string_view>

#include "matome/domain/error.h"
#include "matome/sheet/workbook.h"

namespace matome::sheet {

// Whether the bytes start like a zip archive (an XLSX file does).
bool looks_like_zip(std::string_view bytes);

result<workbook> read_xlsx(std::string_view bytes);

}  // namespace matome::sheet
