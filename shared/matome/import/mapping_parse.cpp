// Reading a mapping file. The plan, template, departments and users are the
// plan file's own sections (json_reader), so a city's IT staff learn one
// format; the rest says how the sheet is laid out.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "matome/domain/fiscal_year.h"
#include "matome/import/mapping.h"
#include "matome/import/normalize.h"
#include "matome/import/presets.h"
#include "matome/plan_file/json_reader.h"
#include "matome/sheet/workbook.h"
#include "matome/util/file.h"
#include "matome/util/json_text.h"
#include "matome/util/utf8.h"

namespace matome::import {
namespace {

using namespace json_reader;

constexpr std::string_view item_targets[] = {"label", "title", "description", "page", "owners"};

int column_of(const json& object, const std::string& path, const char* name = "column") {
  auto column = sheet::parse_column(text(object, path, name, true));
  if (!column) fail(path + "." + name, column.error().message);
  return *column;
}

cell_match parse_match(const json& object, const std::string& path) {
  require_object(object, path);
  cell_match m;
  m.column = column_of(object, path);
  auto pattern = cell_pattern::compile(text(object, path, "pattern", true));
  if (!pattern) fail(path + ".pattern", pattern.error().message);
  m.pattern = std::move(*pattern);
  return m;
}

row_match parse_row_match(const json& object, const std::string& path) {
  row_match m;
  m.first = parse_match(object, path);
  int i = 0;
  for (const auto& a : array(object, path, "and")) {
    m.also.push_back(parse_match(a, path + ".and[" + std::to_string(i++) + "]"));
  }
  return m;
}

value_spec parse_value(const json& object, const std::string& path, const char* name) {
  value_spec v;
  auto it = object.FindMember(name);
  if (it == object.MemberEnd()) return v;
  const std::string at = path + "." + name;
  if (it->value.IsString()) {
    v.templ = text(it->value, at);
    return v;
  }
  require_object(it->value, at);
  v.column = column_of(it->value, at);
  v.templ = it->value.HasMember("value") ? text(it->value, at, "value") : "$0";
  if (it->value.HasMember("pattern")) {
    v.from = parse_match(it->value, at);
    v.has_pattern = true;
  }
  return v;
}

int level_of(const json& object, const std::string& path, const plan& p, bool heading) {
  const int level = integer(object, path, "level");
  const int rows = static_cast<int>(p.level_names.size()) - 1;
  if (level < 0 || level > rows || (heading && level == rows)) {
    fail(path + ".level", "見出しの階層は 0 から " + std::to_string(rows - 1) +
                              " までです (plan.levels の最後は行の階層)。");
  }
  return level;
}

// A rule's "year" (2023, R5, 令和5年度, or 29年度 in the default era), which
// must lie in the plan's period; 0 when the rule has none.
int year_of(const json& object, const std::string& at, const mapping& m,
            std::string_view default_era) {
  auto y = object.FindMember("year");
  if (y == object.MemberEnd()) return 0;
  auto parsed = y->value.IsInt() ? result<int>(y->value.GetInt())
                                 : normalize_year(text(y->value, at + ".year"), default_era);
  if (!parsed) fail(at + ".year", parsed.error().message);
  if (!m.base.plan_.contains_year(*parsed)) {
    fail(at + ".year", fiscal_year_label(*parsed) + "は計画期間の外です。");
  }
  return *parsed;
}

std::vector<column_rule> parse_columns(const json& object, const std::string& path,
                                       const char* name, const mapping& m,
                                       std::string_view default_era) {
  std::vector<column_rule> out;
  int i = 0;
  for (const auto& c : array(object, path, name)) {
    const std::string at = path + "." + name + "[" + std::to_string(i++) + "]";
    require_object(c, at);
    column_rule rule;
    rule.column = column_of(c, at);
    rule.target = text(c, at, "to", true);
    const bool is_item_target = std::find(std::begin(item_targets), std::end(item_targets),
                                          rule.target) != std::end(item_targets);
    const template_field* field = m.base.plan_.tmpl.find(rule.target);
    if (!is_item_target && field == nullptr) {
      fail(at + ".to", "「" + rule.target +
                           "」は label、title、description、page、owners "
                           "でもテンプレートの項目でもありません。");
    }
    rule.grades = text(c, at, "grades");
    if (!rule.grades.empty()) {
      const template_field* graded = m.base.plan_.tmpl.find(rule.grades);
      if (rule.target != "owners" || graded == nullptr || !graded->is_choice()) {
        fail(at + ".grades", "grades は owners の列に、選択肢の項目のキーで書きます。");
      }
    }
    rule.year = year_of(c, at, m, default_era);
    if (field != nullptr && field->type == field_type::year_series && rule.year == 0 &&
        field->scope == field_scope::plan) {
      fail(at + ".year", "年度ごとの項目「" + rule.target + "」には year が要ります。");
    }
    out.push_back(std::move(rule));
  }
  return out;
}

sheet_layout parse_sheet(const json& s, const std::string& path, const mapping& m) {
  require_object(s, path);
  sheet_layout layout;
  layout.sheet = text(s, path, "sheet");
  if (s.HasMember("header_rows")) layout.header_rows = integer(s, path, "header_rows");
  int i = 0;
  for (const auto& k : array(s, path, "skip")) {
    layout.skip.push_back(parse_row_match(k, path + ".skip[" + std::to_string(i++) + "]"));
  }
  i = 0;
  for (const auto& h : array(s, path, "headings")) {
    const std::string at = path + ".headings[" + std::to_string(i++) + "]";
    require_object(h, at);
    heading_rule rule;
    rule.level = level_of(h, at, m.base.plan_, true);
    rule.when = parse_row_match(h, at);
    rule.label = parse_value(h, at, "label");
    rule.title = parse_value(h, at, "title");
    if (rule.title.templ.empty() && rule.title.column < 0) rule.title.templ = "$0";
    const std::string match = text(h, at, "match");
    if (match == "title") {
      rule.match = heading_match::title;
    } else if (match == "label") {
      rule.match = heading_match::label;
    } else if (!match.empty() && match != "label_and_title") {
      fail(at + ".match", "match は label_and_title、title、label のいずれかです。");
    }
    if (h.HasMember("label_pattern")) {
      auto pattern = cell_pattern::compile(text(h, at, "label_pattern"));
      if (!pattern) fail(at + ".label_pattern", pattern.error().message);
      rule.label_pattern = std::move(*pattern);
      rule.has_label_pattern = true;
    }
    layout.headings.push_back(std::move(rule));
  }
  i = 0;
  for (const auto& a : array(s, path, "attributes")) {
    const std::string at = path + ".attributes[" + std::to_string(i++) + "]";
    require_object(a, at);
    attribute_rule rule;
    rule.level = level_of(a, at, m.base.plan_, true);
    rule.when = parse_row_match(a, at);
    rule.attribute = text(a, at, "set", true);
    if (rule.attribute != "page" && rule.attribute != "description" && rule.attribute != "title") {
      const template_field* section = m.base.plan_.tmpl.find(rule.attribute);
      if (section == nullptr || section->scope != field_scope::plan ||
          section->level != rule.level) {
        fail(at + ".set", "set は page、description、title か、この階層 (level " +
                              std::to_string(rule.level) + ") の見出しに書く項目のキーです。");
      }
      if (section->type == field_type::year_series) {
        rule.year = year_of(a, at, m, m.default_era);
        if (rule.year == 0) fail(at + ".year", "年度ごとの項目には year が要ります。");
      }
    }
    rule.value = parse_value(a, at, "value");
    if (rule.value.templ.empty() && rule.value.column < 0) rule.value.templ = "$0";
    layout.attributes.push_back(std::move(rule));
  }
  layout.row = parse_row_match(member(s, path, "row"), path + ".row");
  layout.columns = parse_columns(s, path, "columns", m, m.default_era);
  if (auto c = s.FindMember("continuation"); c != s.MemberEnd()) {
    layout.has_continuation = true;
    layout.continuation = parse_row_match(c->value, path + ".continuation");
    layout.continuation_columns =
        parse_columns(c->value, path + ".continuation", "columns", m, m.default_era);
  }
  i = 0;
  for (const auto& d : array(s, path, "drop_if_empty")) {
    const std::string at = path + ".drop_if_empty[" + std::to_string(i++) + "]";
    auto column = sheet::parse_column(text(d, at));
    if (!column) fail(at, column.error().message);
    layout.drop_if_empty.push_back(*column);
  }
  return layout;
}

void parse_options(const json& doc, mapping& m) {
  auto it = doc.FindMember("import");
  if (it == doc.MemberEnd()) return;
  const json& o = it->value;
  require_object(o, "$.import");
  if (o.HasMember("status")) {
    auto status = parse_entry_status(text(o, "$.import", "status"));
    if (!status) fail("$.import.status", status.error().message);
    m.status = *status;
  }
  if (o.HasMember("finalize_earlier_years")) {
    m.finalize_earlier_years = flag(o, "$.import", "finalize_earlier_years");
  }
  if (o.HasMember("same_as_before")) m.same_as_before = text(o, "$.import", "same_as_before");
  if (o.HasMember("resolve_same_as_before")) {
    m.resolve_same_as_before = flag(o, "$.import", "resolve_same_as_before");
  }
  m.default_era = text(o, "$.import", "default_era");
  if (!m.default_era.empty() && m.default_era != "平成" && m.default_era != "令和") {
    fail("$.import.default_era", "default_era は 平成 か 令和 です。");
  }
  const std::string bad = text(o, "$.import", "invalid_choices");
  if (bad == "note") {
    m.bad_choices = invalid_choices::note;
  } else if (!bad.empty() && bad != "error") {
    fail("$.import.invalid_choices", "invalid_choices は error か note です。");
  }
  const std::string unowned = text(o, "$.import", "unowned_rows");
  if (unowned == "skip") {
    m.unowned = unowned_rows::skip;
  } else if (!unowned.empty() && unowned != "error") {
    fail("$.import.unowned_rows", "unowned_rows は error か skip です。");
  }
}

}  // namespace

int sheet_layout::widest_column() const {
  int widest = 0;
  auto see = [&](int column) { widest = std::max(widest, column); };
  auto see_match = [&](const row_match& m) {
    see(m.first.column);
    for (const auto& a : m.also) see(a.column);
  };
  auto see_value = [&](const value_spec& v) { see(v.column); };
  for (const auto& h : headings) {
    see_match(h.when);
    see_value(h.label);
    see_value(h.title);
  }
  for (const auto& a : attributes) {
    see_match(a.when);
    see_value(a.value);
  }
  for (const auto& k : skip) see_match(k);
  see_match(row);
  if (has_continuation) see_match(continuation);
  for (const auto& c : columns) see(c.column);
  for (const auto& c : continuation_columns) see(c.column);
  for (int c : drop_if_empty) see(c);
  return widest;
}

result<mapping> parse_mapping(std::string_view bytes) {
  if (!is_valid_utf8(bytes))
    return make_error(errc::invalid_argument, "対応表 (mapping) が UTF-8 ではありません。");
  if (auto ok = check_json_text(bytes, "対応表 (mapping)"); !ok) return ok.error();
  rapidjson::Document doc;
  doc.Parse(bytes.data(), bytes.size());
  if (doc.HasParseError()) {
    return make_error(errc::invalid_argument,
                      "対応表 (mapping) が JSON として読めません: " +
                          std::string(rapidjson::GetParseError_En(doc.GetParseError())) + " (" +
                          std::to_string(doc.GetErrorOffset()) + " バイト目)");
  }
  try {
    require_object(doc, "$");
    if (text(doc, "$", "format", true) != mapping_format) {
      fail("$.format", "Matome の対応表ではありません (\"matome-mapping\" のはず)");
    }
    if (const int version = integer(doc, "$", "version"); version > mapping_version) {
      return make_error(errc::unsupported_version,
                        "対応表の版 " + std::to_string(version) +
                            " はこの Matome より新しい形式です。Matome を更新してください。");
    }
    mapping m;
    m.base = parse_plan_parts(doc);
    if (auto valid = validate_plan(m.base.plan_); !valid) return valid.error();
    if (m.base.plan_.level_names.size() < 1) fail("$.plan.levels", "階層が一つもありません。");
    int i = 0;
    for (const auto& d : array(doc, "$", "departments")) {
      const std::string path = "$.departments[" + std::to_string(i) + "]";
      const std::string code = m.base.departments[static_cast<std::size_t>(i++)].code;
      int a = 0;
      for (const auto& alias : array(d, path, "aliases")) {
        m.aliases[code].push_back(text(alias, path + ".aliases[" + std::to_string(a++) + "]"));
      }
    }
    parse_options(doc, m);
    i = 0;
    for (const auto& s : array(doc, "$", "sheets")) {
      m.sheets.push_back(parse_sheet(s, "$.sheets[" + std::to_string(i++) + "]", m));
    }
    if (m.sheets.empty()) fail("$.sheets", "シートの割り当てが一つもありません。");
    return m;
  } catch (const parse_error& e) {
    return make_error(errc::invalid_value, "対応表 " + e.message);
  }
}

result<mapping> read_mapping_file(const std::string& path) {
  auto bytes = read_file(path);
  if (!bytes) return bytes.error();
  auto m = parse_mapping(*bytes);
  if (!m) return make_error(m.error().code, path + ": " + m.error().message);
  return m;
}

result<mapping> read_preset(const std::string& directory, std::string_view name) {
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
      return make_error(
          errc::invalid_argument,
          "プリセット名「" + std::string(name) +
              "」は使えません。英小文字・数字・-・_ で、sakado のように書いてください。");
    }
  }
  const auto path = std::filesystem::path(directory) / (std::string(name) + ".json");
  if (!std::filesystem::exists(path)) {
    std::string known;
    for (const auto& p : list_presets(directory)) known += (known.empty() ? "" : "、") + p.name;
    return make_error(errc::not_found, "プリセット「" + std::string(name) + "」がありません (" +
                                           path.string() + ")。使えるのは " +
                                           (known.empty() ? "(なし)" : known) + " です。");
  }
  return read_mapping_file(path.string());
}

}  // namespace matome::import
