// The plan file parser (plan_file/plan_file.h): a city's JSON plan.
#include <cstdint>

#include "fuzz_support.h"
#include "matome/plan_file/plan_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto parsed = matome::parse_plan_file(matome::fuzz::text(data, size));
  (void)parsed;
  return 0;
}
