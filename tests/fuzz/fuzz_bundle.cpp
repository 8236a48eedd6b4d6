// The sync bundle reader (sync/bundle.h): a file carried by hand from a
// separated network, so anything may arrive. It must refuse or open, never
// crash; an opened bundle's payload lies within the input's size.
#include <cstdint>

#include "fuzz_support.h"
#include "matome/sync/bundle.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto opened = matome::open_bundle(matome::fuzz::text(data, size));
  if (opened) matome::fuzz::require(opened->payload.size() <= size, "payload larger than the file");
  return 0;
}
