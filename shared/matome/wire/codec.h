#pragma once
// Encoding and decoding of wire messages. decode() never throws: malformed
// input, wrong types, invalid UTF-8, excessive nesting and a newer protocol
// all come back as an error that names the problem.
//
// Trust rule: binary is decoded only from a trusted source (a server's
// response, a bundle whose signature was verified). cereal's binary loader
// sizes strings and vectors from the input, so untrusted input goes as JSON.

#include <cereal/archives/json.hpp>
#include <cereal/archives/portable_binary.hpp>
#include <sstream>
#include <string>
#include <string_view>

#include "matome/util/utf8.h"
#include "matome/wire/serialize.h"

namespace matome::wire {

enum class format { json, binary };

// JSON documents nested deeper than this are refused before parsing: the
// parser recurses, and a body of a million '[' must not exhaust the stack.
inline constexpr int max_json_depth = 64;

bool json_nesting_within(std::string_view text, int max_depth);

// False when a number outside strings has a fraction or an exponent (1.5,
// 0e151). Matome's messages hold whole numbers only, and RapidJSON 1.1's
// floating-point parsing has undefined behaviour on crafted exponents
// (found by tests/fuzz), so such a body is refused before it is parsed.
bool json_numbers_are_whole(std::string_view text);
inline constexpr std::string_view not_whole_numbers_message =
    "numbers in a Matome message are whole numbers; the body has a fraction or an exponent";

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
    if (!is_valid_utf8(bytes))
      return make_error(errc::invalid_argument, "the JSON body is not valid UTF-8");
    if (!json_nesting_within(bytes, max_json_depth)) {
      return make_error(errc::invalid_argument, "the JSON body is nested too deeply");
    }
    if (!json_numbers_are_whole(bytes)) {
      return make_error(errc::invalid_argument, std::string(not_whole_numbers_message));
    }
  }
  try {
    std::istringstream in{std::string(bytes)};
    if (f == format::json) {
      cereal::JSONInputArchive archive(in);
      message.serialize(archive);
    } else {
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
