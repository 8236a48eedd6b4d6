#include "auth/device_tokens.h"

#include <sodium.h>

#include "matome/util/digest.h"
#include "matome/util/utf8.h"

namespace matome::server {
namespace {

constexpr std::string_view token_prefix = "mt_";

// Stored instead of the token: a stolen database does not sign anyone in.
std::string hash_token(std::string_view token) {
  return content_digest(token, 32);
}

std::string new_token() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char text[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(text, sizeof text, bytes, sizeof bytes,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return std::string(token_prefix) + text;
}

}  // namespace

result<std::string> issue_device_token(store& s, const user_account& user,
                                       std::string_view device_name, std::string_view public_key) {
  if (sodium_init() < 0) return make_error(errc::storage, "libsodium could not be initialised");
  if (device_name.empty() || device_name.size() > 100 || !is_valid_utf8(device_name)) {
    return make_error(errc::invalid_argument,
                      "\"device\" must name this computer in 1 to 100 bytes of UTF-8");
  }
  if (!public_key.empty()) {
    unsigned char key[crypto_sign_PUBLICKEYBYTES];
    std::size_t length = 0;
    if (sodium_base642bin(key, sizeof key, public_key.data(), public_key.size(), nullptr, &length,
                          nullptr, sodium_base64_VARIANT_ORIGINAL) != 0 ||
        length != sizeof key) {
      return make_error(errc::invalid_argument,
                        "\"public_key\" must be an Ed25519 public key in base64");
    }
  }
  const std::string token = new_token();
  const std::string now = utc_now_iso();
  if (!public_key.empty()) {
    // A device signing in again (a renewed sign-in, or after its token was
    // revoked) keeps its row and key; its old token stops working.
    auto known = s.db().prepare("SELECT id, user_id FROM devices WHERE public_key = ?");
    known.bind(1, public_key);
    if (known.step()) {
      if (known.int64(1) != user.id) {
        return make_error(errc::forbidden,
                          "この端末の鍵は別のユーザーに登録されています。ユーザーごとに別の"
                          "データフォルダーを使ってください。");
      }
      auto renew = s.db().prepare(
          "UPDATE devices SET name = ?, token_hash = ?, last_seen_at = ?, revoked_at = NULL"
          " WHERE id = ?");
      renew.bind(1, device_name).bind(2, hash_token(token)).bind(3, now).bind(4, known.int64(0));
      renew.run();
      return token;
    }
  }
  auto stmt = s.db().prepare(
      "INSERT INTO devices(user_id, name, token_hash, created_at, last_seen_at, public_key)"
      " VALUES (?, ?, ?, ?, ?, ?)");
  stmt.bind(1, user.id).bind(2, device_name).bind(3, hash_token(token)).bind(4, now).bind(5, now);
  if (public_key.empty()) {
    stmt.bind_null(6);
  } else {
    stmt.bind(6, public_key);
  }
  stmt.run();
  return token;
}

result<session> authenticate_token(store& s, std::string_view token) {
  const auto unauthenticated = make_error(errc::unauthenticated,
                                          "サインインが必要です（トークンが無効か、取り消されていま"
                                          "す）。もう一度ログインしてください。");
  if (!token.starts_with(token_prefix) || token.size() > 100) return unauthenticated;
  auto stmt = s.db().prepare(
      "SELECT d.id, d.name, d.last_seen_at, u.login FROM devices d JOIN users u ON u.id = d.user_id"
      " WHERE d.token_hash = ? AND d.revoked_at IS NULL AND u.disabled = 0");
  stmt.bind(1, hash_token(token));
  if (!stmt.step()) return unauthenticated;
  session out;
  out.device_id = stmt.int64(0);
  out.device_name = stmt.text(1);
  const std::string last_seen = stmt.text(2);
  auto user = s.find_user(stmt.text(3));
  if (!user) return unauthenticated;
  out.user = std::move(*user);
  // Remember when the device was last seen, to the minute: one write a
  // minute per device at most, not one per request.
  const std::string now = utc_now_iso();
  if (last_seen.substr(0, 16) != now.substr(0, 16)) {
    auto touch = s.db().prepare("UPDATE devices SET last_seen_at = ? WHERE id = ?");
    touch.bind(1, now).bind(2, out.device_id).run();
  }
  return out;
}

result<session> session_for_signer(store& s, std::string_view public_key) {
  auto stmt = s.db().prepare(
      "SELECT d.id, d.name, u.login FROM devices d JOIN users u ON u.id = d.user_id"
      " WHERE d.public_key = ? AND d.revoked_at IS NULL AND u.disabled = 0");
  stmt.bind(1, public_key);
  if (!stmt.step()) {
    return make_error(errc::unauthenticated,
                      "この同期ファイルの署名者は登録された端末ではないか、取り消されています。");
  }
  session out;
  out.device_id = stmt.int64(0);
  out.device_name = stmt.text(1);
  auto user = s.find_user(stmt.text(2));
  if (!user) return user.error();
  out.user = std::move(*user);
  return out;
}

signing_key server_signing_key(store& s) {
  auto stmt =
      s.db().prepare("SELECT public_key, secret_key FROM server_keys ORDER BY id DESC LIMIT 1");
  if (stmt.step()) return {stmt.text(0), stmt.text(1)};
  auto key = new_signing_key();
  auto insert = s.db().prepare(
      "INSERT INTO server_keys(public_key, secret_key, created_at) VALUES (?, ?, ?)");
  insert.bind(1, key.public_key).bind(2, key.secret_key).bind(3, utc_now_iso()).run();
  return key;
}

std::vector<device_info> list_devices(store& s) {
  std::vector<device_info> out;
  auto stmt = s.db().prepare(
      "SELECT d.id, u.login, d.name, d.created_at, d.last_seen_at, d.revoked_at IS NOT NULL"
      " FROM devices d JOIN users u ON u.id = d.user_id ORDER BY d.id");
  while (stmt.step()) {
    out.push_back({stmt.int64(0), stmt.text(1), stmt.text(2), stmt.text(3), stmt.text(4),
                   stmt.int64(5) != 0});
  }
  return out;
}

result<void> revoke_device(store& s, record_id device_id) {
  auto stmt =
      s.db().prepare("UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL");
  stmt.bind(1, utc_now_iso()).bind(2, device_id).run();
  if (s.db().changes() == 0) {
    return make_error(errc::not_found, "端末 " + std::to_string(device_id) +
                                           " は登録されていないか、取り消し済みです。");
  }
  return {};
}

}  // namespace matome::server
