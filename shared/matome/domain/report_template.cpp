#include "matome/domain/report_template.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "matome/domain/table_value.h"
#include "matome/util/utf8.h"

namespace matome {
namespace {

template <class Enum, std::size_t N>
result<Enum> parse_enum(std::string_view text, const std::pair<std::string_view, Enum> (&names)[N],
                        std::string_view what) {
  for (const auto& [name, value] : names) {
    if (name == text) return value;
  }
  std::string allowed;
  for (const auto& [name, value] : names)
    allowed += (allowed.empty() ? "" : ", ") + std::string(name);
  return make_error(errc::invalid_value, std::string(what) + " \"" + std::string(text) +
                                             "\" is unknown; use one of: " + allowed);
}

constexpr std::pair<std::string_view, field_type> type_names[] = {
    {"short_text", field_type::short_text},
    {"long_text", field_type::long_text},
    {"single_choice", field_type::single_choice},
    {"multi_choice", field_type::multi_choice},
    {"number", field_type::number},
    {"year_series", field_type::year_series},
    {"table", field_type::table},
};
constexpr std::pair<std::string_view, field_scope> scope_names[] = {
    {"plan", field_scope::plan},
    {"report", field_scope::report},
};

bool has_option(const template_field& field, std::string_view value) {
  return std::ranges::any_of(field.options, [&](const auto& o) { return o.value == value; });
}

std::string option_list(const template_field& field) {
  std::string list;
  for (const auto& o : field.options) list += (list.empty() ? "" : "、") + o.value;
  return list;
}

}  // namespace

bool is_decimal_number(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c != ',') digits += c;
  }
  if (digits.empty()) return false;
  double parsed = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), parsed);
  return ec == std::errc{} && end == digits.data() + digits.size();
}

std::string_view to_string(field_type type) {
  for (const auto& [name, value] : type_names) {
    if (value == type) return name;
  }
  return "short_text";
}

std::string_view to_string(field_scope scope) {
  return scope == field_scope::plan ? "plan" : "report";
}

result<field_type> parse_field_type(std::string_view text) {
  return parse_enum(text, type_names, "field type");
}

result<field_scope> parse_field_scope(std::string_view text) {
  return parse_enum(text, scope_names, "field scope");
}

bool template_field::is_choice() const {
  const field_type t = cell_type();
  return t == field_type::single_choice || t == field_type::multi_choice;
}

field_type template_field::cell_type() const {
  return type == field_type::year_series ? element_type : type;
}

std::size_t table_column::length_limit() const {
  if (max_length > 0) return static_cast<std::size_t>(max_length);
  switch (type) {
    case field_type::short_text:
      return default_short_text_limit;
    case field_type::number:
      return default_number_limit;
    default:
      return default_long_text_limit;
  }
}

std::size_t template_field::length_limit() const {
  if (max_length > 0) return static_cast<std::size_t>(max_length);
  switch (cell_type()) {
    case field_type::short_text:
      return default_short_text_limit;
    case field_type::number:
      return default_number_limit;
    case field_type::table:
      return default_table_limit;
    default:
      return default_long_text_limit;  // choices are bounded by their options anyway
  }
}

const template_field* report_template::find(std::string_view key) const {
  auto it = std::ranges::find(fields, key, &template_field::key);
  return it == fields.end() ? nullptr : &*it;
}

const template_field* report_template::target_of(const template_field& series) const {
  if (series.type != field_type::year_series) return nullptr;
  const auto* target = find(series.key + "_target");
  return target && target->scope == field_scope::plan && target->type == field_type::number
             ? target
             : nullptr;
}

