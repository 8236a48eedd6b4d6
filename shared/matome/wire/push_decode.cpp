#include "matome/wire/push_decode.h"

#include <climits>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>

#include "matome/util/rapidjson.h"
#include "matome/util/utf8.h"
#include "matome/wire/codec.h"

namespace matome::wire {
namespace {

// A number as rapidjson's document would hold it: whether it is an int64
// (IsInt64) and an int (IsInt).
struct number {
  std::int64_t value = 0;
  bool is_int64 = false;
  bool is_int = false;
};

// Reads the canonical body as rapidjson parses it, event by event, into the
// request: no document is built and each string is copied once. Any event
// out of place stops the parse, and decode<push_request>() reads the body
// instead. The checks are the ones a document would allow: the members in
// this order, exactly these, of these types.
//   {"protocol", "plan", "changes": [{"change_id",
//     "cell": {"item", "department", "year", "field"},
//     "base_version", "value"}...], "timeline" (optional)}
class canonical_reader {
 public:
  explicit canonical_reader(push_request& out) : out_(out) {}
  bool done() const { return at_ == place::done; }

  bool Null() { return false; }
  bool Bool(bool) { return false; }
  bool Double(double) { return false; }
  bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; }
  bool Int(int i) { return take({i, true, true}); }
  bool Uint(unsigned u) { return take({u, true, u <= INT_MAX}); }
  bool Int64(std::int64_t i) { return take({i, true, i >= INT_MIN && i <= INT_MAX}); }
  bool Uint64(std::uint64_t u) {
    return take({static_cast<std::int64_t>(u), u <= INT64_MAX, u <= INT_MAX});
  }
  // As cereal reads a string: up to a first NUL ("\u0000"), if any. Text
  // that is not UTF-8 (a stray byte, or a lone surrogate's \u escape, which
  // rapidjson writes as the surrogate's three bytes) is left to decode(),
  // which says what is wrong with it.
  bool String(const char* text, rapidjson::SizeType length, bool) {
    if (!is_valid_utf8({text, length})) return false;
    std::string value(text, strnlen(text, length));
    if (at_ == place::root && member_ == 4) {
      out_.timeline = std::move(value);
    } else if (at_ == place::change && member_ == 1) {
      change().change_id = std::move(value);
    } else if (at_ == place::change && member_ == 4) {
      change().value = std::move(value);
    } else if (at_ == place::cell && member_ == 4) {
      change().key.field = std::move(value);
    } else {
      return false;
    }
    return true;
  }
  bool StartObject() {
    if (at_ == place::start) return enter(place::root);
    if (at_ == place::changes) {
      out_.changes.emplace_back();
      return enter(place::change);
    }
    if (at_ == place::change && member_ == 2) return enter(place::cell);
    return false;
  }
  bool Key(const char* text, rapidjson::SizeType length, bool) {
    static constexpr std::string_view root[] = {"protocol", "plan", "changes", "timeline"};
    static constexpr std::string_view change[] = {"change_id", "cell", "base_version", "value"};
    static constexpr std::string_view cell[] = {"item", "department", "year", "field"};
    const std::string_view* names = at_ == place::root     ? root
                                    : at_ == place::change ? change
                                    : at_ == place::cell   ? cell
                                                           : nullptr;
    if (names == nullptr || member_ >= 4 || names[member_] != std::string_view(text, length))
      return false;
    ++member_;
    return true;
  }
  bool EndObject(rapidjson::SizeType count) {
    if (at_ == place::root && (count == 3 || count == 4) && member_ == count) {
      at_ = place::done;
    } else if (at_ == place::change && count == 4 && member_ == 4) {
      at_ = place::changes;
    } else if (at_ == place::cell && count == 4 && member_ == 4) {
      at_ = place::change;
      member_ = 2;
    } else {
      return false;
    }
    return true;
  }
  bool StartArray() {
    if (at_ != place::root || member_ != 3) return false;
    at_ = place::changes;
    return true;
  }
  bool EndArray(rapidjson::SizeType) {
    if (at_ != place::changes) return false;
    at_ = place::root;
    member_ = 3;
    return true;
  }

 private:
  // Where the parse is; member_ counts the members of the object read so
  // far, so the value just after a Key() belongs to member member_.
  enum class place { start, root, changes, change, cell, done };

  bool enter(place p) {
    at_ = p;
    member_ = 0;
    return true;
  }
  cell_change& change() { return out_.changes.back(); }
  bool take(number n) {
    if (at_ == place::root && member_ == 1 && n.is_int) {
      out_.protocol = static_cast<int>(n.value);
    } else if (at_ == place::root && member_ == 2 && n.is_int64) {
      out_.plan_id = n.value;
    } else if (at_ == place::change && member_ == 3 && n.is_int64) {
      change().base_version = n.value;
    } else if (at_ == place::cell && member_ == 1 && n.is_int64) {
      change().key.item_id = n.value;
    } else if (at_ == place::cell && member_ == 2 && n.is_int64) {
      change().key.department_id = n.value;
    } else if (at_ == place::cell && member_ == 3 && n.is_int) {
      change().key.year = static_cast<int>(n.value);
    } else {
      return false;
    }
    return true;
  }

  push_request& out_;
  place at_ = place::start;
  rapidjson::SizeType member_ = 0;
};

// The body as Matome's client lays it out, or nothing. Parsed in place in
// a copy of the body: rapidjson reads a NUL-terminated text a pointer at a
// time and leaves each string where it is: a quarter fewer instructions
// than through a length-checked stream into its own stack.
// A NUL in the body would end that text early, so such a body takes the
// slow path, which refuses it.
std::optional<push_request> read_canonical(std::string_view body) {
  if (std::memchr(body.data(), '\0', body.size()) != nullptr) return std::nullopt;
  // Kept per I/O thread: a 280 KB body then costs a copy, not an allocation.
  thread_local std::string text;
  text.assign(body);
  push_request out;
  canonical_reader reader(out);
  rapidjson::InsituStringStream in(text.data());
  rapidjson::Reader parser;
  if (parser.Parse<rapidjson::kParseInsituFlag>(in, reader).IsError() || !reader.done())
    return std::nullopt;
  return out;
}

}  // namespace

// No separate pass of decode()'s checks over the body (a third of the
// decoder's time): a body the canonical reader accepts passes them all.
// Outside its strings, whose text String() checks, it is ASCII; it is
// nested four deep; its numbers are whole (rapidjson reports a fraction or
// an exponent as Double(), which stops the read).
result<push_request> decode_push_request(std::string_view body) {
  std::optional<push_request> fast;
  try {
    fast = read_canonical(body);
  } catch (const std::exception&) {
    fast.reset();  // rapidjson's assertion: decode() says what is wrong
  }
  if (fast) {
    if (auto ok = check_protocol(fast->protocol); !ok) return ok.error();
    return std::move(*fast);
  }
  return decode<push_request>(body, format::json);
}

}  // namespace matome::wire
