#include "matome/sync/action.h"

namespace matome {

std::string_view to_string(action_kind kind) {
  switch (kind) {
    case action_kind::transition:
      return "transition";
    case action_kind::resolve:
      return "resolve";
    case action_kind::comment:
      return "comment";
  }
  return "transition";
}

result<action_kind> parse_action_kind(std::string_view text) {
  for (auto k : {action_kind::transition, action_kind::resolve, action_kind::comment}) {
    if (to_string(k) == text) return k;
  }
  return make_error(errc::invalid_value, "unknown action kind \"" + std::string(text) + "\"");
}

}  // namespace matome
