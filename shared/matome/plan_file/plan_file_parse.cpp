// Parsing the plan file with rapidjson's DOM. Every error names the JSON path
// of the offending value, so whoever wrote the file can find it.
#include "matome/domain/fiscal_year.h"
#include "matome/domain/table_value.h"
#include "matome/plan_file/json_reader.h"
#include "matome/plan_file/plan_file.h"
#include "matome/report/report_layout.h"
#include "matome/util/json_text.h"
#include "matome/util/utf8.h"

namespace matome {
namespace json_reader {

template_field parse_field(const json& v, const std::string& path) {
  require_object(v, path);
  template_field f;
  f.key = text(v, path, "key", true);
  f.label = text(v, path, "label", true);
  auto type = parse_field_type(text(v, path, "type", true));
  if (!type) fail(path + ".type", type.error().message);
  f.type = *type;
  auto scope = parse_field_scope(text(v, path, "scope", true));
  if (!scope) fail(path + ".scope", scope.error().message);
  f.scope = *scope;
  if (v.HasMember("element_type")) {
    auto element = parse_field_type(text(v, path, "element_type"));
    if (!element) fail(path + ".element_type", element.error().message);
    f.element_type = *element;
  }
  f.unit = text(v, path, "unit");
  if (v.HasMember("max_length")) f.max_length = integer(v, path, "max_length");
  f.required = flag(v, path, "required");
  f.reason_field = text(v, path, "reason_field");
  if (auto c = v.FindMember("columns"); c != v.MemberEnd()) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    c->value.Accept(w);
    auto columns = parse_table_columns({buffer.GetString(), buffer.GetSize()});
    if (!columns) fail(path, columns.error().message);
    f.columns = std::move(*columns);
  }
  if (v.HasMember("level")) f.level = integer(v, path, "level");
  int i = 0;
  for (const auto& o : array(v, path, "options")) {
    const std::string option_path = path + ".options[" + std::to_string(i++) + "]";
    if (o.IsString()) {
      f.options.push_back({text(o, option_path), {}});
    } else {
      require_object(o, option_path);
      f.options.push_back(
          {text(o, option_path, "value", true), text(o, option_path, "definition")});
    }
  }
  return f;
}

plan_file parse_plan_parts(const json& doc) {
  plan_file out;
  const json& p = member(doc, "$", "plan");
  require_object(p, "$.plan");
  out.plan_.code = text(p, "$.plan", "code", true);
  out.plan_.title = text(p, "$.plan", "title", true);
  out.plan_.city = text(p, "$.plan", "city");
  out.plan_.first_year = year(p, "$.plan", "first_year");
  out.plan_.last_year = year(p, "$.plan", "last_year");
  out.plan_.report_year = year(p, "$.plan", "report_year");
  out.plan_.department_check = flag(p, "$.plan", "department_check");
  int i = 0;
  for (const auto& l : array(p, "$.plan", "levels")) {
    out.plan_.level_names.push_back(text(l, "$.plan.levels[" + std::to_string(i++) + "]"));
  }
  i = 0;
  for (const auto& f : array(doc, "$", "template")) {
    out.plan_.tmpl.fields.push_back(parse_field(f, "$.template[" + std::to_string(i++) + "]"));
  }
  if (auto l = doc.FindMember("report_layout"); l != doc.MemberEnd()) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    l->value.Accept(w);
    const std::string layout(buffer.GetString(), buffer.GetSize());
    if (auto parsed = parse_layout(layout, out.plan_); !parsed)
      fail("$.report_layout", parsed.error().message);
    out.plan_.report_layout = layout;
  }
  i = 0;
  for (const auto& d : array(doc, "$", "departments")) {
    const std::string path = "$.departments[" + std::to_string(i++) + "]";
    require_object(d, path);
    out.departments.push_back(
        {0, text(d, path, "code", true), text(d, path, "name", true), flag(d, path, "external")});
  }
  i = 0;
  for (const auto& u : array(doc, "$", "users")) {
    const std::string path = "$.users[" + std::to_string(i++) + "]";
    require_object(u, path);
    plan_file_user user;
    user.login = text(u, path, "login", true);
    user.name = text(u, path, "name", true);
    user.department = text(u, path, "department");
    auto r = parse_role(text(u, path, "role", true));
    if (!r) fail(path + ".role", r.error().message);
    user.user_role = *r;
    user.password = text(u, path, "password", true);
    out.users.push_back(std::move(user));
  }
  return out;
}

}  // namespace json_reader

