#pragma once
// Password hashing with libsodium's crypto_pwhash (argon2id). The stored
// string embeds algorithm, salt and cost, so costs can rise later without a
// migration.

#include <string>
#include <string_view>

#include "matome/domain/error.h"

namespace matome {

enum class hash_cost {
  interactive,  // production: libsodium's INTERACTIVE limits (~64 MiB)
  minimal,      // tests and throw-away demo databases: MIN limits, same algorithm
};

result<std::string> hash_password(std::string_view password,
                                  hash_cost cost = hash_cost::interactive);
bool verify_password(std::string_view stored_hash, std::string_view password);

}  // namespace matome
