#pragma once
// Wire messages between clients and the server, serialized with cereal as
// JSON with field names (the public API; see docs/api.md) or as portable
// binary (bulk server→client transfer). Every message carries `protocol`:
// a peer that receives a newer major protocol than it knows refuses the
// message with unsupported_version instead of guessing.

#include <cstdint>
#include <string>
#include <vector>

#include "matome/domain/cell.h"
#include "matome/sync/action.h"
#include "matome/sync/change.h"
#include "matome/sync/feed.h"

namespace matome::wire {

// Bumped when a message changes incompatibly. The server answers every
// protocol from min_protocol to protocol.
inline constexpr int protocol = 1;
inline constexpr int min_protocol = 1;

struct push_request {
  int protocol = wire::protocol;
  record_id plan_id = 0;
  std::vector<cell_change> changes;
  // The server timeline the base versions belong to ("" from older clients).
  std::string timeline;

  template <class Archive>
  void serialize(Archive& ar);
};

struct push_response {
  int protocol = wire::protocol;
  std::int64_t last_seq = 0;  // the server's sequence after this batch
  std::vector<change_outcome> outcomes;

  template <class Archive>
  void serialize(Archive& ar);
};

// One page of the change feed (sync/feed.h).
struct pull_page : feed_page {
  int protocol = wire::protocol;

  template <class Archive>
  void serialize(Archive& ar);
};

// The structure of a plan: what a client needs before it can show a cell.
struct plan_snapshot {
  int protocol = wire::protocol;
  std::int64_t structure_version = 0;
  matome::plan plan;
  std::vector<department> departments;
  std::vector<plan_item> items;

  template <class Archive>
  void serialize(Archive& ar);
};

// Actions made offline, sent after the cell changes of the same sync.
struct action_request {
  int protocol = wire::protocol;
  record_id plan_id = 0;
  std::vector<workflow_action> actions;
  std::string timeline;  // as in push_request

  template <class Archive>
  void serialize(Archive& ar);
};

struct action_response {
  int protocol = wire::protocol;
  std::int64_t last_seq = 0;
  std::vector<action_outcome> outcomes;

  template <class Archive>
  void serialize(Archive& ar);
};

// The payload of a "changes" bundle: a device's outbox, with where its
// replica stands so the answer can bring exactly what it lacks.
struct bundle_changes {
  int protocol = wire::protocol;
  record_id plan_id = 0;
  std::int64_t cursor = 0;
  std::int64_t structure_version = 0;
  std::vector<cell_change> changes;
  std::vector<workflow_action> actions;
  std::string request_id;  // made at export; the answer names it
  std::string timeline;    // the server timeline of cursor and base versions
  // The scope the device's cursor was pulled with: when the server's is
  // another (the user was moved), the answer starts from the beginning.
  record_id department_id = 0;
  std::string role;

  template <class Archive>
  void serialize(Archive& ar);
};

// The payload of an "answer" bundle: the outcomes, the plan's structure if
// it changed, and every change since the device's cursor.
struct bundle_answer {
  int protocol = wire::protocol;
  push_response response;
  std::vector<action_outcome> action_outcomes;
  bool has_snapshot = false;
  plan_snapshot snapshot;
  pull_page page;
  // Whom it answers: the signing key of the device whose changes file it
  // answers, and that file's request id. A replica refuses any other.
  std::string device;
  std::string request_id;
  // The server's timeline. When it is not the file's, nothing in the file
  // was applied and `page` holds everything from the start (a restore).
  std::string timeline;
  // The user's scope now; when it is not the file's, `page` starts from 0.
  record_id department_id = 0;
  std::string role;

  template <class Archive>
  void serialize(Archive& ar);
};

// Refuses a protocol this build cannot speak, with what to do about it.
result<void> check_protocol(int received);

}  // namespace matome::wire