namespace {

using namespace json_reader;

plan_file_item parse_item(const json& v, const std::string& path) {
  require_object(v, path);
  plan_file_item item;
  item.key = text(v, path, "key");
  item.label = text(v, path, "label");
  item.relist_of = text(v, path, "relist");
  if (item.relist_of.empty()) item.title = text(v, path, "title", true);
  item.description = text(v, path, "description");
  item.page_ref = text(v, path, "page");
  int i = 0;
  for (const auto& o : array(v, path, "owners"))
    item.owners.push_back(text(o, path + ".owners[" + std::to_string(i++) + "]"));
  item.plan_values = values(v, path, "plan_values");
  i = 0;
  for (const auto& r : array(v, path, "reports")) {
    const std::string report_path = path + ".reports[" + std::to_string(i++) + "]";
    require_object(r, report_path);
    plan_file_report report;
    report.department = text(r, report_path, "department", true);
    report.year = year(r, report_path, "year");
    if (r.HasMember("status")) {
      auto status = parse_entry_status(text(r, report_path, "status"));
      if (!status) fail(report_path + ".status", status.error().message);
      report.status = *status;
    }
    report.comment = text(r, report_path, "comment");
    report.values = values(r, report_path, "values");
    int n = 0;
    for (const auto& note : array(r, report_path, "notes")) {
      report.notes.push_back(text(note, report_path + ".notes[" + std::to_string(n++) + "]"));
    }
    item.reports.push_back(std::move(report));
  }
  i = 0;
  for (const auto& c : array(v, path, "children")) {
    item.children.push_back(parse_item(c, path + ".children[" + std::to_string(i++) + "]"));
  }
  return item;
}

}  // namespace

result<plan_file> parse_plan_file(std::string_view bytes) {
  if (!is_valid_utf8(bytes))
    return make_error(errc::invalid_argument, "the plan file is not UTF-8 text");
  if (auto ok = check_json_text(bytes, "計画ファイル"); !ok) return ok.error();
  rapidjson::Document doc;
  doc.Parse(bytes.data(), bytes.size());
  if (doc.HasParseError()) {
    return make_error(errc::invalid_argument,
                      "the plan file is not valid JSON: " +
                          std::string(rapidjson::GetParseError_En(doc.GetParseError())) +
                          " (at byte " + std::to_string(doc.GetErrorOffset()) + ")");
  }
  try {
    require_object(doc, "$");
    if (text(doc, "$", "format", true) != plan_file_format) {
      fail("$.format", "this is not a Matome plan file (expected \"matome-plan\")");
    }
    const int version = integer(doc, "$", "version");
    if (version > plan_file_version) {
      return make_error(errc::unsupported_version, "plan file version " + std::to_string(version) +
                                                       " is newer than this Matome (" +
                                                       std::to_string(plan_file_version) +
                                                       "); update Matome");
    }
    plan_file out = json_reader::parse_plan_parts(doc);
    int i = 0;
    for (const auto& item : array(doc, "$", "items")) {
      out.items.push_back(parse_item(item, "$.items[" + std::to_string(i++) + "]"));
    }
    i = 0;
    for (const auto& y : array(doc, "$", "finalized_years")) {
      const std::string path = "$.finalized_years[" + std::to_string(i++) + "]";
      if (y.IsInt()) {
        out.finalized_years.push_back(y.GetInt());
        continue;
      }
      auto parsed = parse_fiscal_year(text(y, path));
      if (!parsed) fail(path, parsed.error().message);
      out.finalized_years.push_back(*parsed);
    }
    if (auto valid = validate_plan(out.plan_); !valid) return valid.error();
    return out;
  } catch (const parse_error& e) {
    return make_error(errc::invalid_value, "plan file " + e.message);
  }
}

}  // namespace matome
