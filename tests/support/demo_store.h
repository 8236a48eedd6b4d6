#pragma once
// The demo plan (shared/demo/) imported into a fresh store, for tests that
// export or print a whole plan.
#include "matome/plan_file/plan_file.h"
#include "matome/store/store.h"
#include "support/temp_dir.h"

namespace matome::test {

struct demo_store {
  temp_dir dir;
  store s = store::open(dir.file("demo.db")).value();
  record_id plan_id =
      import_plan_file(s, std::string(MATOME_DEMO_PLAN), hash_cost::minimal).value().plan_id;
  plan_index index = s.load_plan_index(plan_id).value();
};

}  // namespace matome::test
