#pragma once
// Turning the bytes of a text spreadsheet (CSV, TSV) into UTF-8. Excel on a
// Japanese Windows writes CSV in Shift_JIS (CP932) and "Unicode text" in
// UTF-16; everything else arrives as UTF-8, with or without a BOM.

#include <string>
#include <string_view>

#include "matome/domain/error.h"

namespace matome::sheet {

enum class text_encoding {
  detect,  // BOM if any; else UTF-8 when the bytes are valid UTF-8; else CP932
  utf8,
  cp932,  // Shift_JIS as Windows writes it (NEC and IBM extensions: ①, ㈱, 髙)
  utf16le,
};

// "auto", "utf-8", "cp932" (also "shift_jis", "sjis"), "utf-16le".
result<text_encoding> parse_text_encoding(std::string_view name);

// The text as UTF-8, without a BOM. An error names the encoding tried and the
// byte offset where the text stopped making sense in it.
result<std::string> decode_text(std::string_view bytes, text_encoding encoding);

}  // namespace matome::sheet
