#pragma once
// What travels between a client and the server, and what the server keeps
// about each change: its outcome (for idempotent retries), the history row
// and, when two sides changed the same cell, the conflict.

#include <string>

#include "matome/domain/cell.h"

namespace matome {

struct cell_change {
  std::string change_id;  // globally unique, made by the client (UUID)
  cell_key key;
  version_t base_version = 0;  // the version the client's edit was based on
  std::string value;
};

enum class outcome_kind {
  applied,   // stored; version is the cell's new (or unchanged current) version
  conflict,  // nothing overwritten; conflict_id names the stored conflict
  refused,   // rights or validation; reason says why
};

std::string_view to_string(outcome_kind kind);
result<outcome_kind> parse_outcome_kind(std::string_view text);

struct change_outcome {
  std::string change_id;
  outcome_kind kind = outcome_kind::applied;
  version_t version = 0;         // applied: the cell's version now
  record_id conflict_id = 0;     // conflict
  std::string server_value;      // conflict: the value the server has
  version_t server_version = 0;  // conflict: its version
  std::string reason_code;       // refused: errc id ("forbidden", "locked", ...)
  std::string reason;            // refused: message for the user
  bool repeated = false;         // this change id had been received before
};

struct history_record {
  version_t seq = 0;
  cell_key key;
  std::string change_id;
  std::string old_value;
  std::string new_value;
  std::string user;
  std::string device;
  std::string at;  // UTC, ISO 8601
};

struct conflict_record {
  record_id id = 0;
  cell_key key;
  std::string change_id;
  version_t base_version = 0;
  std::string base_value;
  version_t server_version = 0;
  std::string server_value;
  std::string incoming_value;
  std::string user;  // who sent the incoming value
  std::string device;
  std::string created_at;
  // Who wrote the server's value, and when (the history's row for it).
  std::string server_user;
  std::string server_at;
  bool resolved = false;
  std::string resolved_value;
  std::string resolved_by;
  std::string resolved_at;
};

}  // namespace matome
