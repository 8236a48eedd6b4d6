#pragma once
// The change feed: everything a user may see that changed after a cursor,
// in sequence order, a page at a time. Every replicated row carries a
// distinct number from the server's single change sequence, so a cursor is
// just the last number a client has seen.

#include <cstdint>
#include <vector>

#include "matome/sync/change.h"

namespace matome {

struct comment_record {
  record_id id = 0;
  entry_key entry;
  std::string author;
  std::string body;
  std::string at;
  std::int64_t seq = 0;
};

struct feed_page {
  std::int64_t cursor = 0;             // pass this back to get the next page
  bool more = false;                   // another page follows
  std::int64_t structure_version = 0;  // changes when plan, template or items change
  std::vector<int> finalized_years;    // the complete list, small
  std::vector<cell> cells;
  std::vector<entry> entries;
  std::vector<conflict_record> conflicts;
  std::vector<comment_record> comments;

  std::size_t size() const {
    return cells.size() + entries.size() + conflicts.size() + comments.size();
  }
};

// Who is reading: a department sees the plan cells and its own entries; a
// coordinator (or an administrator's backup tooling) sees everything.
struct feed_scope {
  record_id department_id = 0;
  bool everything = false;

  static feed_scope of(const actor& who) {
    return {who.department_id, who.role == role::coordinator || who.role == role::admin};
  }
  bool operator==(const feed_scope&) const = default;
};

}  // namespace matome
