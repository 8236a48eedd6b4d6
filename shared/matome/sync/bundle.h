#pragma once
// Sync by file, for machines that never reach the server: the outbox leaves
// as a "changes" bundle, the server answers with an "answer" bundle, both
// carried by USB or through a sanitizing gateway. A bundle is plain UTF-8
// text, readable by whoever checks what crosses the gateway:
//
//   MATOME-BUNDLE 1
//   kind: changes
//   plan: 1
//   signer: <Ed25519 public key, base64>
//   created: 2026-11-24T09:00:00.000Z
//   length: <bytes of the payload>
//
//   <payload: a JSON wire message>
//   signature: <Ed25519 signature, base64, of every byte before this line>
//
// A tampered bundle fails the signature, a truncated one lacks it or its
// length: both are refused with a clear error before anything is read.
// Format: docs/file-formats.md.

#include <string>
#include <string_view>

#include "matome/domain/error.h"

namespace matome {

struct signing_key {
  std::string public_key;  // base64
  std::string secret_key;  // base64; keep it where only its owner can read
};

signing_key new_signing_key();

struct bundle {
  std::string kind;  // "changes" or "answer"
  std::int64_t plan_id = 0;
  std::string signer;  // public key, base64
  std::string created;
  std::string payload;
};

// Writes the bundle signed with `key` (whose public key becomes `signer`).
result<std::string> seal_bundle(std::string kind, std::int64_t plan_id, std::string_view payload,
                                const signing_key& key);

// Parses and checks the signature against the signer named inside. Whether
// that signer is trusted is the caller's decision (a registered device, or
// the server's key).
result<bundle> open_bundle(std::string_view text);

}  // namespace matome
