#include "matome/report/report_layout.h"

#include "matome/domain/fiscal_year.h"
#include "matome/util/file.h"
#include "matome/util/json_text.h"
#include "matome/util/rapidjson.h"

namespace matome {
namespace {

constexpr std::string_view item_sources[] = {"label", "title", "owners", "page", "status"};

double default_width(const template_field& f) {
  switch (f.cell_type()) {
    case field_type::long_text:
    case field_type::table:
      return 40;
    case field_type::single_choice:
      return 8;
    case field_type::number:
      return 10;
    default:
      return 16;
  }
}

}  // namespace

report_layout default_layout(const plan& p) {
  report_layout out;
  out.title = "{title} {year} 進捗状況報告";
  out.columns = {{"No.", "label", 6}, {"事業名", "title", 24}, {"担当課", "owners", 14}};
  for (const auto& f : p.tmpl.fields) {
    if (f.level >= 0) continue;  // sections print as headed paragraphs, not columns
    out.columns.push_back(
        {f.label, f.key, f.type == field_type::year_series ? 8 : default_width(f)});
  }
  return out;
}

result<report_layout> parse_layout(std::string_view json, const plan& p) {
  if (auto ok = check_json_text(json, "レイアウト"); !ok) {
    return make_error(errc::invalid_value, ok.error().message);
  }
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  auto fail = [](const std::string& what) {
    return make_error(errc::invalid_value, "レイアウト " + what);
  };
  if (doc.HasParseError() || !doc.IsObject()) return fail("が JSON のオブジェクトではありません。");
  report_layout out = default_layout(p);
  auto text = [&](const rapidjson::Value& v, const char* name, std::string& into) -> bool {
    auto it = v.FindMember(name);
    if (it == v.MemberEnd()) return true;
    if (!it->value.IsString()) return false;
    into.assign(it->value.GetString(), it->value.GetStringLength());
    return true;
  };
  if (!text(doc, "title", out.title)) return fail("$.title: 文字列ではありません。");
  std::string orientation = out.landscape ? "landscape" : "portrait";
  if (!text(doc, "orientation", orientation) ||
      (orientation != "landscape" && orientation != "portrait")) {
    return fail("$.orientation: landscape か portrait です。");
  }
  out.landscape = orientation == "landscape";
  std::string shared = "sections";
  if (!text(doc, "shared_rows", shared) || (shared != "sections" && shared != "sub_rows")) {
    return fail("$.shared_rows: sections か sub_rows です。");
  }
  out.shared_rows = shared == "sections" ? shared_row_style::sections : shared_row_style::sub_rows;
  std::string choices = "value";
  if (!text(doc, "choices", choices) || (choices != "value" && choices != "boxes")) {
    return fail("$.choices: value か boxes です。");
  }
  out.choices = choices == "value" ? choice_style::value : choice_style::boxes;
  if (auto legend = doc.FindMember("legend_level"); legend != doc.MemberEnd()) {
    if (!legend->value.IsInt() || legend->value.GetInt() < -1 ||
        legend->value.GetInt() >= static_cast<int>(p.level_names.size()) - 1) {
      return fail("$.legend_level: 見出しの階層 (0 から) か -1 です。");
    }
    out.legend_level = legend->value.GetInt();
  }
  if (auto columns = doc.FindMember("columns"); columns != doc.MemberEnd()) {
    if (!columns->value.IsArray()) return fail("$.columns: 配列ではありません。");
    out.columns.clear();
    int i = 0;
    for (const auto& c : columns->value.GetArray()) {
      const std::string at = "$.columns[" + std::to_string(i++) + "]";
      if (!c.IsObject()) return fail(at + ": オブジェクトではありません。");
      layout_column column;
      if (!text(c, "header", column.header) || !text(c, "source", column.source)) {
        return fail(at + ": header と source は文字列です。");
      }
      const bool item_source = std::find(std::begin(item_sources), std::end(item_sources),
                                         column.source) != std::end(item_sources);
      const template_field* f = p.tmpl.find(column.source);
      if (!item_source && (f == nullptr || f->level >= 0)) {
        return fail(at + ".source: 「" + column.source +
                    "」は label、title、owners、page、status でも、行の項目のキーでもありません。");
      }
      if (column.header.empty()) column.header = f != nullptr ? f->label : column.source;
      if (auto y = c.FindMember("year"); y != c.MemberEnd()) {
        auto parsed = y->value.IsInt() ? result<int>(y->value.GetInt())
                      : y->value.IsString()
                          ? parse_fiscal_year({y->value.GetString(), y->value.GetStringLength()})
                          : result<int>(make_error(errc::invalid_value, "a year"));
        if (!parsed || !p.contains_year(*parsed))
          return fail(at + ".year: 計画期間の年度ではありません。");
        column.year = *parsed;
      }
      std::string own_choices;
      if (!text(c, "choices", own_choices) ||
          (!own_choices.empty() && own_choices != "value" && own_choices != "boxes")) {
        return fail(at + ".choices: value か boxes です。");
      }
      if (!own_choices.empty()) {
        column.has_choices = true;
        column.choices =
            static_cast<int>(own_choices == "value" ? choice_style::value : choice_style::boxes);
      }
      if (auto w = c.FindMember("width"); w != c.MemberEnd()) {
        if (!w->value.IsNumber() || w->value.GetDouble() <= 0 || w->value.GetDouble() > 255) {
          return fail(at + ".width: 1〜255 の数です。");
        }
        column.width = w->value.GetDouble();
      }
      out.columns.push_back(std::move(column));
    }
  }
  return out;
}

result<report_layout> read_layout(const std::string& path, const plan& p) {
  if (path.empty()) {
    if (p.report_layout.empty()) return default_layout(p);
    auto layout = parse_layout(p.report_layout, p);
    if (!layout)
      return make_error(layout.error().code, "計画のレイアウト: " + layout.error().message);
    return layout;
  }
  auto json = read_file(path);
  if (!json) return json.error();
  auto layout = parse_layout(*json, p);
  if (!layout) return make_error(layout.error().code, path + ": " + layout.error().message);
  return layout;
}

}  // namespace matome
