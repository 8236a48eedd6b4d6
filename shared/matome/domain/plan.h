#pragma once
// A plan (計画) and the things it is made of: departments, the item tree and
// its report template. Ids are assigned by the server's store; clients keep
// the same ids in their replicas.

#include <cstdint>
#include <string>
#include <vector>

#include "matome/domain/error.h"
#include "matome/domain/report_template.h"

namespace matome {

using record_id = std::int64_t;

struct department {
  record_id id = 0;
  std::string code;       // short stable key, also used in file formats: "kyosei"
  std::string name;       // printed name: "共生福祉課", "社協"
  bool external = false;  // an outside body (社会福祉協議会), not a city department
};

// Where a re-listed item (再掲) appears besides its own place in the tree.
struct relisting {
  record_id parent_id = 0;
  std::string label;  // the number printed at that place
};

struct plan_item {
  record_id id = 0;
  record_id parent_id = 0;  // 0 at the top level
  int level = 0;            // index into plan::level_names
  int position = 0;         // order among its siblings
  std::string label;        // as printed: "1", "I-1", "①", "(2)", "No.12"
  std::string title;
  std::string description;
  std::string page_ref;               // "計画書P57"
  std::vector<record_id> owner_ids;   // departments reporting on this row
  std::vector<relisting> relistings;  // other branches that list this row too
};

struct plan {
  record_id id = 0;
  std::string code;  // stable key, e.g. "kitamoto-chiiki-fukushi"
  std::string title;
  std::string city;
  int first_year = 0;  // Western fiscal years, inclusive
  int last_year = 0;
  int report_year = 0;                   // the fiscal year currently being reported
  std::vector<std::string> level_names;  // 基本目標 › 施策 › 取組 › 事業
  bool department_check = false;         // entries pass a 課内確認 before the coordinator
  report_template tmpl;
  // How the report prints (docs/file-formats.md, "Report layout"), as JSON;
  // empty: the default layout made from the template.
  std::string report_layout;

  bool contains_year(int year) const { return year >= first_year && year <= last_year; }
  // Rows are the items of the deepest level: the ones departments report on.
  bool is_row(const plan_item& item) const {
    return item.level == static_cast<int>(level_names.size()) - 1;
  }
};

// Period, levels, report year and template are coherent.
result<void> validate_plan(const plan& p);

}  // namespace matome
