#pragma once
// Binary messages size their strings and vectors from the message itself,
// and cereal allocates what a size says before reading a byte of it: 2^40
// elements from a few bytes. While wire::decode reads binary it names its
// stream here, and the loads below refuse a size larger than what is left
// of the message (every element takes at least a byte) before allocating.
// They are found for every binary load of a string or a vector (ADL on the
// archive), being more specialised than cereal's own.

#include <cereal/archives/portable_binary.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <cstdint>
#include <istream>
#include <string>
#include <type_traits>

namespace matome::wire::detail {

// The stream wire::decode is reading binary from, on this thread.
inline thread_local std::istream* binary_input = nullptr;

// Throws cereal::Exception if `count` elements of at least `element_bytes`
// each cannot fit in what is left of binary_input.
void check_binary_size(std::uint64_t count, std::size_t element_bytes);

// Names `in` as binary_input while alive.
class reading_binary {
 public:
  explicit reading_binary(std::istream& in) : previous_(binary_input) { binary_input = &in; }
  ~reading_binary() { binary_input = previous_; }
  reading_binary(const reading_binary&) = delete;
  reading_binary& operator=(const reading_binary&) = delete;

 private:
  std::istream* previous_;
};

}  // namespace matome::wire::detail

namespace cereal {

template <class CharT, class Traits, class Alloc>
void CEREAL_LOAD_FUNCTION_NAME(PortableBinaryInputArchive& ar,
                               std::basic_string<CharT, Traits, Alloc>& str) {
  size_type size = 0;
  ar(make_size_tag(size));
  matome::wire::detail::check_binary_size(size, sizeof(CharT));
  str.resize(static_cast<std::size_t>(size));
  ar(binary_data(const_cast<CharT*>(str.data()), static_cast<std::size_t>(size) * sizeof(CharT)));
}

template <class T, class A>
requires(!std::is_same_v<T, bool>) void CEREAL_LOAD_FUNCTION_NAME(PortableBinaryInputArchive& ar,
                                                                  std::vector<T, A>& vector) {
  size_type size = 0;
  ar(make_size_tag(size));
  matome::wire::detail::check_binary_size(size, std::is_arithmetic_v<T> ? sizeof(T) : 1);
  vector.resize(static_cast<std::size_t>(size));
  if constexpr (std::is_arithmetic_v<T>) {
    ar(binary_data(vector.data(), static_cast<std::size_t>(size) * sizeof(T)));
  } else {
    for (auto&& v : vector) ar(v);
  }
}

// A bool is one byte, 0 or 1. cereal would copy any other byte into the
// bool, which then holds no value a bool can (UBSan, in fuzz_wire_messages).
inline void CEREAL_LOAD_FUNCTION_NAME(PortableBinaryInputArchive& ar, bool& flag) {
  std::uint8_t byte = 0;
  ar(byte);
  if (byte > 1) throw Exception("a yes/no of " + std::to_string(byte) + ", neither 0 nor 1");
  flag = byte == 1;
}

}  // namespace cereal
