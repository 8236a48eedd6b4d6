#pragma once
// A client that has seen sequence numbers the database does not have yet
// proves the database was restored or rolled back: its numbers will be
// handed out again for other changes. The database then starts a new
// timeline (store::start_timeline), and every replica, on meeting the new
// id, pulls again from the start and sends again what the server lost.

#include <cstdint>
#include <string>

#include "matome/store/store.h"

namespace matome::server {

// The current timeline id, after starting a new one if `client_cursor` is
// beyond the database's last sequence number.
std::string timeline_seen_by(store& s, std::int64_t client_cursor);

}  // namespace matome::server
