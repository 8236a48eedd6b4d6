#pragma once
#include <functional>
#include <string>

namespace matome {

// UTC now as ISO 8601 with milliseconds: "2026-11-24T08:54:46.123Z".
std::string utc_now_iso();

// The store's source of timestamps; tests pass a fixed one.
using clock_fn = std::function<std::string()>;

}  // namespace matome
