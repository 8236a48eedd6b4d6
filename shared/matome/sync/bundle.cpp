#include "matome/sync/bundle.h"

#include <sodium.h>

#include <charconv>
#include <cstring>
#include <map>

#include "matome/util/clock.h"
#include "matome/util/utf8.h"

namespace matome {
namespace {

constexpr std::string_view magic = "MATOME-BUNDLE 1\n";
constexpr std::string_view signature_prefix = "signature: ";

void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw failure(errc::storage, "libsodium could not be initialised");
}

std::string to_base64(const unsigned char* bytes, std::size_t size) {
  std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes, size, sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

bool from_base64(std::string_view text, unsigned char* out, std::size_t size) {
  std::size_t written = 0;
  return sodium_base642bin(out, size, text.data(), text.size(), nullptr, &written, nullptr,
                           sodium_base64_VARIANT_ORIGINAL) == 0 &&
         written == size;
}

error refused(const std::string& why) {
  return {errc::invalid_argument,
          "この同期ファイルは受け付けられません: " + why +
              "。書き出し直したファイルを使ってください（何も変更していません）。"};
}

}  // namespace

signing_key new_signing_key() {
  ensure_sodium();
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  unsigned char sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_keypair(pk, sk);
  signing_key key{to_base64(pk, sizeof pk), to_base64(sk, sizeof sk)};
  sodium_memzero(sk, sizeof sk);
  return key;
}

result<std::string> seal_bundle(std::string kind, std::int64_t plan_id, std::string_view payload,
                                const signing_key& key) {
  ensure_sodium();
  unsigned char sk[crypto_sign_SECRETKEYBYTES];
  if (!from_base64(key.secret_key, sk, sizeof sk)) {
    return make_error(errc::invalid_argument, "the signing key is damaged; sign in again");
  }
  std::string text(magic);
  text += "kind: " + kind + "\n";
  text += "plan: " + std::to_string(plan_id) + "\n";
  text += "signer: " + key.public_key + "\n";
  text += "created: " + utc_now_iso() + "\n";
  text += "length: " + std::to_string(payload.size()) + "\n\n";
  text += payload;
  text += "\n";
  unsigned char signature[crypto_sign_BYTES];
  crypto_sign_detached(signature, nullptr, reinterpret_cast<const unsigned char*>(text.data()),
                       text.size(), sk);
  sodium_memzero(sk, sizeof sk);
  text += std::string(signature_prefix) + to_base64(signature, sizeof signature) + "\n";
  return text;
}

result<bundle> open_bundle(std::string_view text) {
  ensure_sodium();
  if (!text.starts_with(magic)) return refused("Matome の同期ファイルではありません");
  if (!is_valid_utf8(text)) return refused("文字が壊れています");
  // The header: "name: value" lines up to the blank line.
  std::map<std::string, std::string, std::less<>> header;
  std::size_t at = magic.size();
  for (;;) {
    const auto end = text.find('\n', at);
    if (end == std::string_view::npos) return refused("途中で切れています");
    const auto line = text.substr(at, end - at);
    at = end + 1;
    if (line.empty()) break;
    const auto colon = line.find(": ");
    if (colon == std::string_view::npos) return refused("見出しの行が読めません");
    header.emplace(std::string(line.substr(0, colon)), std::string(line.substr(colon + 2)));
  }
  std::size_t length = 0;
  const auto& length_text = header["length"];
  if (std::from_chars(length_text.data(), length_text.data() + length_text.size(), length).ec !=
      std::errc{}) {
    return refused("長さが読めません");
  }
  if (text.size() < at + length + 1) return refused("途中で切れています（内容が足りません）");
  const auto signed_part = text.substr(0, at + length + 1);
  auto tail = text.substr(at + length + 1);
  if (!tail.starts_with(signature_prefix)) return refused("途中で切れています（署名がありません）");
  tail.remove_prefix(signature_prefix.size());
  while (!tail.empty() && (tail.back() == '\n' || tail.back() == '\r')) tail.remove_suffix(1);

  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  unsigned char signature[crypto_sign_BYTES];
  if (!from_base64(header["signer"], pk, sizeof pk)) return refused("署名者の鍵が読めません");
  if (!from_base64(tail, signature, sizeof signature)) return refused("署名が読めません");
  if (crypto_sign_verify_detached(signature,
                                  reinterpret_cast<const unsigned char*>(signed_part.data()),
                                  signed_part.size(), pk) != 0) {
    return refused("署名が内容と一致しません（書き換えられたか、壊れています）");
  }
  bundle b;
  b.kind = header["kind"];
  b.signer = header["signer"];
  b.created = header["created"];
  b.payload = std::string(text.substr(at, length));
  if (std::from_chars(header["plan"].data(), header["plan"].data() + header["plan"].size(),
                      b.plan_id)
          .ec != std::errc{}) {
    return refused("計画の番号が読めません");
  }
  return b;
}

}  // namespace matome
