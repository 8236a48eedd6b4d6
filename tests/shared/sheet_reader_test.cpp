// The readers: CSV and TSV in every encoding Excel writes, XLSX written by
// libxlsxwriter (an independent writer) and by hand (phonetic runs), and a
// clear error for everything that is not a spreadsheet.
#include <xlsxwriter.h>
#include <zip.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "matome/sheet/delimited_reader.h"
#include "matome/sheet/read_workbook.h"
#include "support/temp_dir.h"

using namespace matome;
using namespace matome::sheet;

namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// An XLSX made of the given parts, zipped with libzip.
std::string zip_parts(const std::vector<std::pair<std::string, std::string>>& parts,
                      const std::filesystem::path& path) {
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(z != nullptr);
  for (const auto& [name, body] : parts) {
    zip_source_t* s = zip_source_buffer(z, body.data(), body.size(), 0);
    REQUIRE(zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8) >= 0);
  }
  REQUIRE(zip_close(z) == 0);
  return slurp(path);
}

}  // namespace

TEST_CASE("CSV: quoted fields hold commas, quotes and line breaks", "[sheet]") {
  const auto rows = parse_delimited(
      "No.,取組,実績\r\n1,\"見守り, 訪問\",\"一行目\n二行目 \"\"引用\"\"\"\r\n2,,x\n", ',');
  REQUIRE(rows.size() == 3);
  CHECK(rows[1] == std::vector<std::string>{"1", "見守り, 訪問", "一行目\n二行目 \"引用\""});
  CHECK(rows[2] == std::vector<std::string>{"2", "", "x"});
  // A quote inside an unquoted field is text (the samples' HTML attributes).
  CHECK(parse_delimited("a\t<input type=\"checkbox\"/> 継続\n", '\t')[0][1] ==
        "<input type=\"checkbox\"/> 継続");
}

TEST_CASE("CSV in UTF-8 with a BOM, in CP932 and in UTF-16 read the same", "[sheet]") {
  const std::string utf8 = "No.,取組\n1,北本①㈱\n";
  // The same text as Excel on Windows saves it: Shift_JIS with NEC extensions.
  const std::string cp932 = "No.,\x8E\xE6\x91\x67\n1,\x96\x6B\x96\x7B\x87\x40\x87\x8A\n";
  std::string utf16 = "\xFF\xFE";
  for (char32_t c : std::u32string(U"No.,取組\n1,北本①㈱\n")) {
    utf16.push_back(static_cast<char>(c & 0xFF));
    utf16.push_back(static_cast<char>(c >> 8));
  }
  for (const std::string& bytes : {utf8, "\xEF\xBB\xBF" + utf8, cp932, utf16}) {
    auto book = read_workbook(bytes, "report.csv");
    REQUIRE(book.has_value());
    CHECK(book->sheets.at(0).name == "report");
    CHECK(book->sheets.at(0).at(1, 1) == "北本①㈱");
  }
  auto forced = read_workbook(cp932, "report.csv", {text_encoding::utf8, 0});
  REQUIRE_FALSE(forced.has_value());
  CHECK(forced.error().message.find("--encoding cp932") != std::string::npos);
}

