#pragma once
// What a path cannot avoid, timed in the same run on the same disk with the
// same pragmas (WAL, synchronous=FULL), for the benchmarks' ratios.

#include <cstddef>
#include <filesystem>
#include <vector>

#include "matome/sync/change.h"

namespace matome::bench {

// The writes a push cannot avoid: the cell and one history row per change,
// with prepared statements, one transaction per batch. Seconds.
double baseline_apply(const std::filesystem::path& file, const std::vector<cell_change>& changes,
                      std::size_t batch);

// The local work of a first sync: every cell of `master` read and written
// into an empty file in one transaction. Seconds.
double baseline_pull(const std::filesystem::path& master, const std::filesystem::path& copy);

}  // namespace matome::bench
