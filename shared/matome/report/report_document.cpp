#include "matome/report/report_document.h"

#include <algorithm>
#include <map>

#include "matome/domain/fiscal_year.h"
#include "matome/domain/table_value.h"

namespace matome {
namespace {

std::string replace_all(std::string text, std::string_view what, const std::string& with) {
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size()))
    text.replace(at, what.size(), with);
  return text;
}

// One printed column: a layout column, or one year of a series.
struct printed_column {
  const layout_column* column;
  const template_field* field;  // null for an item source
  int year;                     // for a series
  int table_column = -1;        // for a table printed as nested rows: its column
};

class builder {
 public:
  builder(const plan_index& index, const export_source& source, const report_layout& layout,
          const export_options& options)
      : index_(index), source_(source), layout_(layout), options_(options) {
    for (const auto& item : index.items) {
      children_[item.parent_id].push_back(&item);
      for (const auto& r : item.relistings) relisted_[r.parent_id].push_back({&item, r.label});
    }
    for (auto& [parent, items] : children_) {
      std::ranges::sort(items, {}, &plan_item::position);
    }
    for (const auto& d : source.departments) names_[d.id] = d.name;
    // The grades' legend: every choice field whose options say what they mean.
    for (const auto& f : index.plan.tmpl.fields) {
      if (!f.is_choice()) continue;
      std::string meanings;
      for (const auto& o : f.options) {
        if (!o.definition.empty()) meanings += "\n" + o.value + "　" + o.definition;
      }
      if (!meanings.empty()) legend_ += (legend_.empty() ? "" : "\n") + f.label + meanings;
    }
  }

  report_document build() {
    const plan& p = index_.plan;
    report_document doc;
    doc.year_label = fiscal_year_label(options_.year);
    doc.title =
        replace_all(replace_all(replace_all(layout_.title, "{title}", p.title), "{city}", p.city),
                    "{year}", doc.year_label);
    doc.landscape = layout_.landscape;
    doc.marks_changes = options_.mark_changes && source_.changed_since_accepted != nullptr;
    for (const auto& c : layout_.columns) {
      const template_field* f = p.tmpl.find(c.source);
      if (f != nullptr && f->type == field_type::table) {
        // A column per table column under the field's header; the table's
        // rows print as nested rows beside the row's other cells.
        // The field's width shared out: a number narrow, a long text wide.
        auto weight = [](const table_column& t) {
          return t.type == field_type::number ? 0.5 : t.type == field_type::long_text ? 2.0 : 1.0;
        };
        double weights = 0;
        for (const auto& t : f->columns) weights += weight(t);
        for (std::size_t k = 0; k < f->columns.size(); ++k) {
          columns_.push_back({&c, f, 0, static_cast<int>(k)});
          doc.group_headers.push_back(c.header);
          doc.headers.push_back(f->columns[k].label);
          doc.widths.push_back(c.width * weight(f->columns[k]) / weights);
          doc.nested.push_back(true);
        }
        continue;
      }
      if (f != nullptr && f->type == field_type::year_series) {
        const int last = f->scope == field_scope::plan ? p.last_year : options_.year;
        for (int y = p.first_year; y <= last; ++y) {
          columns_.push_back({&c, f, y});
          doc.group_headers.push_back(c.header);
          doc.headers.push_back(fiscal_year_short_label(y));
          doc.widths.push_back(c.width);
          doc.nested.push_back(false);
        }
        continue;
      }
      columns_.push_back({&c, f, 0});
      doc.group_headers.emplace_back();
      doc.headers.push_back(c.header);
      doc.widths.push_back(c.width);
      doc.nested.push_back(false);
    }
    // Not only accepted entries: each one's status is printed with it.
    const bool has_status = std::ranges::any_of(
        layout_.columns, [](const layout_column& c) { return c.source == "status"; });
    if (!options_.accepted_only && !has_status) {
      columns_.push_back({&status_column_, nullptr, 0});
      doc.group_headers.emplace_back();
      doc.headers.push_back(status_column_.header);
      doc.widths.push_back(status_column_.width);
      doc.nested.push_back(false);
    }
    walk(0, doc);
    return doc;
  }

 private:
  const plan_index& index_;
  const export_source& source_;
  const report_layout& layout_;
  const export_options& options_;
  std::map<record_id, std::vector<const plan_item*>> children_;
  std::map<record_id, std::vector<std::pair<const plan_item*, std::string>>> relisted_;
  std::map<record_id, std::string> names_;
  std::vector<printed_column> columns_;
  const layout_column status_column_{"状態", "status", 11};
  std::string legend_;

