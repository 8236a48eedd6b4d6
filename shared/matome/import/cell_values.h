#pragma once
// Reading one cell of a sheet as the value of a template field: choices and
// numbers normalized, text kept exactly as written.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "matome/domain/report_template.h"
#include "matome/import/normalize.h"

namespace matome::import {

struct cell_reading {
  std::optional<std::string> value;  // nothing for an empty cell or one kept as a note
  std::string note;                  // a non-number in a number cell, kept for people
  std::string error;                 // why the text is not a value of the field
};

cell_reading read_cell_value(const template_field& field, std::string_view text);

// A shared row's cell split per owner: 【課名】 sections
// ("【共生福祉課】… 【社協】…") or, for a choice, "共生福祉課B 市長公室B 社協A".
// Nullopt when the cell is not split that way (every owner gets all of it).
std::optional<std::map<std::string, std::string>> split_per_owner(
    const template_field& field, std::string_view text, const std::vector<std::string>& owners,
    const department_names& names);

}  // namespace matome::import
