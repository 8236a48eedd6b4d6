#include "matome/wire/push_encode.h"

#include <charconv>
#include <cstdint>

#include "matome/util/json_text.h"

namespace matome::wire {
namespace {

// Appends `text` as a JSON string, escaped byte for byte as rapidjson's
// Writer escapes it (what the server's readers and cereal were checked
// against): \" \\ \b \t \n \f \r, other control characters as \u00XX,
// everything else as it is.
void append_string(std::string& out, std::string_view text) {
  out += '"';
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    const char* const plain = p;
    p = find_json_escape(p, end);
    out.append(plain, static_cast<std::size_t>(p - plain));
    if (p == end) break;
    const auto c = static_cast<unsigned char>(*p++);
    out += '\\';
    switch (c) {
      case '"':
      case '\\':
        out += static_cast<char>(c);
        break;
      case '\b':
        out += 'b';
        break;
      case '\t':
        out += 't';
        break;
      case '\n':
        out += 'n';
        break;
      case '\f':
        out += 'f';
        break;
      case '\r':
        out += 'r';
        break;
      default:
        out += "u00";
        out += "0123456789ABCDEF"[c >> 4];
        out += "0123456789ABCDEF"[c & 0xF];
    }
  }
  out += '"';
}

void append_number(std::string& out, std::int64_t n) {
  char digits[24];
  const auto written = std::to_chars(std::begin(digits), std::end(digits), n);
  out.append(digits, written.ptr);
}

// In the order serialize.h gives cereal, member for member.
void append_change(std::string& out, const cell_change& c) {
  out += "{\"change_id\":";
  append_string(out, c.change_id);
  out += ",\"cell\":{\"item\":";
  append_number(out, c.key.item_id);
  out += ",\"department\":";
  append_number(out, c.key.department_id);
  out += ",\"year\":";
  append_number(out, c.key.year);
  out += ",\"field\":";
  append_string(out, c.key.field);
  out += "},\"base_version\":";
  append_number(out, c.base_version);
  out += ",\"value\":";
  append_string(out, c.value);
  out += '}';
}

}  // namespace

std::string encode_push_request(const push_request& request) {
  // The members' names and numbers take about 120 bytes a change.
  std::size_t size = 100 + request.timeline.size();
  for (const auto& c : request.changes)
    size += 128 + c.change_id.size() + c.key.field.size() + c.value.size();
  std::string out;
  out.reserve(size);
  out += "{\"protocol\":";
  append_number(out, request.protocol);
  out += ",\"plan\":";
  append_number(out, request.plan_id);
  out += ",\"changes\":[";
  for (std::size_t i = 0; i < request.changes.size(); ++i) {
    if (i > 0) out += ',';
    append_change(out, request.changes[i]);
  }
  out += "],\"timeline\":";
  append_string(out, request.timeline);
  out += '}';
  return out;
}

}  // namespace matome::wire
