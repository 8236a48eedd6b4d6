#pragma once
// The data behind the report, apart from its printed layout: what
// open-data rules and other tools want. No merged cells, Western years
// with the 令和 label beside them, one row per entry (wide) or per value
// (long), or JSON. Works on any store (the server's, or a replica's with
// the user's own unsent edits through `value_of`).

#include <functional>
#include <string>
#include <vector>

#include "matome/store/store.h"

namespace matome {

struct export_options {
  int year = 0;                 // the fiscal year reported on
  bool accepted_only = false;   // only entries the coordinator accepted
  record_id department_id = 0;  // one department's rows only; 0: all
  bool mark_changes = false;    // the printed report marks what changed since the last acceptance
};

// Where the values come from: a cell's value, an entry's status, and the
// departments' names.
struct export_source {
  std::function<std::string(const cell_key&)> value_of;
  std::function<entry_status(const entry_key&)> status_of;
  std::vector<department> departments;
  // Whether a report cell changed after its entry was last accepted (an
  // entry never accepted has no such changes).
  std::function<bool(const cell_key&)> changed_since_accepted;
};

// An export source on a store as it is (the server's view).
export_source store_source(store& s);

// Whether `cell_version` came after the entry's last acceptance.
inline bool after_acceptance(const entry& e, std::int64_t cell_version) {
  return e.accepted_version != 0 && cell_version > e.accepted_version;
}

struct data_table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// One row per entry of the year: the headings above the row, its number
// and title, the department and status, then every field (a year series
// one column per year, a table as its rows one per line).
data_table entries_table(const plan_index& index, const export_source& source,
                         const export_options& options);

// One row per value that is not empty: the same entry columns, then the
// field's key and label, the year it holds and the value.
data_table cells_table(const plan_index& index, const export_source& source,
                       const export_options& options);

// CSV as Excel opens it: UTF-8 with a BOM, CRLF, fields quoted when needed.
std::string to_csv(const data_table& table);

// {"plan": {...}, "year", "year_label", "entries": [{..., "values": {...}}]}
// with tables as arrays of row objects.
std::string to_json(const plan_index& index, const export_source& source,
                    const export_options& options);

// The data in `format`: "csv" (entries_table), "csv-long" (cells_table) or
// "json"; an error naming the formats for anything else.
result<std::string> write_data(std::string_view format, const plan_index& index,
                               const export_source& source, const export_options& options);

}  // namespace matome
