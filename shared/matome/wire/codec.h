#pragma once
// Encoding and decoding of wire messages. decode() never throws: malformed
// input, wrong types, invalid UTF-8, excessive nesting and a newer protocol
// all come back as an error that names the problem.
//
// Binary is decoded from a server's response or a verified bundle; even so
// a size in it never allocates more than the rest of the message could
// hold (bounded_binary.h), so a corrupt or hostile one is an error too.

#include <cereal/archives/json.hpp>
#include <cereal/archives/portable_binary.hpp>
#include <sstream>
#include <string>
#include <string_view>

#include "matome/util/json_text.h"
#include "matome/util/utf8.h"
#include "matome/wire/serialize.h"

namespace matome::wire {

enum class format { json, binary };

// What every JSON message from outside must pass before a parser sees it:
// valid UTF-8, nesting within max_json_depth, and whole numbers only.
// Matome's messages hold no fractions, and RapidJSON 1.1's floating-point
// parsing has undefined behaviour on crafted exponents such as 0e151
// (found by tests/fuzz).
result<void> check_json_message(std::string_view text);

template <class Message>
std::string encode(const Message& message, format f) {
  std::ostringstream out;
  auto& m = const_cast<Message&>(message);  // cereal's serialize() is shared by save and load
  if (f == format::json) {
    cereal::JSONOutputArchive archive(out, cereal::JSONOutputArchive::Options::NoIndent());
    m.serialize(archive);
  } else {
    cereal::PortableBinaryOutputArchive archive(out);
    m.serialize(archive);
  }
  return std::move(out).str();
}

template <class Message>
result<Message> decode(std::string_view bytes, format f) {
  Message message;
  if (f == format::json) {
    if (auto ok = check_json_message(bytes); !ok) return ok.error();
  }
  try {
    std::istringstream in{std::string(bytes)};
    if (f == format::json) {
      cereal::JSONInputArchive archive(in);
      message.serialize(archive);
    } else {
      const detail::reading_binary sizes_checked_against(in);
      cereal::PortableBinaryInputArchive archive(in);
      message.serialize(archive);
    }
  } catch (const std::exception& e) {
    return make_error(errc::invalid_argument, std::string("malformed message: ") + e.what());
  }
  if (auto ok = check_protocol(message.protocol); !ok) return ok.error();
  return message;
}

}  // namespace matome::wire
