#pragma once
// Workflow steps, conflict resolutions and comments made offline travel as
// actions: queued on the client with a unique id, sent after the cell
// changes, applied by the server at most once (a repeated id gets its first
// outcome again), exactly like cell changes.

#include <string>

#include "matome/domain/entry.h"
#include "matome/sync/change.h"

namespace matome {

enum class action_kind { transition, resolve, comment };

std::string_view to_string(action_kind kind);
result<action_kind> parse_action_kind(std::string_view text);

struct workflow_action {
  std::string action_id;  // UUID made by the client
  action_kind kind = action_kind::transition;
  entry_key entry;            // transition, comment
  std::string name;           // transition: submit, return, ...; resolve: server, incoming, merged
  record_id conflict_id = 0;  // resolve
  std::string text;           // the comment, or the merged value
  // resolve: the server version of the cell the user was shown as "theirs"
  // (0 from clients that predate it: resolved against the current value).
  version_t seen_version = 0;
};

struct action_outcome {
  std::string action_id;
  bool done = false;
  std::string reason_code;  // when not done: errc id
  std::string reason;
  bool repeated = false;
};

}  // namespace matome
