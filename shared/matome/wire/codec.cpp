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

result<void> check_json_message(std::string_view text) {
  if (!is_valid_utf8(text))
    return make_error(errc::invalid_argument, "the JSON body is not valid UTF-8");
  const auto shape = scan_json(text);
  if (shape.too_deep)
    return make_error(errc::invalid_argument, "the JSON body is nested too deeply");
  if (shape.lone_surrogate) {
    return make_error(errc::invalid_argument,
                      "the JSON body has a \\u escape of half a UTF-16 surrogate pair (a lone "
                      "surrogate), which is no character");
  }
  if (shape.exponent || shape.fraction_digits > 0) {
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
