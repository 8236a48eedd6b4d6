#include "matome/auth/password.h"

#include <sodium.h>

namespace matome {
namespace {

void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw failure(errc::storage, "libsodium could not be initialised");
}

}  // namespace

result<std::string> hash_password(std::string_view password, hash_cost cost) {
  ensure_sodium();
  if (password.empty()) return make_error(errc::invalid_value, "パスワードが空です。");
  const bool minimal = cost == hash_cost::minimal;
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(
          out, password.data(), password.size(),
          minimal ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
          minimal ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE,
          crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return make_error(errc::storage, "not enough memory to hash the password");
  }
  return std::string(out);
}

bool verify_password(std::string_view stored_hash, std::string_view password) {
  ensure_sodium();
  const std::string hash(stored_hash);  // crypto_pwhash_str_verify needs a C string
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace matome
