#pragma once
// The change feed's queries (store::pull), here so a test can check how
// SQLite runs them. ?1 cursor, ?2 plan, ?3 everything, ?4 department,
// ?5 limit. A department sees plan cells (department 0) and its own rows.
//
// Each walks its table's sequence index from the cursor and stops at the
// limit, so a pull costs what is new, not the size of the plan. CROSS JOIN
// keeps that order: with a plain JOIN SQLite chose to go through the plan's
// items and every cell of each, then sort, on every pull.

#include <string_view>

namespace matome::feed_queries {

// Cells come in runs, one per department (0: the plan's cells), each read
// from cells_by_department and merged by number as it is read
// (store::pull): a department's pull reads the plan's run and its own, a
// coordinator's every department's. So a department walks only what it
// may see, and the server writes one feed index per cell, not two.
constexpr std::string_view department_cells =
    "SELECT c.item_id, c.department_id, c.year, c.field, c.value, c.version FROM cells c"
    " CROSS JOIN items i ON i.id = c.item_id"
    " WHERE c.department_id = ?4 AND c.version > ?1 AND i.plan_id = ?2"
    " ORDER BY c.version LIMIT ?5";
// The departments that have cells, one seek each: the next after ?1.
constexpr std::string_view next_cell_department =
    "SELECT department_id FROM cells WHERE department_id > ?1 ORDER BY department_id LIMIT 1";
constexpr std::string_view entries =
    "SELECT e.item_id, e.department_id, e.year, e.status, e.version, e.accepted_version FROM "
    "entries e"
    " CROSS JOIN items i ON i.id = e.item_id"
    " WHERE e.version > ?1 AND i.plan_id = ?2 AND (?3 OR e.department_id = ?4)"
    " ORDER BY e.version LIMIT ?5";
// A settled conflict goes only to a replica that may hold it open: one
// whose cursor is at or past its opening (schema step 15).
constexpr std::string_view conflicts =
    "SELECT c.id FROM conflicts c CROSS JOIN items i ON i.id = c.item_id"
    " WHERE c.seq > ?1 AND i.plan_id = ?2 AND (?3 OR c.department_id = ?4)"
    " AND (c.resolved_value IS NULL OR c.opened_seq <= ?1)"
    " ORDER BY c.seq LIMIT ?5";
constexpr std::string_view comments =
    "SELECT c.id, c.item_id, c.department_id, c.year, c.author, c.body, c.at, c.seq FROM comments c"
    " CROSS JOIN items i ON i.id = c.item_id"
    " WHERE c.seq > ?1 AND i.plan_id = ?2 AND (?3 OR c.department_id = ?4)"
    " ORDER BY c.seq LIMIT ?5";

}  // namespace matome::feed_queries
