#pragma once
// One pass over a JSON text, outside its strings, before a parser sees it.
// RapidJSON 1.1 (Debian's) parses some numbers with undefined behaviour:
// crafted exponents (0e151, 0e-61) overflow and shift by hundreds of
// millions, and a long enough fraction takes the same path. Matome's JSON
// (messages, plan files, mappings, layouts, table values) never needs an
// exponent and at most a short fraction (a column width of 12.5 mm), so
// what could reach that code is refused first, with a message that says so.
// Found by tests/fuzz.

#include <string_view>

#include "matome/domain/error.h"

namespace matome {

// JSON nested deeper than this is refused before parsing: the parser
// recurses, and a million '[' must not exhaust the stack.
inline constexpr int max_json_depth = 64;
// Digits after a decimal point that a number may have (a double's).
inline constexpr int max_json_fraction_digits = 15;

struct json_shape {
  bool too_deep = false;
  bool exponent = false;    // a number with e or E
  int fraction_digits = 0;  // the longest fraction's digits
  // A \u escape of half a UTF-16 surrogate pair: RapidJSON 1.1 turns it
  // into bytes that are not UTF-8.
  bool lone_surrogate = false;
};
json_shape scan_json(std::string_view text, int max_depth = max_json_depth);

// The first byte at or after `p` (or `end`) that ends a run of a JSON
// string's plain characters: a quote, a backslash or a control character.
// Such runs are most of a message (a push of 1,000 changes is 280 KB, read
// by scan_json on the server and written by the client), so eight bytes at
// a time, each tested by the "has a zero byte" and "has a byte below 0x20"
// tests.
const char* find_json_escape(const char* p, const char* end);

// Refuses (invalid_argument) nesting deeper than max_json_depth, exponents,
// fractions longer than max_json_fraction_digits and half surrogate pairs,
// saying what to write instead; `what` is the message's subject
// ("計画ファイル", "「指標」の値").
result<void> check_json_text(std::string_view text, std::string_view what);

}  // namespace matome
