#include "matome/sync/change.h"

namespace matome {

std::string_view to_string(outcome_kind kind) {
  switch (kind) {
    case outcome_kind::applied:
      return "applied";
    case outcome_kind::conflict:
      return "conflict";
    case outcome_kind::refused:
      return "refused";
  }
  return "refused";
}

result<outcome_kind> parse_outcome_kind(std::string_view text) {
  for (auto k : {outcome_kind::applied, outcome_kind::conflict, outcome_kind::refused}) {
    if (to_string(k) == text) return k;
  }
  return make_error(errc::invalid_value, "unknown outcome \"" + std::string(text) + "\"");
}

}  // namespace matome
