#pragma once
// The queries that read one key's rows of the history, here so a test can
// check how SQLite runs them. Since schema step 18 no index holds every
// history row by cell: a cell's rows are found from its version back along
// prev_seq, one lookup by number each, and only the workflow's rows have an
// index (history_of_workflow, partial: its queries must name the field as
// the literal '_status', workflow_field in cell_writer.h).

#include <string_view>

namespace matome::history_queries {

// A cell's rows, oldest first. ?1..?4 the cell. A link goes back in number
// and stays in the cell, or the walk ends there: a damaged file can neither
// loop it forever nor show another cell's rows.
constexpr std::string_view of_cell =
    "WITH RECURSIVE back(seq) AS ("
    " SELECT version FROM cells"
    " WHERE item_id = ?1 AND department_id = ?2 AND year = ?3 AND field = ?4"
    " UNION ALL SELECT h.prev_seq FROM history h JOIN back ON h.seq = back.seq"
    " WHERE h.prev_seq <> 0 AND h.prev_seq < h.seq"
    " AND h.item_id = ?1 AND h.department_id = ?2 AND h.year = ?3 AND h.field = ?4)"
    " SELECT h.seq, h.change_id, h.old_value, h.new_value, h.user_name, h.device, h.at"
    " FROM back JOIN history h ON h.seq = back.seq"
    " WHERE h.item_id = ?1 AND h.department_id = ?2 AND h.year = ?3 AND h.field = ?4"
    " ORDER BY h.seq";

// An entry's workflow steps, oldest first. ?1..?3 the entry.
constexpr std::string_view of_workflow =
    "SELECT seq, change_id, old_value, new_value, user_name, device, at FROM history"
    " WHERE item_id = ?1 AND department_id = ?2 AND year = ?3 AND field = '_status'"
    " ORDER BY seq";

}  // namespace matome::history_queries
