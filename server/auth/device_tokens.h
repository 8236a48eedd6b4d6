#pragma once
// Device tokens: what a client keeps instead of a password. A login issues a
// random token named after the device; the server stores only its hash, so
// a copy of the database does not let anyone sign in. Tokens are revocable
// one by one by an administrator.

#include <string>
#include <vector>

#include "matome/store/store.h"

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
result<std::string> issue_device_token(store& s, const user_account& user,
                                       std::string_view device_name);

// The session a bearer token stands for; unauthenticated when the token is
// unknown, revoked, or its user disabled.
result<session> authenticate_token(store& s, std::string_view token);

std::vector<device_info> list_devices(store& s);
result<void> revoke_device(store& s, record_id device_id);

}  // namespace matome::server
