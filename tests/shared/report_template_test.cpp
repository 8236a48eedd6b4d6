#include "matome/domain/report_template.h"

#include <catch2/catch.hpp>

#include "support/catch_result.h"
#include "support/test_plan.h"

using namespace matome;

namespace {
const template_field& field(const plan& p, std::string_view key) {
  return *p.tmpl.find(key);
}

// A multiple choice of directions (今後の方向性), as some cities print it.
template_field directions() {
  template_field f;
  f.key = "dirs";
  f.label = "方向性";
  f.type = field_type::multi_choice;
  f.options = {{"拡充", ""}, {"継続", ""}, {"見直し", ""}};
  return f;
}
}  // namespace

TEST_CASE("a choice value must be one of the template's options", "[template]") {
  const plan p = test::make_small_plan_definition();
  CHECK(validate_value(field(p, "grade"), "A"));
  CHECK(validate_value(field(p, "grade"), ""));  // clearing is always allowed
  auto wrong = validate_value(field(p, "grade"), "S");
  REQUIRE_FALSE(wrong);
  CHECK(wrong.error().code == errc::invalid_value);
  CHECK(wrong.error().message.find("A、B、C") != std::string::npos);  // lists what may be chosen
  CHECK(validate_value(field(p, "marks"), "●"));  // choice series cells use the options too
  CHECK_FALSE(validate_value(field(p, "marks"), "◎"));
}

TEST_CASE("multiple choice values are option values one per line", "[template]") {
  const auto f = directions();
  CHECK(validate_value(f, "拡充\n見直し"));
  CHECK_FALSE(validate_value(f, "拡充\n廃止"));
}

TEST_CASE("ticking a multiple choice keeps the template's order", "[template]") {
  const auto f = directions();
  CHECK(toggle_choice(f, "", "見直し", true) == "見直し");
  CHECK(toggle_choice(f, "見直し", "拡充", true) == "拡充\n見直し");  // not in click order
  CHECK(toggle_choice(f, "拡充\n見直し", "拡充", false) == "見直し");
  CHECK(toggle_choice(f, "拡充", "拡充", true) == "拡充");                  // twice is once
  CHECK(toggle_choice(f, "廃止\n継続", "見直し", true) == "継続\n見直し");  // unknown dropped
  CHECK(validate_value(f, toggle_choice(f, "", "継続", true)));
}

TEST_CASE("numbers, lengths and single lines are checked with a message naming the field",
          "[template]") {
  const plan p = test::make_small_plan_definition();
  CHECK(validate_value(field(p, "users"), "1,234"));
  CHECK(validate_value(field(p, "users"), "65.4"));
  auto not_number = validate_value(field(p, "users"), "約30");
  REQUIRE_FALSE(not_number);
  CHECK(not_number.error().message.find("利用者数") != std::string::npos);

  CHECK(validate_value(field(p, "progress"), std::string(400 * 3, 'a').substr(0, 400)));
  std::string too_long;
  for (int i = 0; i < 401; ++i) too_long += "あ";
  auto long_error = validate_value(field(p, "progress"), too_long);
  REQUIRE_FALSE(long_error);
  CHECK(long_error.error().message.find("400文字以内") != std::string::npos);

  template_field short_field;
  short_field.key = "name";
  short_field.label = "指標名";
  short_field.scope = field_scope::plan;
  CHECK_FALSE(validate_value(short_field, "一行目\n二行目"));
  CHECK(validate_value(field(p, "progress"), "一行目\n二行目"));
  CHECK(validate_value(field(p, "progress"), "同左"));  // kept as typed
}

TEST_CASE("a text field without a set maximum still has one, checked everywhere", "[template]") {
  // content has no max_length in the small plan: without a default, a pasted
  // file of millions of characters reaches the outbox and blocks every push.
  const plan p = test::make_small_plan_definition();
  const auto& content = field(p, "content");
  REQUIRE(content.max_length == 0);
  const std::size_t limit = content.length_limit();
  CHECK(limit == default_long_text_limit);
  std::string at_limit;
  for (std::size_t i = 0; i < limit; ++i) at_limit += "あ";
  CHECK(validate_value(content, at_limit));
  auto over = validate_value(content, at_limit + "あ");
  REQUIRE_FALSE(over);
  CHECK(over.error().message.find("「事業内容」は" + std::to_string(limit) + "文字以内") !=
        std::string::npos);

  template_field name;
  name.key = "name";
  name.label = "指標名";
  CHECK(name.length_limit() == default_short_text_limit);
  CHECK_FALSE(validate_value(name, std::string(default_short_text_limit + 1, 'x')));
  CHECK(field(p, "progress").length_limit() == 400);  // a set maximum wins
}

TEST_CASE("a template may not set a text limit beyond what a push can carry", "[template]") {
  plan p = test::make_small_plan_definition();
  p.tmpl.fields[0].max_length = max_text_limit;
  CHECK(validate_template(p.tmpl));
  p.tmpl.fields[0].max_length = max_text_limit + 1;
  auto refused = validate_template(p.tmpl);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message.find(std::to_string(max_text_limit)) != std::string::npos);
}

TEST_CASE("a template with duplicate keys or dangling references is refused", "[template]") {
  plan p = test::make_small_plan_definition();
  CHECK(validate_template(p.tmpl));

  auto duplicate = p;
  duplicate.tmpl.fields.push_back(duplicate.tmpl.fields.front());
  CHECK_FALSE(validate_template(duplicate.tmpl));

  auto dangling = p;
  dangling.tmpl.fields[3].reason_field = "nowhere";
  CHECK_FALSE(validate_template(dangling.tmpl));

  auto no_options = p;
  no_options.tmpl.fields[3].options.clear();
  CHECK_FALSE(validate_template(no_options.tmpl));
}

TEST_CASE("an indicator series finds its target line in the plan fields", "[template]") {
  report_template tmpl;
  template_field series;
  series.key = "indicator";
  series.type = field_type::year_series;
  series.element_type = field_type::number;
  template_field target;
  target.key = "indicator_target";
  target.type = field_type::number;
  target.scope = field_scope::plan;
  tmpl.fields = {series, target};
  REQUIRE(tmpl.target_of(series) != nullptr);
  CHECK(tmpl.target_of(series)->key == "indicator_target");
  CHECK(tmpl.target_of(target) == nullptr);    // only a series has a target line
  tmpl.fields[1].scope = field_scope::report;  // a department's own number is no target
  CHECK(tmpl.target_of(series) == nullptr);
}
