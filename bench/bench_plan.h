#pragma once
// DESIGN's large plan for the benchmarks, built straight into a store: rows
// each reported on by every department, a template of long-text fields, a
// coordinator ("coord") and one member of each department ("d0", "d1", ...),
// all with the password "bench".

#include <cstddef>
#include <string>
#include <vector>

#include "matome/store/store.h"
#include "matome/sync/change.h"

namespace matome::bench {

struct sizes {
  int rows = 2000;
  int departments = 10;
  int fields = 12;
  std::size_t batch = 1000;  // the client's push batch (sync_options::push_batch)
  int settled = 10000;       // conflicts settled on one cell before the last tenth is timed
  long cells() const { return static_cast<long>(rows) * departments * fields; }
};

struct large_plan {
  record_id plan_id = 0;
  std::vector<record_id> departments;
  std::vector<record_id> rows;
  int year = 2024;
};

large_plan make_plan(store& s, const sizes& n);

// How change ids are spelled: the client's time-ordered v7, or the random
// v4 a third-party client may well send.
enum class id_shape { v7, v4 };
std::string change_id(id_shape shape);
const char* name_of(id_shape shape);

// One change for every cell of the plan, all based on version 0, with a
// typical report sentence as the value.
std::vector<cell_change> all_changes(const large_plan& p, const sizes& n,
                                     id_shape shape = id_shape::v7);

// The same cells again, `value` changed, each based on `versions[i]`.
std::vector<cell_change> rewrite(const std::vector<cell_change>& cells,
                                 const std::vector<version_t>& versions, const std::string& value);

}  // namespace matome::bench
