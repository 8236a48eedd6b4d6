#include "matome/client/replica_source.h"

namespace matome::client {

export_source replica_source(replica& local) {
  return {[&local](const cell_key& k) { return local.value_of(k); },
          [&local](const entry_key& k) { return local.db().find_entry(k).status; },
          local.db().departments()};
}

}  // namespace matome::client
