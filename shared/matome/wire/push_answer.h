#pragma once
// A push's answer in portable binary, written and read straight from
// memory. Through cereal each outcome went field by field through a string
// stream: 1,460 instructions to write it on the server's I/O thread and
// 1,970 to read it in the client, for 1,000 outcomes a batch, on the two
// cores a large push shares with the database thread. The bytes are
// exactly cereal's (PortableBinaryOutputArchive, little-endian); anything
// else (a big-endian sender, a message cut short, a size too large) is read
// by decode<push_response>(), which accepts and refuses exactly as before
// and says what is wrong.

#include <string>
#include <string_view>

#include "matome/wire/messages.h"

namespace matome::wire {

std::string encode_push_answer(const push_response& answer);
result<push_response> decode_push_answer(std::string_view bytes);

}  // namespace matome::wire
