#include "matome/client/replica_source.h"

namespace matome::client {

export_source replica_source(replica& local) {
  auto changed = [&local](const cell_key& k) {
    const entry e = local.db().find_entry({k.item_id, k.department_id, k.year});
    if (e.accepted_version == 0) return false;
    // An edit not sent yet is a change too: it comes after whatever the
    // server last said.
    auto unsent = local.db().db().prepare(
        "SELECT 1 FROM outbox WHERE item_id = ? AND department_id = ? AND year = ? AND field = ?");
    unsent.bind(1, k.item_id).bind(2, k.department_id).bind(3, k.year).bind(4, k.field);
    if (unsent.step()) return true;
    auto c = local.db().find_cell(k);
    return c && after_acceptance(e, c->version);
  };
  return {[&local](const cell_key& k) { return local.value_of(k); },
          [&local](const entry_key& k) { return local.db().find_entry(k).status; },
          local.db().departments(), changed};
}

}  // namespace matome::client
