#pragma once
// Turning a workbook into a plan file with a mapping, and reporting every
// problem with the cell it is in before anything is written. The plan file
// then goes through the plan file import (one transaction, the real apply
// and workflow), so a sheet import is checked like any other edit.

#include <map>
#include <string>
#include <vector>

#include "matome/import/mapping.h"
#include "matome/plan_file/plan_file.h"
#include "matome/sheet/workbook.h"

namespace matome {
class store;
}

namespace matome::import {

enum class severity {
  error,    // the import cannot go on until the file or the mapping is fixed
  warning,  // imported, but not as written (a note kept, a row left out)
};

struct import_problem {
  severity level = severity::error;
  std::string where;  // "Sheet1!F23"; empty for the whole file
  std::string message;
};

// What an import would create, counted from the plan file it built.
struct import_counts {
  std::vector<int> items_per_level;  // headings of each level, rows on the last
  int rows = 0;
  int shared_rows = 0;                          // rows with more than one owner
  std::map<std::string, int> rows_per_owner;    // department name → rows it reports on
  std::map<std::string, int> values_per_field;  // field label → values (plan and report)
  std::map<int, int> values_per_year;           // fiscal year → report values and series cells
  std::map<std::string, std::map<std::string, int>> grades;  // department → grade → rows
  int plan_values = 0;
  int report_values = 0;
  int notes = 0;
};

struct sheet_import {
  plan_file file;
  std::vector<import_problem> problems;

  bool has_errors() const;
  import_counts counts() const;
};

// Reads every sheet the mapping names. Never throws, never writes.
sheet_import build_plan_file(const sheet::workbook& book, const mapping& m);

// Writes what build_plan_file made, in one transaction, or nothing: refused
// while any problem is an error. A plan imported before is updated (rows
// matched by their label path), so the same file twice adds nothing.
result<import_summary> write_import(matome::store& s, const sheet_import& built,
                                    hash_cost cost = hash_cost::interactive);

// The dry run as text for a terminal: what would be created and every
// problem with its cell.
std::string describe(const sheet_import& result);
// Only what would be created (levels, rows, departments, values per field
// and year), for a view that lists the problems in a table of its own.
std::string describe_plan(const sheet_import& result);

}  // namespace matome::import
