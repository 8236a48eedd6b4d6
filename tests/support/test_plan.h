#pragma once
// A small plan built through the store's public API, for tests that need a
// plan but not the whole demo: two levels (目標 › 事業), two departments,
// one row owned by 福祉課 alone and one shared by 福祉課 and 社協.

#include "matome/store/store.h"
#include "support/temp_dir.h"

namespace matome::test {

struct small_plan {
  record_id plan_id = 0;
  record_id fukushi = 0;  // department 福祉課
  record_id shakyo = 0;   // department 社協 (external)
  record_id goal = 0;
  record_id solo_row = 0;    // owners: 福祉課
  record_id shared_row = 0;  // owners: 福祉課, 社協
  plan_index index;

  actor member_of_fukushi() const { return {"fukushi1", "pc-1", fukushi, role::member}; }
  actor member_of_shakyo() const { return {"shakyo1", "pc-2", shakyo, role::member}; }
  actor coordinator() const { return {"coord", "pc-9", fukushi, role::coordinator}; }
};

// Period FY2022–FY2026, reporting FY2023. Template: content (plan),
// marks (plan year series ●/○/×), progress (report, required),
// grade (report A/B/C, required, reason: reason), reason, users (number).
plan make_small_plan_definition();
small_plan make_small_plan(store& s);
// The same rows and departments with another definition (a plan with
// 課内確認, say).
small_plan make_small_plan(store& s, const plan& definition);

// A fixed clock, so stored timestamps are predictable.
std::string fixed_clock();

// Opens a store on a fresh file in `dir`, with the fixed clock.
store open_store(const std::filesystem::path& file);

// A fresh store file with the small plan in it; test files derive their own
// fixtures from it and add their helpers.
struct store_fixture {
  temp_dir dir;
  store s = open_store(dir.file("master.db"));
  small_plan p = make_small_plan(s);
};

}  // namespace matome::test
