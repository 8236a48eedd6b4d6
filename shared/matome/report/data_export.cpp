#include "matome/report/data_export.h"

#include <algorithm>

#include "matome/domain/fiscal_year.h"
#include "matome/domain/table_value.h"
#include "matome/util/rapidjson.h"

namespace matome {
namespace {

// An entry the export includes: a row, one of its owners, its status.
struct exported_entry {
  const plan_item* item = nullptr;
  const department* owner = nullptr;
  entry_status status = entry_status::not_started;
  std::vector<const plan_item*> headings;  // the row's headings, outermost first
};

std::vector<exported_entry> entries_of(const plan_index& index, const export_source& source,
                                       const export_options& options) {
  std::vector<exported_entry> out;
  for (const auto& item : index.items) {
    if (!index.plan.is_row(item)) continue;
    std::vector<const plan_item*> headings;
    for (auto* p = index.find_item(item.parent_id); p; p = index.find_item(p->parent_id))
      headings.insert(headings.begin(), p);
    for (record_id owner_id : item.owner_ids) {
      if (options.department_id != 0 && owner_id != options.department_id) continue;
      auto owner = std::ranges::find(source.departments, owner_id, &department::id);
      if (owner == source.departments.end()) continue;
      const entry_status status = source.status_of({item.id, owner_id, options.year});
      if (options.accepted_only && status != entry_status::accepted) continue;
      out.push_back({&item, &*owner, status, headings});
    }
  }
  return out;
}

// The fields a row carries (sections live on headings), and for each the
// years it is exported for: every plan year of a series, else one.
struct column {
  const template_field* field;
  int year;  // 0: not a year of a series
};

std::vector<column> columns_of(const plan& p) {
  std::vector<column> out;
  for (const auto& f : p.tmpl.fields) {
    if (f.level >= 0) continue;
    if (f.type == field_type::year_series) {
      const int last = f.scope == field_scope::plan ? p.last_year : p.report_year;
      for (int y = p.first_year; y <= last; ++y) out.push_back({&f, y});
    } else {
      out.push_back({&f, 0});
    }
  }
  return out;
}

cell_key key_of(const exported_entry& e, const column& c, int year) {
  const bool plan_cell = c.field->scope == field_scope::plan;
  return {e.item->id, plan_cell ? 0 : e.owner->id,
          plan_cell ? c.year : (c.year != 0 ? c.year : year), c.field->key};
}

std::string text_of(const template_field& f, const std::string& value) {
  return f.type == field_type::table ? table_as_text(f, value) : value;
}

std::vector<std::string> entry_header(const plan& p) {
  std::vector<std::string> header;
  for (std::size_t level = 0; level + 1 < p.level_names.size(); ++level)
    header.push_back(p.level_names[level]);
  for (const char* name : {"番号", "事業名", "担当課", "状態", "年度", "年度（和暦）"})
    header.emplace_back(name);
  return header;
}

std::vector<std::string> entry_cells(const plan& p, const exported_entry& e, int year) {
  std::vector<std::string> cells;
  for (std::size_t level = 0; level + 1 < p.level_names.size(); ++level) {
    const plan_item* h = level < e.headings.size() ? e.headings[level] : nullptr;
    cells.push_back(h ? (h->label.empty() ? h->title : h->label + " " + h->title) : "");
  }
  cells.push_back(e.item->label);
  cells.push_back(e.item->title);
  cells.push_back(e.owner->name);
  cells.emplace_back(label_ja(e.status));
  cells.push_back(std::to_string(year));
  cells.push_back(fiscal_year_label(year));
  return cells;
}

}  // namespace

export_source store_source(store& s) {
  return {[&s](const cell_key& k) {
            auto c = s.find_cell(k);
            return c ? c->value : std::string();
          },
          [&s](const entry_key& k) { return s.find_entry(k).status; }, s.departments(),
          [&s](const cell_key& k) {
            auto c = s.find_cell(k);
            return c &&
                   after_acceptance(s.find_entry({k.item_id, k.department_id, k.year}), c->version);
          }};
}

data_table entries_table(const plan_index& index, const export_source& source,
                         const export_options& options) {
  const plan& p = index.plan;
  data_table out;
  out.header = entry_header(p);
  const auto columns = columns_of(p);
  for (const auto& c : columns) {
    out.header.push_back(c.year != 0
                             ? c.field->label + "（" + fiscal_year_short_label(c.year) + "）"
                             : c.field->label);
  }
  for (const auto& e : entries_of(index, source, options)) {
    auto row = entry_cells(p, e, options.year);
    for (const auto& c : columns) {
      row.push_back(text_of(*c.field, source.value_of(key_of(e, c, options.year))));
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

data_table cells_table(const plan_index& index, const export_source& source,
                       const export_options& options) {
  const plan& p = index.plan;
  data_table out;
  out.header = entry_header(p);
  for (const char* name : {"項目キー", "項目", "値の年度", "値"}) out.header.emplace_back(name);
  const auto columns = columns_of(p);
  for (const auto& e : entries_of(index, source, options)) {
    for (const auto& c : columns) {
      const cell_key key = key_of(e, c, options.year);
      const std::string value = source.value_of(key);
      if (value.empty()) continue;
      auto row = entry_cells(p, e, options.year);
      row.push_back(c.field->key);
      row.push_back(c.field->label);
      row.push_back(key.year != 0 ? std::to_string(key.year) : "");
      row.push_back(text_of(*c.field, value));
      out.rows.push_back(std::move(row));
    }
  }
  return out;
}

std::string to_csv(const data_table& table) {
  std::string out = "\xEF\xBB\xBF";
  auto line = [&out](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out += ',';
      const std::string& c = cells[i];
      if (c.find_first_of(",\"\r\n") == std::string::npos) {
        out += c;
        continue;
      }
      out += '"';
      for (char ch : c) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      out += '"';
    }
    out += "\r\n";
  };
  line(table.header);
  for (const auto& row : table.rows) line(row);
  return out;
}

result<std::string> write_data(std::string_view format, const plan_index& index,
                               const export_source& source, const export_options& options) {
  if (format == "csv") return to_csv(entries_table(index, source, options));
  if (format == "csv-long") return to_csv(cells_table(index, source, options));
  if (format == "json") return to_json(index, source, options) + "\n";
  return make_error(errc::invalid_argument,
                    "形式「" + std::string(format) +
                        "」は書き出せません。pdf、xlsx、csv、csv-long、json のいずれかです。");
}

std::string to_json(const plan_index& index, const export_source& source,
                    const export_options& options) {
  const plan& p = index.plan;
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  auto str = [&w](const std::string& s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  };
  w.StartObject();
  w.Key("plan");
  w.StartObject();
  w.Key("code");
  str(p.code);
  w.Key("title");
  str(p.title);
  w.Key("city");
  str(p.city);
  w.EndObject();
  w.Key("year");
  w.Int(options.year);
  w.Key("year_label");
  str(fiscal_year_label(options.year));
  w.Key("entries");
  w.StartArray();
  const auto columns = columns_of(p);
  for (const auto& e : entries_of(index, source, options)) {
    w.StartObject();
    w.Key("headings");
    w.StartArray();
    for (const auto* h : e.headings) {
      w.StartObject();
      w.Key("level");
      str(p.level_names[static_cast<std::size_t>(h->level)]);
      w.Key("label");
      str(h->label);
      w.Key("title");
      str(h->title);
      w.EndObject();
    }
    w.EndArray();
    w.Key("label");
    str(e.item->label);
    w.Key("title");
    str(e.item->title);
    w.Key("department");
    str(e.owner->name);
    w.Key("department_code");
    str(e.owner->code);
    w.Key("status");
    str(std::string(to_string(e.status)));
    w.Key("values");
    w.StartObject();
    for (const auto& c : columns) {
      const std::string value = source.value_of(key_of(e, c, options.year));
      if (value.empty()) continue;
      const std::string name =
          c.year != 0 ? c.field->key + "@" + std::to_string(c.year) : c.field->key;
      w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
      if (c.field->type == field_type::table) {
        // Structured, as other tools want it: an array of row objects.
        rapidjson::Document rows;
        parse_json(rows, value);
        if (!rows.HasParseError()) {
          rows.Accept(w);
          continue;
        }
      }
      str(value);
    }
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace matome
