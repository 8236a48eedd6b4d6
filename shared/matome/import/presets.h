#pragma once
// The mappings shipped with Matome (presets/<name>.json) and the request
// body that carries a workbook and its mapping to the server.

#include <string>
#include <string_view>
#include <vector>

#include "matome/domain/error.h"

namespace matome::import {

// Where the presets are: the installed ones, else the source tree's (a
// build run from its directory).
std::string default_presets_dir();

struct preset_info {
  std::string name;   // "sakado": what --preset takes
  std::string city;   // "坂戸市"
  std::string title;  // the plan's title
};

// Every preset in `directory`, by name; one that does not parse is left out.
std::vector<preset_info> list_presets(const std::string& directory);

// POST /api/v1/import-sheet's body (docs/api.md): the file in base64 and the
// mapping's own text.
std::string import_request_body(std::string_view file_name, std::string_view file_bytes,
                                std::string_view mapping_text, std::string_view encoding,
                                bool dry_run);

}  // namespace matome::import
