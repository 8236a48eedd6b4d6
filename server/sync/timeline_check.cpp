#include "sync/timeline_check.h"

#include <spdlog/spdlog.h>

namespace matome::server {

std::string timeline_seen_by(store& s, std::int64_t client_cursor) {
  const auto last = s.last_seq();
  if (client_cursor <= last) return s.timeline();
  sqlite::transaction tx(s.db());
  // Checked again inside the write transaction: one new timeline per rewind.
  if (client_cursor <= s.last_seq()) return s.timeline();
  const auto id =
      s.start_timeline("a client had seen sequence number " + std::to_string(client_cursor) +
                       ", the database only " + std::to_string(last) + ": restored or rolled back");
  tx.commit();
  spdlog::warn(
      "a client had seen change {} but the database ends at {}: it was restored or rolled back."
      " Started timeline {}; clients pull again and resend what they still hold",
      client_cursor, last, id);
  return id;
}

}  // namespace matome::server
