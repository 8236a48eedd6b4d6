#pragma once
// matome-cli import: a coordinator sends a city's workbook and its mapping
// to the server, which answers with the dry run or imports it.

#include <string>

namespace matome::cli {

struct import_request {
  std::string file;          // XLSX, CSV or TSV
  std::string mapping_file;  // a mapping (docs/file-formats.md), or
  std::string preset;        // a shipped preset's name
  std::string preset_dir;
  std::string encoding = "auto";
  bool dry_run = false;
};

// Prints the server's summary and problems (or its JSON with `json`);
// returns the exit code (docs/cli.md).
int run_import(const std::string& server, const std::string& token, const import_request& request,
               bool json);

}  // namespace matome::cli