  void walk(record_id parent, report_document& doc) {
    for (const plan_item* item : children_[parent]) {
      if (index_.plan.is_row(*item)) {
        add_row(*item, item->label, doc);
        continue;
      }
      std::string heading = item->label.empty() ? item->title : item->label + " " + item->title;
      if (!item->page_ref.empty()) heading += "（" + item->page_ref + "）";
      doc.lines.push_back({report_line::kind::heading, item->level, heading, {}, {}, {}});
      if (!item->description.empty()) {
        doc.lines.push_back(
            {report_line::kind::section, item->level, item->description, {}, {}, {}});
      }
      for (const auto& f : index_.plan.tmpl.fields) {
        if (f.level != item->level) continue;
        const int year = f.type == field_type::year_series ? options_.year : 0;
        // As printed: a table one row per line, a choice as chosen.
        const std::string text = shown(f, source_.value_of({item->id, 0, year, f.key}));
        if (!text.empty())
          doc.lines.push_back(
              {report_line::kind::section, item->level, f.label + "\n" + text, {}, {}, {}});
      }
      if (item->level == layout_.legend_level && !legend_.empty()) {
        doc.lines.push_back({report_line::kind::section, item->level, legend_, {}, {}, {}});
      }
      walk(item->id, doc);
      // Rows listed here again (再掲) print here too, marked.
      for (const auto& [relisted, label] : relisted_[item->id])
        add_row(*relisted, label + "(再掲)", doc);
    }
  }

  std::vector<record_id> owners_shown(const plan_item& row) const {
    std::vector<record_id> owners;
    for (record_id o : row.owner_ids) {
      if (options_.department_id != 0 && o != options_.department_id) continue;
      if (options_.accepted_only &&
          source_.status_of({row.id, o, options_.year}) != entry_status::accepted) {
        continue;
      }
      owners.push_back(o);
    }
    return owners;
  }

  choice_style style_of(const layout_column* column) const {
    return column != nullptr && column->has_choices ? static_cast<choice_style>(column->choices)
                                                    : layout_.choices;
  }

  std::string shown(const template_field& f, const std::string& value,
                    const layout_column* column = nullptr) const {
    if (f.type == field_type::table) {
      return table_as_text(f, value);
    }
    if (f.cell_type() == field_type::single_choice && style_of(column) == choice_style::boxes) {
      std::string boxes;
      for (const auto& o : f.options) {
        if (!boxes.empty()) boxes += " ";
        boxes += o.value + " " + (o.value == value ? "☑" : "☐");
      }
      return boxes;
    }
    if (f.cell_type() == field_type::multi_choice) {
      std::string joined = value;
      for (auto at = joined.find('\n'); at != std::string::npos; at = joined.find('\n', at))
        joined.replace(at, 1, "、");
      return joined;
    }
    if (f.cell_type() == field_type::number && !value.empty() && !f.unit.empty()) {
      return value + f.unit;
    }
    return value;
  }

  std::string cell(const plan_item& row, const printed_column& c,
                   const std::vector<record_id>& owners) const {
    const std::string& source = c.column->source;
    if (c.field == nullptr) {
      if (source == "label") return row.label;
      if (source == "title") return row.title;
      if (source == "page") return row.page_ref;
      if (source == "owners") {
        std::string names;
        for (record_id o : owners) names += (names.empty() ? "" : "\n") + names_.at(o);
        return names;
      }
      if (source == "status") {
        std::string statuses;
        for (record_id o : owners) {
          if (!statuses.empty()) statuses += "\n";
          if (owners.size() > 1) statuses += names_.at(o) + " ";
          statuses += std::string(label_ja(source_.status_of({row.id, o, options_.year})));
        }
        return statuses;
      }
      return {};
    }
    const template_field& f = *c.field;
    const int year = year_of(c);
    if (f.scope == field_scope::plan) {
      return shown(f, source_.value_of({row.id, 0, year, f.key}), c.column);
    }
    if (owners.size() == 1) {
      return shown(f, source_.value_of({row.id, owners[0], year, f.key}), c.column);
    }
    // A shared row in one line: each owner's part under its name.
    std::string out;
    const bool short_value =
        f.cell_type() == field_type::single_choice || f.cell_type() == field_type::number;
    for (record_id o : owners) {
      const std::string value = source_.value_of({row.id, o, year, f.key});
      if (value.empty()) continue;
      if (short_value && layout_.choices == choice_style::value) {
        out += (out.empty() ? "" : " ") + names_.at(o) + shown(f, value);
      } else {
        out +=
            (out.empty() ? "" : "\n") + std::string("【") + names_.at(o) + "】" + shown(f, value);
      }
    }
    return out;
  }

