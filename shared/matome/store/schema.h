#pragma once
// The one schema used by the server's master database and every client
// replica, with numbered migrations. PRAGMA user_version holds the number of
// the last migration applied.

#include <span>
#include <string_view>

#include "matome/domain/error.h"
#include "matome/store/sqlite.h"

namespace matome {

struct migration {
  int version;               // 1, 2, ...: user_version after this step
  std::string_view summary;  // one line, for logs
  std::string_view sql;
};

std::span<const migration> all_migrations();

// The schema version this build writes.
int current_schema_version();

// Brings the database up to `target` (default: current), each step in its own
// transaction. A database newer than this build is refused with
// unsupported_version and left untouched.
result<void> migrate(sqlite::database& db, int target = 0);

int schema_version_of(sqlite::database& db);

// Drops the cells' index that only the change feed reads (store::pull,
// the server's side of a sync), cells_by_department. A replica never
// answers a pull, and it cost a B-tree write per cell it stored. (The
// feed's other index, cells_by_version, went in schema step 17.) So a
// migration step that touches cells_by_department must say IF EXISTS.
void drop_feed_indexes(sqlite::database& db);

}  // namespace matome
