#pragma once
// An entry is one department's report on one row for one fiscal year, and the
// workflow it goes through. The transition table is the single source of
// truth for who may move an entry where; server and client both consult it.

#include <optional>
#include <string_view>

#include "matome/domain/error.h"
#include "matome/domain/plan.h"

namespace matome {

enum class role {
  member,       // department staff (担当課)
  chief,        // section chief: approves the 課内確認 when the plan has one
  coordinator,  // merges, returns, accepts, finalizes
  admin,        // runs the server; no report rights by itself
};

enum class entry_status {
  not_started,  // 未着手
  draft,        // 作成中
  checking,     // 課内確認中 (only in plans with department_check)
  submitted,    // 提出済
  returned,     // 差戻し
  accepted,     // 確定
};

enum class entry_action {
  edit,       // a department writes a report cell
  submit,     // department → coordinator (or → 課内確認)
  approve,    // chief approves the 課内確認
  send_back,  // chief sends it back to the author
  accept,     // coordinator accepts
  return_,    // coordinator returns it with a comment (差戻し)
  reopen,     // coordinator reopens an accepted entry
};

std::string_view to_string(role r);
std::string_view to_string(entry_status s);
std::string_view to_string(entry_action a);
std::string_view label_ja(entry_status s);  // 未着手, 作成中, ...
result<role> parse_role(std::string_view text);
result<entry_status> parse_entry_status(std::string_view text);
result<entry_action> parse_entry_action(std::string_view text);

struct entry_key {
  record_id item_id = 0;
  record_id department_id = 0;
  int year = 0;
  auto operator<=>(const entry_key&) const = default;
};

struct entry {
  entry_key key;
  entry_status status = entry_status::not_started;
  std::int64_t version = 0;  // sequence number of the last status change
  // Sequence number of its last acceptance (0: never accepted): a cell
  // numbered after it changed since the last accepted version.
  std::int64_t accepted_version = 0;
};

// The status after `action`, or why it is not allowed: illegal_transition for
// a step the workflow does not have from `from`, forbidden for the wrong role.
// `department_check` is the plan's 課内確認 switch.
result<entry_status> next_status(entry_status from, entry_action action, role actor,
                                 bool department_check);

// Departments write report cells only while the entry is theirs to write.
bool department_may_edit(entry_status s);

}  // namespace matome