  // The fiscal year a printed column's cell is read from: a series' own
  // year, a plan field's 0, else the column's year or the year reported.
  int year_of(const printed_column& c) const {
    if (c.year != 0) return c.year;
    if (c.field != nullptr && c.field->scope == field_scope::plan) return 0;
    return c.column->year != 0 ? c.column->year : options_.year;
  }

  // A table column's rows for the owners shown, each owner's first row
  // marked with its name when several share the line.
  std::vector<table_row> table_rows(const plan_item& row, const printed_column& c,
                                    const std::vector<record_id>& owners) const {
    const template_field& f = *c.field;
    std::vector<table_row> out;
    const std::vector<record_id> parts =
        f.scope == field_scope::plan ? std::vector<record_id>{0} : owners;
    for (record_id o : parts) {
      auto rows = parse_table_value(f, source_.value_of({row.id, o, year_of(c), f.key}));
      if (!rows || rows->empty()) continue;
      if (parts.size() > 1 && !f.columns.empty())
        rows->front().front() = "【" + names_.at(o) + "】" + rows->front().front();
      out.insert(out.end(), rows->begin(), rows->end());
    }
    return out;
  }

  // Whether any shown owner's part of the cell changed since its entry was
  // last accepted.
  bool changed(const plan_item& row, const printed_column& c,
               const std::vector<record_id>& owners) const {
    if (c.field == nullptr || c.field->scope == field_scope::plan) return false;
    return std::ranges::any_of(owners, [&](record_id o) {
      return source_.changed_since_accepted({row.id, o, year_of(c), c.field->key});
    });
  }

  void add_row(const plan_item& row, const std::string& label, report_document& doc) {
    const auto owners = owners_shown(row);
    if (owners.empty()) return;
    auto line = [&](const std::vector<record_id>& who) {
      report_line out{report_line::kind::row, row.level, {}, {}, {}, {}};
      // Per layout column: the same table may be printed for two years.
      std::map<const layout_column*, std::vector<table_row>> tables;
      for (const auto& c : columns_) {
        if (c.table_column >= 0 && !tables.contains(c.column))
          tables[c.column] = table_rows(row, c, who);
      }
      std::size_t lines = 1;
      for (const auto& [field, rows] : tables) lines = std::max(lines, rows.size());
      out.sub_rows.assign(lines - 1, std::vector<std::string>(columns_.size()));
      for (std::size_t k = 0; k < columns_.size(); ++k) {
        const auto& c = columns_[k];
        if (c.table_column >= 0) {
          const auto& rows = tables[c.column];
          const auto column = static_cast<std::size_t>(c.table_column);
          out.cells.push_back(rows.empty() ? std::string() : rows[0][column]);
          for (std::size_t r = 1; r < rows.size(); ++r) out.sub_rows[r - 1][k] = rows[r][column];
        } else {
          out.cells.push_back(c.column->source == "label" ? label : cell(row, c, who));
        }
        if (doc.marks_changes) out.changed.push_back(changed(row, c, who));
      }
      return out;
    };
    if (layout_.shared_rows == shared_row_style::sub_rows && owners.size() > 1) {
      for (record_id o : owners) doc.lines.push_back(line({o}));
      return;
    }
    doc.lines.push_back(line(owners));
  }
};

}  // namespace

bool report_document::has_nested() const {
  return std::ranges::any_of(nested, [](bool n) { return n; });
}

bool report_document::two_header_rows() const {
  return std::ranges::any_of(group_headers, [](const std::string& g) { return !g.empty(); });
}

std::size_t report_document::group_end(std::size_t c) const {
  std::size_t end = c;
  while (!group_headers[c].empty() && end + 1 < headers.size() &&
         group_headers[end + 1] == group_headers[c]) {
    ++end;
  }
  return end;
}

report_document build_report(const plan_index& index, const export_source& source,
                             const report_layout& layout, const export_options& options) {
  return builder(index, source, layout, options).build();
}

}  // namespace matome
