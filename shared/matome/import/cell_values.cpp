#include "matome/import/cell_values.h"

#include <algorithm>

#include "matome/domain/table_value.h"
#include "matome/util/utf8.h"

namespace matome::import {
namespace {

std::vector<std::string> option_values(const template_field& field) {
  std::vector<std::string> out;
  for (const auto& o : field.options) out.push_back(o.value);
  return out;
}

std::string one_of(const std::vector<std::string>& options) {
  std::string out;
  for (const auto& o : options) out += (out.empty() ? "" : "、") + o;
  return out;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  for (char32_t c : utf8_decode(text)) {
    if (c == U'\n' || c == U'、' || c == U',' || c == U'，') {
      if (!trim(current).empty()) out.emplace_back(trim(current));
      current.clear();
    } else {
      utf8_append(current, c);
    }
  }
  if (!trim(current).empty()) out.emplace_back(trim(current));
  return out;
}

}  // namespace

cell_reading read_cell_value(const template_field& field, std::string_view text) {
  cell_reading out;
  if (trim(text).empty()) return out;
  const auto options = option_values(field);
  switch (field.cell_type()) {
    case field_type::short_text:
    case field_type::long_text:
    case field_type::year_series:
      out.value = std::string(text);
      return out;
    case field_type::table: {
      // JSON as Matome writes it; else 【見出し】 sections as heading + text
      // rows (for a table of two columns or more), else one row per line.
      if (auto canonical = canonical_table_value(field, trim(text))) {
        out.value = *canonical;
        return out;
      }
      std::vector<table_row> rows;
      const auto sections = split_sections(text);
      if (field.columns.size() >= 2 && sections.size() > 1) {
        for (const auto& s : sections) rows.push_back({s.heading, s.body});
      } else {
        std::size_t start = 0;
        while (start <= text.size()) {
          const std::size_t end = std::min(text.find('\n', start), text.size());
          if (auto line = trim(text.substr(start, end - start)); !line.empty()) {
            rows.push_back({std::string(line)});
          }
          start = end + 1;
        }
      }
      for (auto& row : rows) row.resize(field.columns.size());
      out.value = write_table_value(field, rows);
      return out;
    }
    case field_type::number:
      if (auto number = normalize_number(text)) {
        out.value = *number;
      } else {
        out.note = std::string(trim(text));
      }
      return out;
    case field_type::single_choice: {
      std::string marked;  // the one checked option, kept alive for `text` to view
      if (auto checked = checked_options(text)) {
        if (checked->empty()) {
          out.note = std::string(trim(text));  // nothing marked: kept for people to read
          return out;
        }
        if (checked->size() > 1) {
          out.error = "「" + one_of(*checked) + "」と複数に印があります。一つだけ選ぶ項目です。";
          return out;
        }
        marked = checked->front();
        text = marked;
      }
      if (auto chosen = normalize_choice(trim(text), options)) {
        out.value = *chosen;
      } else {
        out.error = "「" + std::string(trim(text)) + "」は " + one_of(options) +
                    " のいずれでもありません。";
      }
      return out;
    }
    case field_type::multi_choice: {
      auto parts = checked_options(text);
      const std::vector<std::string> chosen = parts ? *parts : split_lines(text);
      std::vector<std::string> values;
      for (const auto& c : chosen) {
        auto v = normalize_choice(c, options);
        if (!v) {
          out.error = "「" + c + "」は " + one_of(options) + " のいずれでもありません。";
          return out;
        }
        values.push_back(*v);
      }
      std::string joined;
      for (const auto& o : options) {
        if (std::find(values.begin(), values.end(), o) != values.end()) {
          joined += (joined.empty() ? "" : "\n") + o;
        }
      }
      if (!joined.empty()) out.value = joined;
      return out;
    }
  }
  return out;
}

std::optional<std::map<std::string, std::string>> split_per_owner(
    const template_field& field, std::string_view text, const std::vector<std::string>& owners,
    const department_names& names) {
  if (owners.size() < 2) return std::nullopt;
  auto owner_of = [&](std::string_view name) -> std::optional<std::string> {
    auto code = names.find(name);
    if (!code || std::find(owners.begin(), owners.end(), *code) == owners.end())
      return std::nullopt;
    return code;
  };
  std::map<std::string, std::string> out;
  if (field.is_choice()) {
    // "共生福祉課B 市長公室B 社協A": each part a department name and an option.
    const auto options = option_values(field);
    for (const auto& part : split_names(text)) {
      const std::u32string points = utf8_decode(part);
      bool matched = false;
      for (std::size_t tail = 1; tail <= 3 && tail < points.size() && !matched; ++tail) {
        const auto grade =
            normalize_choice(utf8_encode(points.substr(points.size() - tail)), options);
        const auto owner = owner_of(utf8_encode(points.substr(0, points.size() - tail)));
        if (grade && owner) {
          out[*owner] = *grade;
          matched = true;
        }
      }
      if (!matched) return std::nullopt;
    }
    return out.empty() ? std::nullopt : std::optional(out);
  }
  if (text.find("【") == std::string_view::npos) return std::nullopt;
  for (const auto& s : split_sections(text)) {
    if (s.heading.empty()) {
      if (!s.body.empty()) return std::nullopt;  // text that belongs to no owner
      continue;
    }
    auto owner = owner_of(s.heading);
    if (!owner) return std::nullopt;  // 【参考】 and the like: not a split by owner
    auto& body = out[*owner];
    body += (body.empty() ? "" : "\n") + s.body;
  }
  return out.empty() ? std::nullopt : std::optional(out);
}

}  // namespace matome::import
