#pragma once
#include <string>

namespace matome {

// A random (version 4) UUID, from libsodium's CSPRNG: change ids.
std::string new_uuid();

}  // namespace matome
