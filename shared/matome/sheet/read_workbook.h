#pragma once
// One entry point for every spreadsheet a city may hand over: XLSX, CSV or
// TSV, recognised by content first and by name second. Anything else gets a
// clear error before any mapping runs.

#include <string>
#include <string_view>

#include "matome/domain/error.h"
#include "matome/sheet/text_encoding.h"
#include "matome/sheet/workbook.h"

namespace matome::sheet {

struct read_options {
  text_encoding encoding = text_encoding::detect;  // CSV and TSV only
  char delimiter = 0;                              // 0: by extension, then by content
};

// `name` is the file's name: it names a CSV's only sheet and picks the
// delimiter (".tsv", ".txt": tab; ".csv": comma).
result<workbook> read_workbook(std::string_view bytes, std::string_view name,
                               const read_options& options = {});

// Reads the file at `path` (at most 512 MiB) and then as above.
result<workbook> read_workbook_file(const std::string& path, const read_options& options = {});

}  // namespace matome::sheet
