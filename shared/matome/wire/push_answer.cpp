#include "matome/wire/push_answer.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <type_traits>

#include "matome/wire/codec.h"

namespace matome::wire {
namespace {

// cereal's layout, in serialize.h's order: the archive's endianness byte
// (1: little), then each number as its bytes, each string and vector as a
// 64-bit count and its elements, each bool as one byte. An outcome's kind
// is its name ("applied"), as serialize.h saves it.
constexpr bool little_endian = std::endian::native == std::endian::little;

class writer {
 public:
  explicit writer(std::string& out) : out_(out) {}
  template <class T>
  void number(T value) {
    static_assert(std::is_arithmetic_v<T>);
    char bytes[sizeof value];
    std::memcpy(bytes, &value, sizeof value);
    out_.append(bytes, sizeof value);
  }
  void text(std::string_view s) {
    number(static_cast<std::uint64_t>(s.size()));
    out_ += s;
  }

 private:
  std::string& out_;
};

// Reads forward; any read past the end leaves it failed, and what it
// returns then is never used.
class reader {
 public:
  explicit reader(std::string_view bytes) : at_(bytes.data()), end_(at_ + bytes.size()) {}
  bool failed() const { return failed_; }
  template <class T>
  T number() {
    T value{};
    if (!take(sizeof value)) return value;
    std::memcpy(&value, at_ - sizeof value, sizeof value);
    return value;
  }
  std::uint64_t count() { return number<std::uint64_t>(); }
  std::string text() {
    const auto size = count();
    if (failed_ || size > static_cast<std::uint64_t>(end_ - at_)) {
      failed_ = true;
      return {};
    }
    take(static_cast<std::size_t>(size));
    return std::string(at_ - size, static_cast<std::size_t>(size));
  }
  // A bool's byte, 0 or 1 (anything else is cereal's to read).
  bool flag() {
    const auto byte = number<std::uint8_t>();
    if (byte > 1) failed_ = true;
    return byte == 1;
  }

 private:
  bool take(std::size_t n) {
    if (failed_ || n > static_cast<std::size_t>(end_ - at_)) {
      failed_ = true;
      return false;
    }
    at_ += n;
    return true;
  }
  const char* at_;
  const char* end_;
  bool failed_ = false;
};

std::optional<push_response> read_answer(std::string_view bytes) {
  reader in(bytes);
  if (in.number<std::uint8_t>() != 1) return std::nullopt;  // big-endian, or empty
  push_response out;
  out.protocol = in.number<int>();
  out.last_seq = in.number<std::int64_t>();
  const auto count = in.count();
  // Each outcome takes 65 bytes at least (five strings' sizes and three
  // numbers of 8 bytes, a bool): no count larger than the rest can hold is
  // allocated for.
  if (in.failed() || count > bytes.size() / 65) return std::nullopt;
  out.outcomes.resize(static_cast<std::size_t>(count));
  for (auto& o : out.outcomes) {
    o.change_id = in.text();
    const auto kind = parse_outcome_kind(in.text());
    if (!kind) return std::nullopt;
    o.kind = *kind;
    o.version = in.number<version_t>();
    o.conflict_id = in.number<record_id>();
    o.server_value = in.text();
    o.server_version = in.number<version_t>();
    o.reason_code = in.text();
    o.reason = in.text();
    o.repeated = in.flag();
    if (in.failed()) return std::nullopt;
  }
  return out;
}

}  // namespace

std::string encode_push_answer(const push_response& answer) {
  if constexpr (!little_endian) return encode(answer, format::binary);
  std::string out;
  out.reserve(21 + answer.outcomes.size() * 80);
  writer w(out);
  w.number(std::uint8_t{1});
  w.number(answer.protocol);
  w.number(answer.last_seq);
  w.number(static_cast<std::uint64_t>(answer.outcomes.size()));
  for (const auto& o : answer.outcomes) {
    w.text(o.change_id);
    w.text(to_string(o.kind));
    w.number(o.version);
    w.number(o.conflict_id);
    w.text(o.server_value);
    w.number(o.server_version);
    w.text(o.reason_code);
    w.text(o.reason);
    w.number(static_cast<std::uint8_t>(o.repeated));
  }
  return out;
}

result<push_response> decode_push_answer(std::string_view bytes) {
  if constexpr (little_endian) {
    if (auto fast = read_answer(bytes)) {
      if (auto ok = check_protocol(fast->protocol); !ok) return ok.error();
      return std::move(*fast);
    }
  }
  return decode<push_response>(bytes, format::binary);
}

}  // namespace matome::wire
