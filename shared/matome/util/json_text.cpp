#include "matome/util/json_text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

namespace matome {

namespace {

// The \u escapes of one string: each half of a surrogate pair must come
// with its other half, high then low, one right after the other.
class surrogate_check {
 public:
  // A character of the string outside the escapes' hex digits.
  void other() {
    if (after_high_ && !backslash_) broken_ = true;
  }
  void backslash() { backslash_ = true; }
  // The 'u' of an escape: its four hex digits follow.
  void start_escape() {
    backslash_ = false;
    hex_left_ = 4;
    code_ = 0;
  }
  void any_other_escape() {
    if (after_high_) broken_ = true;
    backslash_ = false;
  }
  bool in_hex() const { return hex_left_ > 0; }
  void hex(char c) {
    const unsigned digit = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    code_ = code_ * 16 + (digit & 0xF);
    if (--hex_left_ > 0) return;
    const bool high = code_ >= 0xD800 && code_ <= 0xDBFF;
    const bool low = code_ >= 0xDC00 && code_ <= 0xDFFF;
    if ((low && !after_high_) || (!low && after_high_)) broken_ = true;
    after_high_ = high;
  }
  void end_of_string() {
    if (after_high_) broken_ = true;
    after_high_ = backslash_ = false;
  }
  bool broken() const { return broken_; }

 private:
  bool after_high_ = false;
  bool backslash_ = false;
  int hex_left_ = 0;
  unsigned code_ = 0;
  bool broken_ = false;
};

}  // namespace

const char* find_json_escape(const char* p, const char* end) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  while (end - p >= 8) {
    std::uint64_t eight;
    std::memcpy(&eight, p, sizeof eight);
    const std::uint64_t quote = eight ^ (ones * '"'), backslash = eight ^ (ones * '\\');
    const std::uint64_t control = (eight - ones * 0x20) & ~eight;
    if ((((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | control) & highs) break;
    p += 8;
  }
  while (p < end && *p != '"' && *p != '\\' && static_cast<unsigned char>(*p) >= 0x20) ++p;
  return p;
}

json_shape scan_json(std::string_view text, int max_depth) {
  json_shape shape;
  surrogate_check surrogates;
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  int fraction = -1;  // digits after the current number's point; -1 outside a fraction
  char previous = ' ';
  const char* const end = text.data() + text.size();
  for (const char* p = text.data(); p < end; ++p) {
    if (in_string && !escaped && !surrogates.in_hex()) {
      // Plain characters change nothing but an escape's pairing. (Inside
      // a string no number is open: the opening quote ended it.)
      const char* const next = find_json_escape(p, end);
      if (next != p) surrogates.other();
      p = next;
      if (p == end) break;
    }
    const char c = *p;
    const bool digit = c >= '0' && c <= '9';
    if (in_string) {
      if (surrogates.in_hex()) {
        surrogates.hex(c);
      } else if (escaped) {
        escaped = false;
        if (c == 'u') {
          surrogates.start_escape();
        } else {
          surrogates.any_other_escape();
        }
      } else if (c == '\\') {
        escaped = true;
        surrogates.backslash();
      } else if (c == '"') {
        in_string = false;
        surrogates.end_of_string();
      } else {
        surrogates.other();
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) {
        shape.too_deep = true;
        return shape;
      }
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (c == '.') {
      fraction = 0;
    } else if ((c == 'e' || c == 'E') &&
               ((previous >= '0' && previous <= '9') || previous == '.')) {
      // Outside strings an exponent's e follows a digit or a point (the e
      // of true and false follows a letter).
      shape.exponent = true;
    }
    if (fraction >= 0) {
      if (digit) {
        shape.fraction_digits = std::max(shape.fraction_digits, ++fraction);
      } else if (c != '.') {
        fraction = -1;
      }
    }
    previous = c;
  }
  shape.lone_surrogate = surrogates.broken();
  return shape;
}

result<void> check_json_text(std::string_view text, std::string_view what) {
  const auto shape = scan_json(text);
  const std::string named(what);
  auto refuse = [&](const std::string& problem) {
    return make_error(errc::invalid_argument, named + problem);
  };
  if (shape.too_deep) {
    return refuse("の入れ子が " + std::to_string(max_json_depth) + " 段より深くなっています。");
  }
  if (shape.lone_surrogate) {
    return refuse(
        "に、文字として読めない \\u エスケープ（サロゲートの片割れ）があります。"
        "文字化けした文字を消して、もう一度入力してください。");
  }
  if (shape.exponent) {
    return refuse(
        "に指数つきの数値（1e5 など）があります。数値は 12345 や 12.5 のように書いてください。");
  }
  if (shape.fraction_digits > max_json_fraction_digits) {
    return refuse("の数値の小数点以下が " + std::to_string(max_json_fraction_digits) +
                  " 桁を超えています。" + std::to_string(max_json_fraction_digits) +
                  " 桁までにしてください。");
  }
  return {};
}

}  // namespace matome
