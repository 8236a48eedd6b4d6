#include "matome/domain/table_value.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "matome/util/json_text.h"
#include "matome/util/rapidjson.h"
#include "matome/util/utf8.h"

namespace matome {
namespace {

error bad(const template_field& field, const std::string& what) {
  return make_error(errc::invalid_value, "表「" + field.label + "」: " + what);
}

}  // namespace

result<void> validate_table_columns(const template_field& field) {
  if (field.type != field_type::table) {
    if (!field.columns.empty()) {
      return make_error(errc::invalid_value,
                        "field \"" + field.key + "\" has columns but is not a table");
    }
    return {};
  }
  if (field.columns.empty()) {
    return make_error(errc::invalid_value, "table \"" + field.key + "\" has no columns");
  }
  std::set<std::string_view> keys;
  for (const auto& c : field.columns) {
    if (c.key.empty() || !keys.insert(c.key).second) {
      return make_error(errc::invalid_value,
                        "table \"" + field.key + "\": column keys must be non-empty and unique");
    }
    if (c.type != field_type::short_text && c.type != field_type::long_text &&
        c.type != field_type::number && c.type != field_type::single_choice) {
      return make_error(errc::invalid_value, "table \"" + field.key + "\": column \"" + c.key +
                                                 "\" must be short_text, long_text, number or "
                                                 "single_choice");
    }
    if (c.type == field_type::single_choice && c.options.empty()) {
      return make_error(errc::invalid_value,
                        "table \"" + field.key + "\": column \"" + c.key + "\" has no options");
    }
    if (c.max_length < 0 || c.max_length > max_text_limit) {
      return make_error(errc::invalid_value,
                        "table \"" + field.key + "\": column \"" + c.key + "\" max_length");
    }
  }
  return {};
}

result<std::vector<table_row>> parse_table_value(const template_field& field,
                                                 std::string_view text) {
  std::vector<table_row> rows;
  if (text.empty()) return rows;
  if (auto ok = check_json_text(text, "表「" + field.label + "」の値"); !ok) {
    return make_error(errc::invalid_value, ok.error().message);
  }
  rapidjson::Document doc;
  doc.Parse(text.data(), text.size());
  if (doc.HasParseError() || !doc.IsArray()) {
    return bad(field, "値が表の形 (JSON の配列) ではありません。");
  }
  for (const auto& object : doc.GetArray()) {
    if (!object.IsObject()) return bad(field, "行が JSON のオブジェクトではありません。");
    table_row row(field.columns.size());
    for (const auto& m : object.GetObject()) {
      const std::string_view key(m.name.GetString(), m.name.GetStringLength());
      std::size_t at = 0;
      while (at < field.columns.size() && field.columns[at].key != key) ++at;
      if (at == field.columns.size())
        return bad(field, "列「" + std::string(key) + "」はありません。");
      if (!m.value.IsString())
        return bad(field, "列「" + std::string(key) + "」の値が文字列ではありません。");
      row[at].assign(m.value.GetString(), m.value.GetStringLength());
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string write_table_value(const template_field& field, const std::vector<table_row>& rows) {
  if (rows.empty()) return {};
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartArray();
  for (const auto& row : rows) {
    w.StartObject();
    for (std::size_t c = 0; c < field.columns.size(); ++c) {
      const auto& key = field.columns[c].key;
      w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
      const std::string& value = c < row.size() ? row[c] : std::string();
      w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
    }
    w.EndObject();
  }
  w.EndArray();
  return {buffer.GetString(), buffer.GetSize()};
}

result<std::string> canonical_table_value(const template_field& field, std::string_view text) {
  auto rows = parse_table_value(field, text);
  if (!rows) return rows.error();
  return write_table_value(field, *rows);
}

std::string stored_form(const template_field* field, std::string_view typed) {
  if (field == nullptr || field->type != field_type::table) return std::string(typed);
  auto canonical = canonical_table_value(*field, typed);
  return canonical ? *canonical : std::string(typed);
}

result<void> validate_table_value(const template_field& field, std::string_view text) {
  auto rows = parse_table_value(field, text);
  if (!rows) return rows.error();
  if (write_table_value(field, *rows) != text) {
    return bad(field, "値が正規の形ではありません (列の順に、空白なしで保存してください)。");
  }
  for (std::size_t r = 0; r < rows->size(); ++r) {
    const std::string row_name = std::to_string(r + 1) + "行目";
    const auto& row = (*rows)[r];
    if (std::all_of(row.begin(), row.end(), [](const std::string& v) { return v.empty(); })) {
      return bad(field, row_name + "が空です。空の行は削除してください。");
    }
    for (std::size_t c = 0; c < field.columns.size(); ++c) {
      const auto& column = field.columns[c];
      const std::string& value = row[c];
      const std::string where = row_name + "の「" + column.label + "」";
      if (value.empty()) {
        if (column.required) return bad(field, where + "が未入力です。");
        continue;
      }
      if (utf8_length(value) > column.length_limit()) {
        return bad(field, where + "は" + std::to_string(column.length_limit()) + "文字以内です。");
      }
      if (column.type == field_type::short_text && value.find('\n') != std::string::npos) {
        return bad(field, where + "は1行で入力してください。");
      }
      if (column.type == field_type::number && !is_decimal_number(value)) {
        return bad(field, where + "は半角の数値で入力してください。");
      }
      if (column.type == field_type::single_choice &&
          std::find(column.options.begin(), column.options.end(), value) == column.options.end()) {
        return bad(field, where + "に「" + value + "」は選べません。");
      }
    }
  }
  return {};
}

std::string write_table_columns(const std::vector<table_column>& columns) {
  if (columns.empty()) return {};
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartArray();
  for (const auto& c : columns) {
    w.StartObject();
    w.Key("key");
    w.String(c.key.c_str());
    w.Key("label");
    w.String(c.label.c_str());
    w.Key("type");
    const auto type = to_string(c.type);
    w.String(type.data(), static_cast<rapidjson::SizeType>(type.size()));
    if (!c.options.empty()) {
      w.Key("options");
      w.StartArray();
      for (const auto& o : c.options) w.String(o.c_str());
      w.EndArray();
    }
    if (c.max_length > 0) {
      w.Key("max_length");
      w.Int(c.max_length);
    }
    if (c.required) {
      w.Key("required");
      w.Bool(true);
    }
    w.EndObject();
  }
  w.EndArray();
  return {buffer.GetString(), buffer.GetSize()};
}

result<std::vector<table_column>> parse_table_columns(std::string_view json) {
  std::vector<table_column> out;
  if (json.empty()) return out;
  if (auto ok = check_json_text(json, "表の列 (columns)"); !ok) {
    return make_error(errc::invalid_value, ok.error().message);
  }
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  auto fail = [](const std::string& what) {
    return make_error(errc::invalid_value, "columns: " + what);
  };
  if (doc.HasParseError() || !doc.IsArray()) return fail("expected an array of columns");
  int i = 0;
  for (const auto& c : doc.GetArray()) {
    const std::string at = "[" + std::to_string(i++) + "]";
    if (!c.IsObject()) return fail(at + " is not an object");
    table_column column;
    auto text = [&](const char* name, std::string& into, bool required) -> bool {
      auto it = c.FindMember(name);
      if (it == c.MemberEnd()) return !required;
      if (!it->value.IsString()) return false;
      into.assign(it->value.GetString(), it->value.GetStringLength());
      return true;
    };
    std::string type = "short_text";
    if (!text("key", column.key, true) || !text("label", column.label, true) ||
        !text("type", type, false)) {
      return fail(at + " needs \"key\" and \"label\" (strings) and a \"type\"");
    }
    auto parsed = parse_field_type(type);
    if (!parsed) return fail(at + ".type: " + parsed.error().message);
    column.type = *parsed;
    if (auto o = c.FindMember("options"); o != c.MemberEnd()) {
      if (!o->value.IsArray()) return fail(at + ".options is not an array");
      for (const auto& v : o->value.GetArray()) {
        if (!v.IsString()) return fail(at + ".options holds a non-string");
        column.options.emplace_back(v.GetString(), v.GetStringLength());
      }
    }
    if (auto m = c.FindMember("max_length"); m != c.MemberEnd()) {
      if (!m->value.IsInt()) return fail(at + ".max_length is not an integer");
      column.max_length = m->value.GetInt();
    }
    if (auto r = c.FindMember("required"); r != c.MemberEnd()) {
      if (!r->value.IsBool()) return fail(at + ".required is not true or false");
      column.required = r->value.GetBool();
    }
    out.push_back(std::move(column));
  }
  return out;
}

std::string table_as_text(const template_field& field, std::string_view text) {
  auto rows = parse_table_value(field, text);
  if (!rows) return std::string(text);
  std::string out;
  for (std::size_t r = 0; r < rows->size(); ++r) {
    if (r > 0) out += "\n";
    out += std::to_string(r + 1) + ". ";
    for (std::size_t c = 0; c < field.columns.size(); ++c) {
      if (c > 0) out += " ｜ ";
      out += (*rows)[r][c];
    }
  }
  return out;
}

}  // namespace matome