TEST_CASE("What is not a spreadsheet gets one clear error", "[sheet]") {
  auto empty = read_workbook("", "plan.xlsx");
  REQUIRE_FALSE(empty.has_value());
  CHECK(empty.error().message.find("空") != std::string::npos);
  auto pdf = read_workbook("%PDF-1.7\n...", "report.pdf");
  REQUIRE_FALSE(pdf.has_value());
  CHECK(pdf.error().message.find("表のファイルではありません") != std::string::npos);
  auto binary = read_workbook(std::string("\x01\x02\0\0garbage", 11), "data.bin");
  REQUIRE_FALSE(binary.has_value());
  CHECK(binary.error().message.find("表のファイルではありません") != std::string::npos);
  auto xls = read_workbook("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "old.xls");
  REQUIRE_FALSE(xls.has_value());
  CHECK(xls.error().message.find(".xlsx") != std::string::npos);
  auto damaged = read_workbook(std::string("PK\x03\x04") + std::string(200, 'x'), "broken.xlsx");
  REQUIRE_FALSE(damaged.has_value());
  CHECK(damaged.error().message.find("壊れています") != std::string::npos);
  auto blank = read_workbook("\t\t\n\n", "blank.tsv");
  REQUIRE_FALSE(blank.has_value());
}

TEST_CASE("XLSX from libxlsxwriter: strings, numbers, dates, percentages, merges, sheets",
          "[sheet]") {
  test::temp_dir dir;
  const auto path = dir.file("report.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* first = workbook_add_worksheet(wb, "取組一覧");
  lxw_worksheet* second = workbook_add_worksheet(wb, "指標");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy/m/d");
  lxw_format* percent = workbook_add_format(wb);
  format_set_num_format(percent, "0.0%");
  worksheet_merge_range(first, 0, 0, 0, 3, "【基本目標1 コミュニティの活性化】", nullptr);
  worksheet_merge_range(first, 1, 4, 2, 4, "施策", nullptr);
  worksheet_write_number(first, 1, 0, 1, nullptr);
  worksheet_write_string(first, 1, 1, "自治組織への加入促進", nullptr);
  worksheet_write_number(first, 1, 2, 11750, nullptr);
  worksheet_write_number(first, 1, 3, 0.654, percent);
  lxw_datetime when = {2024, 3, 31, 0, 0, 0};
  worksheet_write_datetime(first, 2, 0, &when, date);
  worksheet_write_number(first, 2, 1, 67.5, nullptr);
  worksheet_write_boolean(first, 2, 2, 1, nullptr);
  worksheet_write_string(second, 0, 0, "二枚目", nullptr);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);

  auto book = read_workbook_file(path.string());
  REQUIRE(book.has_value());
  REQUIRE(book->sheets.size() == 2);
  const worksheet& s = book->sheets[0];
  CHECK(s.name == "取組一覧");
  CHECK(s.at(0, 0) == "【基本目標1 コミュニティの活性化】");
  CHECK(s.merges.size() == 2);
  CHECK(s.shown(0, 3).empty());    // merged across: one cell, not a copy in D1
  CHECK(s.shown(1, 4) == "施策");  // merged down: every row it spans
  CHECK(s.shown(2, 4) == "施策");
  CHECK(s.shown(3, 4).empty());
  CHECK(s.at(1, 0) == "1");
  CHECK(s.at(1, 1) == "自治組織への加入促進");
  CHECK(s.at(1, 2) == "11750");
  CHECK(s.at(1, 3) == "65.4%");
  CHECK(s.at(2, 0) == "2024-03-31");
  CHECK(s.at(2, 1) == "67.5");
  CHECK(s.at(2, 2) == "TRUE");
  CHECK(book->sheets[1].name == "指標");
  CHECK(book->sheets[1].at(0, 0) == "二枚目");
}

TEST_CASE("XLSX phonetic runs (furigana) are not read into the text", "[sheet]") {
  test::temp_dir dir;
  const std::string workbook =
      R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>)";
  const std::string rels =
      R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>)";
  const std::string strings =
      R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>高齢介護課</t><rPh sb="0" eb="2"><t>コウレイ</t></rPh><phoneticPr fontId="1"/></si><si><r><t>見守り</t></r><r><rPr><b/></rPr><t>活動</t></r><rPh sb="0" eb="3"><t>ミマモ</t></rPh></si></sst>)";
  const std::string sheet =
      R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t>社協</t><rPh sb="0" eb="2"><t>シャキョウ</t></rPh></is></c></row></sheetData></worksheet>)";
  const std::string bytes = zip_parts({{"xl/workbook.xml", workbook},
                                       {"xl/_rels/workbook.xml.rels", rels},
                                       {"xl/sharedStrings.xml", strings},
                                       {"xl/worksheets/sheet1.xml", sheet}},
                                      dir.file("furigana.xlsx"));
  auto book = read_workbook(bytes, "furigana.xlsx");
  REQUIRE(book.has_value());
  const worksheet& s = book->sheets.at(0);
  CHECK(s.at(0, 0) == "高齢介護課");
  CHECK(s.at(0, 1).empty());
  CHECK(s.at(0, 2) == "見守り活動");
  CHECK(s.at(0, 3) == "社協");
}

TEST_CASE("A damaged part inside an XLSX is named in the error", "[sheet]") {
  test::temp_dir dir;
  const std::string bytes =
      zip_parts({{"xl/workbook.xml", "<workbook><sheets><sheet name=\"S\" r:id=\"rId1\"/>"}},
                dir.file("cut.xlsx"));
  auto book = read_workbook(bytes, "cut.xlsx");
  REQUIRE_FALSE(book.has_value());
  CHECK(book.error().message.find("xl/workbook.xml") != std::string::npos);
}
