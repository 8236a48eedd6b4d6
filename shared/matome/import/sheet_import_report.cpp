// What an import would create, counted from the plan file itself (so the
// dry run cannot disagree with the real run), and the dry run's text.
#include <sstream>

#include "matome/domain/fiscal_year.h"
#include "matome/import/sheet_import.h"

namespace matome::import {
namespace {

struct counter {
  const plan& p;
  std::map<std::string, std::string> department_names;
  import_counts counts;

  std::string name_of(const std::string& code) const {
    auto it = department_names.find(code);
    return it == department_names.end() ? code : it->second;
  }

  void add_field_value(const std::string& key, int year) {
    const std::string field = key.substr(0, key.find('@'));
    const template_field* f = p.tmpl.find(field);
    ++counts.values_per_field[f != nullptr ? f->label : field];
    if (year != 0) ++counts.values_per_year[year];
  }

  void walk(const plan_file_item& item, int level) {
    if (counts.items_per_level.size() <= static_cast<std::size_t>(level)) {
      counts.items_per_level.resize(static_cast<std::size_t>(level) + 1);
    }
    ++counts.items_per_level[static_cast<std::size_t>(level)];
    if (item.children.empty() && !item.owners.empty()) {
      ++counts.rows;
      if (item.owners.size() > 1) ++counts.shared_rows;
      for (const auto& o : item.owners) ++counts.rows_per_owner[name_of(o)];
    }
    for (const auto& [key, value] : item.plan_values) {
      ++counts.plan_values;
      const auto at = key.find('@');
      add_field_value(key, at == std::string::npos ? 0 : std::atoi(key.c_str() + at + 1));
    }
    for (const auto& r : item.reports) {
      counts.notes += static_cast<int>(r.notes.size());
      for (const auto& [key, value] : r.values) {
        ++counts.report_values;
        add_field_value(key, r.year);
        const template_field* f = p.tmpl.find(key);
        if (f != nullptr && f->type == field_type::single_choice && r.year == p.report_year) {
          ++counts.grades[name_of(r.department)][f->label + " " + value];
        }
      }
    }
    for (const auto& c : item.children) walk(c, level + 1);
  }
};

}  // namespace

import_counts sheet_import::counts() const {
  counter c{file.plan_, {}, {}};
  for (const auto& d : file.departments) c.department_names[d.code] = d.name;
  for (const auto& item : file.items) c.walk(item, 0);
  return c.counts;
}

std::string describe_plan(const sheet_import& result) {
  const import_counts c = result.counts();
  const plan& p = result.file.plan_;
  std::ostringstream out;
  out << "計画: " << p.title << " (" << p.code << ")\n";
  out << "期間: " << fiscal_year_label(p.first_year) << "〜" << fiscal_year_label(p.last_year)
      << "、報告年度: " << fiscal_year_label(p.report_year) << "\n";
  for (std::size_t level = 0; level < c.items_per_level.size(); ++level) {
    const std::string name =
        level < p.level_names.size() ? p.level_names[level] : "階層" + std::to_string(level + 1);
    out << "  " << name << ": " << c.items_per_level[level] << "\n";
  }
  out << "行: " << c.rows << " (複数の担当課: " << c.shared_rows << ")\n";
  out << "担当課: " << c.rows_per_owner.size() << "\n";
  for (const auto& [name, rows] : c.rows_per_owner) out << "  " << name << ": " << rows << " 行\n";
  out << "値: 計画 " << c.plan_values << "、報告 " << c.report_values << "、コメント " << c.notes
      << "\n";
  for (const auto& [label, n] : c.values_per_field) out << "  " << label << ": " << n << "\n";
  out << "年度ごとの値:\n";
  for (const auto& [year, n] : c.values_per_year) {
    out << "  " << fiscal_year_label(year) << ": " << n << "\n";
  }
  return out.str();
}

std::string describe(const sheet_import& result) {
  std::ostringstream out;
  out << describe_plan(result);
  int errors = 0;
  int warnings = 0;
  for (const auto& problem : result.problems) {
    (problem.level == severity::error ? errors : warnings) += 1;
  }
  out << "問題: エラー " << errors << "、注意 " << warnings << "\n";
  for (const auto& problem : result.problems) {
    out << (problem.level == severity::error ? "エラー " : "注意 ")
        << (problem.where.empty() ? "" : problem.where + ": ") << problem.message << "\n";
  }
  return out.str();
}

}  // namespace matome::import
