#pragma once
// The plan file: a self-describing JSON document holding a plan, its
// departments, report template, item tree, users and (for demos and
// migrations from Excel) existing values and entry statuses.
// Format: docs/file-formats.md. The embedded demo (shared/demo/) is one.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "matome/auth/password.h"
#include "matome/domain/entry.h"
#include "matome/domain/plan.h"

namespace matome {

inline constexpr std::string_view plan_file_format = "matome-plan";
inline constexpr int plan_file_version = 1;

struct plan_file_report {
  std::string department;  // department code
  int year = 0;
  entry_status status = entry_status::draft;
  std::string comment;  // the coordinator's comment, for a returned entry
  std::map<std::string, std::string> values;
  std::vector<std::string> notes;  // added to the entry's comment thread (import remarks)
};

struct plan_file_item {
  std::string key;  // optional, to refer to the item from a relisting
  std::string label;
  std::string title;
  std::string description;
  std::string page_ref;
  std::vector<std::string> owners;  // department codes
  std::string relist_of;            // non-empty: this node re-lists that item here
  std::map<std::string, std::string>
      plan_values;  // plan-scope field → value ("key@year" for a series)
  std::vector<plan_file_report> reports;
  std::vector<plan_file_item> children;
};

struct plan_file_user {
  std::string login;
  std::string name;
  std::string department;  // code; empty for an administrator
  role user_role = role::member;
  std::string password;
};

struct plan_file {
  plan plan_;  // id unset; template included
  std::vector<department> departments;
  std::vector<plan_file_item> items;
  std::vector<plan_file_user> users;
  std::vector<int> finalized_years;  // locked after the values are in (past years' history)
};

// Parses and checks the document's shape. Errors name the JSON path.
result<plan_file> parse_plan_file(std::string_view json);

class store;

struct import_summary {
  record_id plan_id = 0;
  int departments = 0;  // added (existing ones are not counted)
  int items = 0;
  int rows = 0;
  int users = 0;
  int cells = 0;         // values written (a value already there is not)
  bool updated = false;  // the plan was there already
};

enum class import_mode {
  create,            // a plan with the same code already there is an error
  create_or_update,  // ... is updated: items matched by their label path
};

// Writes the plan, all or nothing. Values and statuses go through the
// store's real apply and workflow, so the history shows them like any other
// edit. Updating adds what is missing and changes values that differ (on
// top of the version there), so importing the same file twice changes
// nothing the second time.
result<import_summary> import_plan_file(store& s, const plan_file& file,
                                        hash_cost cost = hash_cost::interactive,
                                        import_mode mode = import_mode::create);

// Reads, parses and imports a plan file from disk.
result<import_summary> import_plan_file(store& s, const std::string& path,
                                        hash_cost cost = hash_cost::interactive);

}  // namespace matome
