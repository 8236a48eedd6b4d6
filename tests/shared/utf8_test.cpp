#include "matome/util/utf8.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "support/catch_result.h"

using namespace matome;

namespace {

// The well-formed byte sequences, as the Unicode Standard's table 3-7 lists
// them: the oracle the validator is checked against.
bool well_formed(std::string_view text) {
  const auto in = [](unsigned char b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
  for (std::size_t i = 0; i < text.size();) {
    const auto b = [&](std::size_t k) {
      return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
    };
    const unsigned char lead = b(0);
    std::size_t length = 0;
    if (lead <= 0x7F) {
      length = 1;
    } else if (in(lead, 0xC2, 0xDF) && in(b(1), 0x80, 0xBF)) {
      length = 2;
    } else if (lead == 0xE0 && in(b(1), 0xA0, 0xBF) && in(b(2), 0x80, 0xBF)) {
      length = 3;
    } else if ((in(lead, 0xE1, 0xEC) || in(lead, 0xEE, 0xEF)) && in(b(1), 0x80, 0xBF) &&
               in(b(2), 0x80, 0xBF)) {
      length = 3;
    } else if (lead == 0xED && in(b(1), 0x80, 0x9F) && in(b(2), 0x80, 0xBF)) {
      length = 3;
    } else if (lead == 0xF0 && in(b(1), 0x90, 0xBF) && in(b(2), 0x80, 0xBF) &&
               in(b(3), 0x80, 0xBF)) {
      length = 4;
    } else if (in(lead, 0xF1, 0xF3) && in(b(1), 0x80, 0xBF) && in(b(2), 0x80, 0xBF) &&
               in(b(3), 0x80, 0xBF)) {
      length = 4;
    } else if (lead == 0xF4 && in(b(1), 0x80, 0x8F) && in(b(2), 0x80, 0xBF) &&
               in(b(3), 0x80, 0xBF)) {
      length = 4;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    i += length;
  }
  return true;
}

}  // namespace

TEST_CASE("UTF-8 validation accepts Japanese text and refuses broken bytes", "[utf8]") {
  CHECK(is_valid_utf8("共生福祉課B 市長公室B 社協A"));
  CHECK(is_valid_utf8("𠮷野家"));          // 4-byte sequence
  CHECK_FALSE(is_valid_utf8("\xE5\x85"));  // truncated
  // Cut short where the bytes after the text would complete it.
  CHECK_FALSE(is_valid_utf8(std::string_view("\xE5\x85\x80", 2)));
  CHECK_FALSE(is_valid_utf8(std::string_view("進\xE5\x85\x80", 5)));
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(is_valid_utf8("\xFF"));
  CHECK(utf8_length("評価の理由") == 5);
}

TEST_CASE("UTF-8 validation agrees with the standard's table on every short sequence", "[utf8]") {
  // Every string of one or two bytes, and of three from a lead byte of a
  // three- or four-byte sequence on; each alone and after a kanji, where a
  // run of three-byte characters is read.
  char bytes[3];
  const auto agree = [&bytes](std::size_t length) {
    const std::string_view text(bytes, length);
    const std::string after_kanji = "進" + std::string(text);
    return is_valid_utf8(text) == well_formed(text) &&
           is_valid_utf8(after_kanji) == well_formed(after_kanji);
  };
  int disagreements = 0;
  for (unsigned a = 0; a < 256; ++a) {
    bytes[0] = static_cast<char>(a);
    disagreements += !agree(1);
    for (unsigned b = 0; b < 256; ++b) {
      bytes[1] = static_cast<char>(b);
      disagreements += !agree(2);
      if (a < 0xE0 || a > 0xF4) continue;
      for (unsigned c = 0; c < 256; ++c) {
        bytes[2] = static_cast<char>(c);
        disagreements += !agree(3);
      }
    }
  }
  CHECK(disagreements == 0);

  // Longer text, as values come: runs of ASCII of every length around
  // kana, kanji and four-byte characters, with a byte broken here and there.
  std::mt19937 random(20261201);
  const std::string pieces[] = {"a", "進捗", "𠮷", "é", "\xF4\x8F\xBF\xBF", "B", "、"};
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int count = static_cast<int>(random() % 12);
    for (int k = 0; k < count; ++k) {
      text += std::string(random() % 10, 'x');
      text += pieces[random() % std::size(pieces)];
    }
    if (!text.empty() && random() % 3 == 0)
      text[random() % text.size()] = static_cast<char>(random());
    INFO(text);
    REQUIRE(is_valid_utf8(text) == well_formed(text));
  }
}
