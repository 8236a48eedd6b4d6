#pragma once
// Keeps the device token (never the password) in the system keychain when
// one answers (Secret Service, KWallet), else in the local database, which
// only this user can read. The keychain is asked synchronously at sign-in
// and start-up: both are rare and short.

#include <QString>
#include <optional>
#include <string>

namespace matome::client {
class replica;
}

namespace Matome {

class TokenStore {
 public:
  // `key` names the account: user@server.
  explicit TokenStore(QString key);

  // Stores the token; returns where it went ("keychain" or "database").
  QString save(matome::client::replica& local, const std::string& token);
  std::optional<std::string> load(matome::client::replica& local);

 private:
  static bool keychainEnabled();
  QString m_key;
};

}  // namespace Matome
