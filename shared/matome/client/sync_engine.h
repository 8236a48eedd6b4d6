#pragma once
// One sync: push the outbox, then pull every page after the cursor. Every
// step is resumable. A cut connection or a crash leaves changes in flight,
// and the next sync sends them again with the same ids (the server answers a
// repeated id with its first outcome). A page is stored in one transaction
// with the cursor that follows it.

#include "matome/client/replica.h"
#include "matome/client/transport.h"

namespace matome::client {

struct sync_report {
  int sent = 0;
  int applied = 0;
  int conflicts = 0;
  int refused = 0;
  int actions = 0;   // workflow steps, resolutions, comments sent
  int received = 0;  // rows pulled
  std::int64_t cursor = 0;
  bool scope_changed = false;  // moved to another department or role: pulled again from the start
  bool rewound = false;        // the server was restored: pulled again from the start
  int resent = 0;              // own edits and values sent again after a restore
};

struct sync_options {
  std::size_t push_batch = 1000;
  std::size_t page_size = 20000;
  // Well under the server's 16 MiB request limit. No single valid value
  // comes near it (report_template.h), so every change fits in some push.
  std::size_t push_bytes = 4 * 1024 * 1024;
};

result<sync_report> sync(replica& local, transport& server, const sync_options& options = {});

}  // namespace matome::client