result<void> validate_template(const report_template& tmpl) {
  std::set<std::string_view> keys;
  for (const auto& f : tmpl.fields) {
    if (f.key.empty() || f.key.starts_with('_')) {
      return make_error(errc::invalid_value, "template field \"" + f.label +
                                                 "\" needs a key that does not start with _");
    }
    if (!keys.insert(f.key).second) {
      return make_error(errc::invalid_value, "template field key \"" + f.key + "\" is used twice");
    }
    if (f.type == field_type::year_series && f.element_type == field_type::year_series) {
      return make_error(errc::invalid_value,
                        "year series \"" + f.key + "\" cannot hold year series");
    }
    if (f.max_length < 0 || f.max_length > max_text_limit) {
      return make_error(errc::invalid_value,
                        "field \"" + f.key + "\" has max_length " + std::to_string(f.max_length) +
                            "; it must be between 0 and " + std::to_string(max_text_limit));
    }
    if (f.is_choice() && f.options.empty()) {
      return make_error(errc::invalid_value, "choice field \"" + f.key + "\" has no options");
    }
    if (auto columns = validate_table_columns(f); !columns) return columns;
    if (f.level != -1 && (f.level < 0 || f.scope != field_scope::plan)) {
      return make_error(
          errc::invalid_value,
          "field \"" + f.key + "\": only a plan field may sit on headings (level 0 and up)");
    }
  }
  for (const auto& f : tmpl.fields) {
    if (f.reason_field.empty()) continue;
    const template_field* reason = tmpl.find(f.reason_field);
    if (reason == nullptr || reason->scope != f.scope) {
      return make_error(errc::invalid_value, "field \"" + f.key + "\" names reason field \"" +
                                                 f.reason_field +
                                                 "\", which is not a field of the same scope");
    }
  }
  return {};
}

result<void> validate_value(const template_field& field, std::string_view value) {
  if (!is_valid_utf8(value)) {
    return make_error(errc::invalid_argument,
                      "「" + field.label + "」の値が UTF-8 の文字列ではありません。");
  }
  if (value.empty()) return {};
  // A character is at least one byte: most values are shorter in bytes
  // than the limit in characters, and need no count (every pushed value
  // comes through here, on the server's database thread).
  if (value.size() > field.length_limit() && utf8_length(value) > field.length_limit()) {
    return make_error(errc::invalid_value, "「" + field.label + "」は" +
                                               std::to_string(field.length_limit()) +
                                               "文字以内で入力してください（現在" +
                                               std::to_string(utf8_length(value)) + "文字）。");
  }
  switch (field.cell_type()) {
    case field_type::single_choice:
      if (!has_option(field, value)) {
        return make_error(errc::invalid_value,
                          "「" + field.label + "」に「" + std::string(value) +
                              "」は選べません。選べる値: " + option_list(field));
      }
      break;
    case field_type::multi_choice: {
      std::string_view rest = value;
      while (!rest.empty()) {
        const auto newline = rest.find('\n');
        const std::string_view one = rest.substr(0, newline);
        if (!has_option(field, one)) {
          return make_error(errc::invalid_value,
                            "「" + field.label + "」に「" + std::string(one) +
                                "」は選べません。選べる値: " + option_list(field));
        }
        rest = newline == std::string_view::npos ? std::string_view{} : rest.substr(newline + 1);
      }
      break;
    }
    case field_type::table:
      return validate_table_value(field, value);
    case field_type::number:
      if (!is_decimal_number(value)) {
        return make_error(errc::invalid_value,
                          "「" + field.label + "」は半角の数値で入力してください（「" +
                              std::string(value) + "」は数値ではありません）。");
      }
      break;
    default:
      if (field.cell_type() == field_type::short_text &&
          value.find('\n') != std::string_view::npos) {
        return make_error(errc::invalid_value, "「" + field.label + "」は1行で入力してください。");
      }
      break;
  }
  return {};
}

std::string toggle_choice(const template_field& field, std::string_view value,
                          std::string_view option, bool chosen) {
  auto was_chosen = [&](std::string_view candidate) {
    std::size_t start = 0;
    while (start <= value.size()) {
      const auto end = std::min(value.find('\n', start), value.size());
      if (value.substr(start, end - start) == candidate) return true;
      start = end + 1;
    }
    return false;
  };
  std::string out;
  for (const auto& o : field.options) {
    const bool on = o.value == option ? chosen : was_chosen(o.value);
    if (!on) continue;
    if (!out.empty()) out += '\n';
    out += o.value;
  }
  return out;
}

std::optional<readiness_problem> check_ready_to_submit(
    const report_template& tmpl, const std::function<std::string(std::string_view)>& value_of) {
  for (const auto& f : tmpl.fields) {
    if (f.scope != field_scope::report) continue;
    if (f.required && value_of(f.key).empty()) {
      return readiness_problem{f.key,
                               "「" + f.label + "」が未入力です。入力してから提出してください。"};
    }
    if (!f.reason_field.empty() && !value_of(f.key).empty() && value_of(f.reason_field).empty()) {
      const template_field* reason = tmpl.find(f.reason_field);
      return readiness_problem{f.reason_field, "「" + f.label + "」を選んだときは「" +
                                                   (reason ? reason->label : f.reason_field) +
                                                   "」も入力してください。"};
    }
  }
  return std::nullopt;
}

}  // namespace matome
