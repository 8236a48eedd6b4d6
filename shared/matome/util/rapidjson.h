#pragma once
// The only way Matome includes rapidjson. cereal's JSON archive defines
// RAPIDJSON_ASSERT to throw (cereal::RapidJSONException) -- but only if no
// rapidjson header came first, and Debian's cereal uses the system rapidjson.
// A translation unit that included <rapidjson/...> first would get the
// default assert(), which aborts the process on malformed input, and the
// differing inline definitions would break the one-definition rule for every
// other unit. Including cereal first here makes the throwing assert the one
// definition everywhere. scripts/lint refuses direct includes.

// cereal's own definition, token for token (so the formatter must leave it
// alone). Had a rapidjson header come first, this would redefine its
// assert() version, which GCC reports and the CI preset's -Werror refuses.
// The include order matters too.
// clang-format off
#define RAPIDJSON_ASSERT(x) if(!(x)){ \
  throw ::cereal::RapidJSONException("rapidjson internal assertion failure: " #x); }
#include <cereal/archives/json.hpp>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
// clang-format on

#include <string_view>

#include "matome/util/json_text.h"

namespace matome {

// Parses `text` into `doc`, unless check_json_text refuses it (numbers
// RapidJSON 1.1 mishandles, half surrogate pairs): then `doc` stays null,
// which every caller already treats as "not understood". For answers and
// values read back; files and requests report the check's own message.
inline void parse_json(rapidjson::Document& doc, std::string_view text) {
  if (check_json_text(text, "")) doc.Parse(text.data(), text.size());
}

}  // namespace matome
