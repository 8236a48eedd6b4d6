#pragma once
// What a user may see of a plan — cell values with versions, entry
// statuses, open conflicts and comments — as one comparable string,
// computed the same way over the server's database and over a client
// replica. Equal strings: converged. Settled conflicts are left out: a
// replica holds one only if it saw it open (feed_queries.h).
#include <string>

#include "matome/store/store.h"

namespace matome::test {

std::string visible_content(store& s, record_id plan_id, const feed_scope& scope);

}  // namespace matome::test
