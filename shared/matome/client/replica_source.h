#pragma once
// The report and data exports read a replica as the user sees it: the
// server's values with the user's own unsent edits over them.
#include "matome/client/replica.h"
#include "matome/report/data_export.h"

namespace matome::client {

// `local` must outlive the source.
export_source replica_source(replica& local);

}  // namespace matome::client
