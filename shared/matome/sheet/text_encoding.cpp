// Decoding through glibc's iconv, which knows CP932 with its vendor
// extensions (plain SHIFT_JIS would refuse ① and ㈱).
#include "matome/sheet/text_encoding.h"

#include <iconv.h>

#include <cerrno>
#include <memory>

#include "matome/util/utf8.h"

namespace matome::sheet {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
constexpr std::string_view utf16le_bom = "\xFF\xFE";

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

result<std::string> convert(std::string_view bytes, const char* from, std::string_view shown_name) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return make_error(errc::invalid_argument,
                      std::string(shown_name) + " を読む変換がこの環境にありません。");
  }
  std::unique_ptr<void, int (*)(iconv_t)> close(cd, iconv_close);
  std::string out;
  out.resize(bytes.size() * 2 + 16);
  char* in_ptr = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  std::size_t written = 0;
  while (in_left > 0) {
    char* out_ptr = out.data() + written;
    std::size_t out_left = out.size() - written;
    const std::size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    written = out.size() - out_left;
    if (rc != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    const auto offset = static_cast<std::size_t>(in_ptr - bytes.data());
    return make_error(errc::invalid_argument,
                      "ファイルを " + std::string(shown_name) + " として読めません (" +
                          std::to_string(offset) +
                          " バイト目)。文字コードを確かめて、--encoding で指定してください。");
  }
  out.resize(written);
  return out;
}

}  // namespace

result<text_encoding> parse_text_encoding(std::string_view name) {
  const std::string n = lower(name);
  if (n == "auto" || n.empty()) return text_encoding::detect;
  if (n == "utf-8" || n == "utf8") return text_encoding::utf8;
  if (n == "cp932" || n == "shift_jis" || n == "sjis" || n == "shift-jis" || n == "windows-31j") {
    return text_encoding::cp932;
  }
  if (n == "utf-16le" || n == "utf16le" || n == "utf-16") return text_encoding::utf16le;
  return make_error(errc::invalid_argument, "文字コード「" + std::string(name) +
                                                "」は使えません。auto、utf-8、cp932、utf-16le "
                                                "のいずれかを指定してください。");
}

result<std::string> decode_text(std::string_view bytes, text_encoding encoding) {
  if (encoding == text_encoding::detect) {
    if (bytes.starts_with(utf16le_bom)) {
      encoding = text_encoding::utf16le;
    } else if (bytes.starts_with(utf8_bom) || is_valid_utf8(bytes)) {
      encoding = text_encoding::utf8;
    } else {
      encoding = text_encoding::cp932;
    }
  }
  switch (encoding) {
    case text_encoding::utf8:
      if (bytes.starts_with(utf8_bom)) bytes.remove_prefix(utf8_bom.size());
      if (!is_valid_utf8(bytes)) {
        return make_error(errc::invalid_argument,
                          "ファイルが UTF-8 ではありません。Shift_JIS なら --encoding cp932 "
                          "を指定してください。");
      }
      return std::string(bytes);
    case text_encoding::utf16le:
      if (bytes.starts_with(utf16le_bom)) bytes.remove_prefix(utf16le_bom.size());
      return convert(bytes, "UTF-16LE", "UTF-16");
    case text_encoding::cp932:
    case text_encoding::detect:
      break;
  }
  return convert(bytes, "CP932", "Shift_JIS (CP932)");
}

}  // namespace matome::sheet
