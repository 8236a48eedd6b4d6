#pragma once
// DESIGN §3: the server applies a change when its base version is the cell's
// current version, or when the new value equals the current one. Otherwise it
// is a conflict and nothing is overwritten. Pure, so server, client and the
// convergence model in the tests share exactly this rule.

#include <string_view>

#include "matome/sync/change.h"

namespace matome {

enum class merge_decision {
  apply,      // write the value, new version, history row
  unchanged,  // the cell already holds this value: applied, no new version
  conflict,   // store a conflict, keep the current value
};

merge_decision decide(version_t current_version, std::string_view current_value,
                      const cell_change& change);

}  // namespace matome
