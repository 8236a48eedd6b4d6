#include "matome/sync/merge_rule.h"

namespace matome {

merge_decision decide(version_t current_version, std::string_view current_value,
                      const cell_change& change) {
  if (change.value == current_value) return merge_decision::unchanged;
  if (change.base_version == current_version) return merge_decision::apply;
  return merge_decision::conflict;
}

}  // namespace matome
