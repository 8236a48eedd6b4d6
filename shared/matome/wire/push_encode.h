#pragma once
// The client's side of push_decode.h: a push of up to 1,000 changes
// written straight into memory. encode<push_request>() writes through
// cereal's std::ostream wrapper, a character at a time, and rapidjson's
// writer looks at each character of a string too; on a two-core machine
// the client's encoding took CPU the server needed (rapidjson's writer
// was 0.66 CPU-seconds of a 2.5 s push of 240,000 changes, most of it
// finding the characters to escape). The text is what encode() writes,
// without its line breaks: the same members in the same order, escaped
// byte for byte as rapidjson escapes, so the server's fast path reads it.

#include <string>

#include "matome/wire/messages.h"

namespace matome::wire {

std::string encode_push_request(const push_request& request);

}  // namespace matome::wire
