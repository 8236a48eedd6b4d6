// Normalization touches numbers, codes, grades, years and department names
// only; these tests pin what each accepts and what it leaves alone.
#include <catch2/catch.hpp>

#include "matome/import/cell_values.h"
#include "matome/import/normalize.h"

using namespace matome;
using namespace matome::import;

namespace {

template_field field(std::string key, std::string label, field_type type) {
  template_field f;
  f.key = std::move(key);
  f.label = std::move(label);
  f.type = type;
  return f;
}

}  // namespace

TEST_CASE("Era years, short forms and full-width digits become Western fiscal years", "[import]") {
  CHECK(normalize_year("令和5年度").value() == 2023);
  CHECK(normalize_year("R5").value() == 2023);
  CHECK(normalize_year("Ｒ５").value() == 2023);
  CHECK(normalize_year("令和元年度").value() == 2019);
  CHECK(normalize_year("平成30年度").value() == 2018);
  CHECK(normalize_year("H30").value() == 2018);
  CHECK(normalize_year("2023年度").value() == 2023);
  CHECK(normalize_year("29年度", "平成").value() == 2017);
  CHECK(normalize_year("３０年度", "平成").value() == 2018);
  CHECK_FALSE(normalize_year("29年度"));  // no era to count in: refused, not guessed
  CHECK_FALSE(normalize_year("来年度"));
}

TEST_CASE("Grades from other scripts and full width are read as the template's letters",
          "[import]") {
  const std::vector<std::string> grades{"A", "B", "C"};
  CHECK(normalize_choice("А", grades).value() == "A");  // Cyrillic
  CHECK(normalize_choice("В", grades).value() == "B");  // Cyrillic
  CHECK(normalize_choice("С", grades).value() == "C");  // Cyrillic
  CHECK(normalize_choice("Β", grades).value() == "B");  // Greek
  CHECK(normalize_choice("Ａ", grades).value() == "A");
  CHECK(normalize_choice(" b ", grades).value() == "B");
  CHECK_FALSE(normalize_choice("Ｂ＋", grades));
  CHECK_FALSE(normalize_choice("D", grades));

  const std::vector<std::string> marks{"●", "○", "×"};
  CHECK(normalize_choice("〇", marks).value() == "○");
  CHECK(normalize_choice("◯", marks).value() == "○");
  CHECK(normalize_choice("✕", marks).value() == "×");
  CHECK(normalize_choice("x", marks).value() == "×");

  const std::vector<std::string> directions{"拡充", "継続", "見直し", "廃止"};
  CHECK(normalize_choice("継 続", directions).value() == "継続");
}

TEST_CASE("Numbers lose separators and units; anything else is not a number", "[import]") {
  CHECK(normalize_number("11,750人").value() == "11750");
  CHECK(normalize_number("65.4%").value() == "65.4");
  CHECK(normalize_number("１２３").value() == "123");
  CHECK(normalize_number("△5").value() == "-5");
  CHECK(normalize_number("32グループ").value() == "32");
  CHECK_FALSE(normalize_number("未実施"));
  CHECK_FALSE(normalize_number("現状維持 (69%)"));
  CHECK_FALSE(normalize_number("増 (22,001人)"));
  CHECK_FALSE(normalize_number("1,2,3回 4"));
}

TEST_CASE("Checkbox lists give the options they mark", "[import]") {
  auto html = checked_options(
      R"(<input type="checkbox"/> 拡充 <input checked="" type="checkbox"/> 継続 <input type="checkbox"/> 見直し)");
  REQUIRE(html);
  CHECK(*html == std::vector<std::string>{"継続"});
  auto glyphs = checked_options("☑拡充 ☐継続 ■見直し □廃止");
  REQUIRE(glyphs);
  CHECK(*glyphs == std::vector<std::string>{"拡充", "見直し"});
  CHECK_FALSE(checked_options("継続"));
}

TEST_CASE("Department names match with width, a trailing 長 and aliases", "[import]") {
  department_names names;
  names.add("kourei", "高齢介護課");
  names.add("shakyo", "社協");
  names.add("shakyo", "社会福祉協議会");
  names.add("seisaku", "政策推進課");
  CHECK(names.find("高齢介護課").value() == "kourei");
  CHECK(names.find("高齢介護課長").value() == "kourei");
  CHECK(names.find("社会福祉協議会").value() == "shakyo");
  CHECK(names.find("政策推進課 (女性センター)").value() == "seisaku");
  CHECK_FALSE(names.find("市長公室"));

  // Names run together or broken apart by stray spaces read as a run of names.
  CHECK(names.segment("高齢介護課政策推進課").value() ==
        std::vector<std::string>{"kourei", "seisaku"});
  CHECK(names.segment("社 協").value() == std::vector<std::string>{"shakyo"});
  CHECK_FALSE(names.segment("高齢介護課 子育を"));

  CHECK(split_names("高齢者福祉課 福祉総務課") ==
        std::vector<std::string>{"高齢者福祉課", "福祉総務課"});
  CHECK(split_names("政策推進課 (女性センター)") ==
        std::vector<std::string>{"政策推進課 (女性センター)"});
  CHECK(split_names("共生福祉課、障がい福祉課\n社協") ==
        std::vector<std::string>{"共生福祉課", "障がい福祉課", "社協"});
}

TEST_CASE("A shared cell splits per owner by 【課名】 sections or by grades after names",
          "[import]") {
  department_names names;
  names.add("kyosei", "共生福祉課");
  names.add("koshitsu", "市長公室");
  names.add("shakyo", "社協");
  template_field text = field("result", "実績", field_type::long_text);
  template_field grade = field("grade", "評価", field_type::single_choice);
  grade.options = {{"A", ""}, {"B", ""}, {"C", ""}};
  const std::vector<std::string> owners{"kyosei", "koshitsu", "shakyo"};

  auto sections = split_per_owner(text, "【共生福祉課】 街頭活動を行った。 【社協】 広報した。①㈱",
                                  owners, names);
  REQUIRE(sections);
  CHECK(sections->at("kyosei") == "街頭活動を行った。");
  CHECK(sections->at("shakyo") == "広報した。①㈱");  // free text kept as written
  CHECK_FALSE(sections->contains("koshitsu"));

  auto grades = split_per_owner(grade, "共生福祉課B 市長公室В 社協A", owners, names);
  REQUIRE(grades);
  CHECK(grades->at("kyosei") == "B");
  CHECK(grades->at("koshitsu") == "B");  // Cyrillic В
  CHECK(grades->at("shakyo") == "A");

  // 【参考】 is not an owner: the cell is not split.
  CHECK_FALSE(split_per_owner(text, "中核組織の強化 【参考】 ケース会議", owners, names));
  CHECK_FALSE(split_per_owner(grade, "B", owners, names));
}

TEST_CASE("Free text is kept byte for byte; numbers that are not numbers become notes",
          "[import]") {
  template_field text = field("result", "実績", field_type::long_text);
  const std::string written = " ①　ＡＢＣ㈱ 1,000人\n";
  CHECK(read_cell_value(text, written).value.value() == written);

  template_field number = field("count", "人数", field_type::number);
  auto reading = read_cell_value(number, "未実施");
  CHECK_FALSE(reading.value);
  CHECK(reading.note == "未実施");

  template_field grade = field("grade", "評価", field_type::single_choice);
  grade.options = {{"A", ""}, {"B", ""}, {"C", ""}};
  CHECK(read_cell_value(grade, "Ｂ＋").error == "「Ｂ＋」は A、B、C のいずれでもありません。");
}
