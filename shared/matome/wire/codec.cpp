#include "matome/wire/codec.h"

#include <algorithm>

namespace matome::wire {

// The messages are Japanese: a desktop shows the server's message as it
// comes, and the person reading it is department staff.
result<void> check_protocol(int received) {
  if (received > protocol) {
    return make_error(errc::unsupported_version,
                      "相手の Matome は新しい通信形式（プロトコル " + std::to_string(received) +
                          "）を使っています。この Matome はプロトコル " + std::to_string(protocol) +
                          " までです。Matome を更新してください。何も変更していません。");
  }
  if (received < min_protocol) {
    return make_error(errc::unsupported_version,
                      "通信形式（プロトコル " + std::to_string(received) +
                          "）が古いため受け付けられません（プロトコル " +
                          std::to_string(min_protocol) +
                          " 以降が必要です）。Matome を更新してください。"
                          "未送信の変更はこの端末に残っています。");
  }
  return {};
}

json_shape scan_json(std::string_view text, int max_depth) {
  json_shape shape;
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  char previous = ' ';
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
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
    } else if (c == '.' || ((c == 'e' || c == 'E') && previous >= '0' && previous <= '9')) {
      // Outside strings only a number has a point; an exponent's e follows
      // a digit (the e of true and false follows a letter).
      shape.whole_numbers = false;
    }
    previous = c;
  }
  return shape;
}

bool json_nesting_within(std::string_view text, int max_depth) {
  return !scan_json(text, max_depth).too_deep;
}

result<void> check_json_message(std::string_view text) {
  if (!is_valid_utf8(text))
    return make_error(errc::invalid_argument, "the JSON body is not valid UTF-8");
  const auto shape = scan_json(text, max_json_depth);
  if (shape.too_deep)
    return make_error(errc::invalid_argument, "the JSON body is nested too deeply");
  if (!shape.whole_numbers) {
    return make_error(errc::invalid_argument,
                      "numbers in a Matome message are whole numbers; the body has a fraction or "
                      "an exponent");
  }
  return {};
}

namespace detail {

void check_binary_size(std::uint64_t count, std::size_t element_bytes) {
  if (binary_input == nullptr) return;
  const std::streamsize left = std::max<std::streamsize>(binary_input->rdbuf()->in_avail(), 0);
  if (count > static_cast<std::uint64_t>(left) / element_bytes) {
    throw cereal::Exception("a size of " + std::to_string(count) +
                            " is larger than the rest of the message (" + std::to_string(left) +
                            " bytes)");
  }
}

}  // namespace detail

}  // namespace matome::wire
