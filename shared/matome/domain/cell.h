#pragma once
// The cell is the unit of change and of conflict: one field of one entry, or
// one field of one plan item (one year of a year series).

#include <cstdint>
#include <string>

#include "matome/domain/entry.h"
#include "matome/domain/plan.h"

namespace matome {

using version_t = std::int64_t;  // from the server's single change sequence; 0 = never written

// Natural key, so a client can address any cell offline without asking the
// server for ids. department_id == 0 marks a plan-scope cell; then year is
// the series year for a year series and 0 otherwise. For a report cell, year
// is the fiscal year of the entry.
struct cell_key {
  record_id item_id = 0;
  record_id department_id = 0;
  int year = 0;
  std::string field;

  bool is_plan_cell() const { return department_id == 0; }
  entry_key entry() const { return {item_id, department_id, year}; }
  auto operator<=>(const cell_key&) const = default;
};

// "12/3/2023/grade" — for messages and logs.
std::string to_string(const cell_key& key);

struct cell {
  cell_key key;
  std::string value;
  version_t version = 0;
};

// Who is acting. Resolved from a device token on the server, from the signed-
// in account on the client.
struct actor {
  std::string user;
  std::string device;
  record_id department_id = 0;
  matome::role role = role::member;
};

// Shape checks that need no database state: the field exists, its scope
// matches the key, the year lies in the plan period, the value fits the type.
// Returns the field on success.
result<const template_field*> validate_cell(const plan& p, const plan_item& item,
                                            const cell_key& key, std::string_view value);

// Rights: departments write only report cells of their own rows while the
// entry is theirs to write; coordinators write anything in a year that is not
// finalized; administrators write nothing.
result<void> check_write_right(const actor& who, const plan_item& item, const cell_key& key,
                               entry_status status, bool year_finalized);

}  // namespace matome
