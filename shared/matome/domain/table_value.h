#pragma once
// A table field's value: rows of typed columns stored as one cell, so a
// table syncs, conflicts and resolves like any other value. The stored text
// is canonical JSON — an array of objects, every column of the template in
// its order, all strings, no spaces — so two equal tables are two equal
// strings, which is what the merge rules compare:
//   [{"heading":"見守り","text":"…"},{"heading":"交流","text":"…"}]

#include <string>
#include <string_view>
#include <vector>

#include "matome/domain/error.h"
#include "matome/domain/report_template.h"

namespace matome {

using table_row = std::vector<std::string>;  // one value per column, in column order

// Columns present, keys unique, types a table can hold, options for choices.
result<void> validate_table_columns(const template_field& field);

// The rows of a stored (or typed) table value; empty text is no rows.
// Accepts any JSON spacing and member order; refuses unknown columns and
// values that are not strings.
result<std::vector<table_row>> parse_table_value(const template_field& field,
                                                 std::string_view text);

// The canonical text of `rows` (empty for no rows).
std::string write_table_value(const template_field& field, const std::vector<table_row>& rows);

// `text` parsed and written again: what a client stores for what a user typed.
result<std::string> canonical_table_value(const template_field& field, std::string_view text);

// What is stored for a value typed into `field`: for a table its canonical
// text when it parses (any JSON spacing and member order), otherwise the
// value as it is, for validate_value to judge. Every client writes through it.
std::string stored_form(const template_field* field, std::string_view typed);

// Whether `text` is a canonical table whose every cell its column allows.
result<void> validate_table_value(const template_field& field, std::string_view text);

// The columns as stored in the database and written in plan files and
// mappings: [{"key","label","type","options":[…],"max_length","required"}].
std::string write_table_columns(const std::vector<table_column>& columns);
result<std::vector<table_column>> parse_table_columns(std::string_view json);

// One line per row (no line break after the last), columns joined by " ｜ ", for a terminal and for
// showing two tables side by side, row by row, in a conflict.
std::string table_as_text(const template_field& field, std::string_view text);

}  // namespace matome
