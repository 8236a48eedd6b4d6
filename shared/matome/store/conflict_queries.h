#pragma once
// The queries that look for a cell's open conflicts on every write, here
// so a test can check how SQLite runs them. A cell fought over all year
// gathers many settled conflicts; these must not walk them, or every edit
// of that cell costs more than the last (schema step 15's partial index
// of open conflicts, conflicts_open_by_cell).

#include <string_view>

namespace matome::conflict_queries {

// Whether any conflict is open at all: most batches find none, and then
// skip follow_cell (cell_writer).
constexpr std::string_view any_open =
    "SELECT 1 FROM conflicts WHERE resolved_value IS NULL LIMIT 1";
// An open conflict follows its cell: its server side becomes the cell's
// new value (cell_writer). ?1..?4 the cell, ?5 value, ?6 version.
constexpr std::string_view follow_cell =
    "UPDATE conflicts SET server_value = ?5, server_version = ?6, seq = ?6"
    " WHERE item_id = ?1 AND department_id = ?2 AND year = ?3 AND field = ?4"
    " AND resolved_value IS NULL";

// The conflict this user already has open on the cell, which a newer
// conflicting edit of theirs folds into (store::apply). ?1..?4 the cell,
// ?5 the user.
constexpr std::string_view own_open_on_cell =
    "SELECT id FROM conflicts WHERE item_id = ?1 AND department_id = ?2 AND year = ?3"
    " AND field = ?4 AND user_name = ?5 AND resolved_value IS NULL ORDER BY id DESC LIMIT 1";

}  // namespace matome::conflict_queries
