#pragma once
// Device tokens: what a client keeps instead of a password. A login issues a
// random token named after the device; the server stores only its hash, so
// a copy of the database does not let anyone sign in. Tokens are revocable
// one by one by an administrator.

#include <string>
#include <vector>

#include "matome/store/store.h"
#include "matome/sync/bundle.h"

namespace matome::server {

struct session {
  user_account user;
  record_id device_id = 0;
  std::string device_name;

  actor as_actor() const { return {user.login, device_name, user.department_id, user.role}; }
};

struct device_info {
  record_id id = 0;
  std::string login;
  std::string name;
  std::string created_at;
  std::string last_seen_at;
  bool revoked = false;
};

// Creates a device for the user and returns its token ("mt_" + 43 chars).
// `public_key` (Ed25519, base64), when given, lets the device sign bundles.
result<std::string> issue_device_token(store& s, const user_account& user,
                                       std::string_view device_name,
                                       std::string_view public_key = {});

// The session of the device whose bundle-signing key this is; unauthenticated
// for an unknown key, a revoked device or a disabled user.
result<session> session_for_signer(store& s, std::string_view public_key);

// The server's own signing key for answer bundles, made on first use.
signing_key server_signing_key(store& s);

// The session a bearer token stands for; unauthenticated when the token is
// unknown, revoked, or its user disabled.
result<session> authenticate_token(store& s, std::string_view token);

std::vector<device_info> list_devices(store& s);
result<void> revoke_device(store& s, record_id device_id);

}  // namespace matome::server
