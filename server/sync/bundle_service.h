#pragma once
// The server's half of sync by file: a device's signed "changes" bundle in,
// a server-signed "answer" bundle out. The bundle is trusted only if its
// signer is a registered, unrevoked device; the changes are then applied
// with that device's user's rights, exactly as an online push would be. The
// same bundle imported twice changes nothing (change ids are idempotent) and
// is answered the same.

#include <set>
#include <string>
#include <string_view>

#include "matome/store/store.h"

namespace matome::server {

struct bundle_result {
  std::string answer;  // the answer bundle's text
  std::int64_t last_seq = 0;
  std::set<record_id> departments;  // whose clients should hear of it
};

result<bundle_result> answer_bundle(store& s, std::string_view bundle_text);

}  // namespace matome::server
