#include "matome/wire/codec.h"

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

bool json_nesting_within(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return false;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return true;
}

bool json_numbers_are_whole(std::string_view text) {
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
    } else if (c == '.') {
      return false;  // outside strings, only a number has a point
    } else if ((c == 'e' || c == 'E') && previous >= '0' && previous <= '9') {
      return false;  // an exponent; the e of true and false follows a letter
    }
    previous = c;
  }
  return true;
}

}  // namespace matome::wire
