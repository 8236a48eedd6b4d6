#pragma once
// What the fuzz targets share: the input as text, and a property check that
// aborts (so libFuzzer keeps the input as a crash) with a message.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace matome::fuzz {

inline std::string_view text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

inline void require(bool holds, const char* what) {
  if (holds) return;
  std::fprintf(stderr, "property violated: %s\n", what);
  std::abort();
}

}  // namespace matome::fuzz
