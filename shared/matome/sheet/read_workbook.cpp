#include "matome/sheet/read_workbook.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "matome/sheet/delimited_reader.h"
#include "matome/sheet/xlsx_reader.h"

namespace matome::sheet {
namespace {

std::string lower_extension(std::string_view name) {
  std::string ext = std::filesystem::path(name).extension().string();
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return ext;
}

bool has_nul(std::string_view bytes, text_encoding encoding) {
  if (encoding == text_encoding::utf16le || bytes.starts_with("\xFF\xFE")) return false;
  return bytes.substr(0, 64 * 1024).find('\0') != std::string_view::npos;
}

}  // namespace

result<workbook> read_workbook(std::string_view bytes, std::string_view name,
                               const read_options& options) {
  const std::string ext = lower_extension(name);
  if (bytes.empty()) {
    return make_error(errc::invalid_argument,
                      "ファイルが空です。表を保存したファイルを選んでください。");
  }
  if (looks_like_zip(bytes)) return read_xlsx(bytes);
  if (ext == ".xlsx" || ext == ".xlsm") {
    return make_error(errc::invalid_argument,
                      "XLSX ファイルとして読めません (zip ではありません)。Excel "
                      "で開けるか確かめ、保存し直してください。");
  }
  if (bytes.starts_with("\xD0\xCF\x11\xE0")) {
    return make_error(errc::invalid_argument,
                      "古い Excel 形式 (.xls) は読めません。Excel で「名前を付けて保存」から "
                      ".xlsx か CSV で保存してください。");
  }
  if (bytes.starts_with("%PDF") || has_nul(bytes, options.encoding)) {
    return make_error(errc::invalid_argument,
                      "表のファイルではありません。XLSX、CSV、TSV のいずれかを選んでください。");
  }
  auto text = decode_text(bytes, options.encoding);
  if (!text) return text.error();
  char delimiter = options.delimiter;
  if (delimiter == 0) {
    delimiter = ext == ".csv"                      ? ','
                : (ext == ".tsv" || ext == ".tab") ? '\t'
                                                   : guess_delimiter(*text);
  }
  worksheet sheet;
  sheet.name = std::filesystem::path(name).stem().string();
  if (sheet.name.empty()) sheet.name = "Sheet1";
  sheet.rows = parse_delimited(*text, delimiter);
  const bool blank = std::all_of(sheet.rows.begin(), sheet.rows.end(), [](const auto& row) {
    return std::all_of(row.begin(), row.end(), [](const std::string& c) {
      return c.find_first_not_of(" \t\r\n") == std::string::npos;
    });
  });
  if (blank) {
    return make_error(errc::invalid_argument,
                      "ファイルに値がありません。表を保存したファイルを選んでください。");
  }
  workbook book;
  book.sheets.push_back(std::move(sheet));
  return book;
}

result<workbook> read_workbook_file(const std::string& path, const read_options& options) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return make_error(errc::not_found, path + " を読めません: " + ec.message());
  if (size > (512ull << 20)) {
    return make_error(errc::too_large, path + " は大きすぎます (512 MiB まで)。");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(errc::not_found, path + " を読めません。");
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!in) return make_error(errc::storage, path + " を読み切れませんでした。");
  auto book = read_workbook(bytes, std::filesystem::path(path).filename().string(), options);
  if (!book) return make_error(book.error().code, path + ": " + book.error().message);
  return book;
}

}  // namespace matome::sheet
