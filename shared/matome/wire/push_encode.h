#pragma once
// The client's side of push_decode.h: a push of up to 1,000 changes
// written straight into memory with rapidjson. encode<push_request>()
// writes through cereal's std::ostream wrapper, a character at a time,
// and on a two-core machine the client's encoding took CPU the server
// needed (about a tenth of both cores during a large push). The text is
// what encode() writes, without its line breaks: the same members in the
// same order, so the server's fast path reads it.

#include <string>

#include "matome/wire/messages.h"

namespace matome::wire {

std::string encode_push_request(const push_request& request);

}  // namespace matome::wire
