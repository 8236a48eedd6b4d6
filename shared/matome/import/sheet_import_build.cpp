// Walking a sheet row by row: headings open and close levels of the tree,
// rows (with their continuation lines) become plan rows, and each column's
// text becomes an item attribute or a field value through the mapping.
#include <algorithm>
#include <memory>

#include "matome/import/cell_values.h"
#include "matome/import/sheet_import.h"
#include "matome/util/utf8.h"

namespace matome::import {
namespace {

struct node {
  plan_file_item item;
  std::string match_title;  // the title the heading rule gave, to recognise a repeat
  bool placeholder = false;
  int sheet_row = 0;
  std::string sheet_name;
  std::vector<std::unique_ptr<node>> children;
};

// A row being read: its cells (with dropped columns removed) and the
// continuation lines added so far.
struct pending_row {
  int sheet_row = 0;
  std::vector<std::string> cells;
  std::vector<int> source_column;  // the sheet column of each cell
  std::vector<int> dropped;
  std::map<std::string, std::string> extra;  // continuation columns sent elsewhere
};

std::string join(std::string a, const std::string& b) {
  if (b.empty()) return a;
  if (a.empty()) return b;
  return a + "\n" + b;
}

class builder {
 public:
  builder(const mapping& m, sheet_import& out) : m_(m), out_(out) {
    for (const auto& d : m.base.departments) {
      names_.add(d.code, d.name);
      names_.add(d.code, d.code);
      if (auto a = m.aliases.find(d.code); a != m.aliases.end()) {
        for (const auto& alias : a->second) names_.add(d.code, alias);
      }
    }
    levels_ = static_cast<int>(m.base.plan_.level_names.size());
  }

  void read(const sheet::worksheet& sheet, const sheet_layout& layout) {
    sheet_ = &sheet;
    layout_ = &layout;
    open_.assign(static_cast<std::size_t>(levels_), nullptr);
    if (!columns_exist()) return;
    for (int r = layout.header_rows; r < static_cast<int>(sheet.rows.size()); ++r) read_row(r);
    flush();
  }

  void finish() {
    for (auto& top : roots_) report_placeholders(*top);
    for (auto& top : roots_) settle_statuses(*top);
    const plan& pl = m_.base.plan_;
    if (m_.finalize_earlier_years) {
      for (int y = pl.first_year; y < pl.report_year; ++y) out_.file.finalized_years.push_back(y);
    }
    for (auto& top : roots_) out_.file.items.push_back(to_item(*top));
  }

 private:
  const mapping& m_;
  sheet_import& out_;
  department_names names_;
  int levels_ = 0;
  const sheet::worksheet* sheet_ = nullptr;
  const sheet_layout* layout_ = nullptr;
  std::vector<std::unique_ptr<node>> roots_;
  std::vector<node*> open_;  // the open node of each level
  std::optional<pending_row> row_;

  // A mapping that names a column the sheet does not have is one error, not
  // a problem on every row.
  bool columns_exist() {
    int width = 0;
    for (const auto& r : sheet_->rows) width = std::max(width, static_cast<int>(r.size()));
    const int widest = layout_->widest_column();
    if (widest < width) return true;
    out_.problems.push_back({severity::error, sheet_->name,
                             "対応表の列 " + sheet::column_name(widest) + " がシート「" +
                                 sheet_->name + "」にありません (" +
                                 sheet::column_name(std::max(width - 1, 0)) +
                                 " 列まで)。対応表の列名を確かめてください。"});
    return false;
  }

  void problem(severity level, int row, int column, std::string message) {
    const std::string where = column < 0 ? sheet_->name + "!" + std::to_string(row + 1)
                                         : sheet::cell_address(sheet_->name, row, column);
    for (const auto& known : out_.problems) {
      if (known.where == where && known.message == message) return;  // one cell, several owners
    }
    out_.problems.push_back({level, where, std::move(message)});
  }

  std::string cell(int row, int column) const {
    return std::string(trim(sheet_->shown(row, column)));
  }

  std::optional<std::vector<std::string>> matches(const row_match& when, int row) const {
    auto groups = when.first.pattern.search(cell(row, when.first.column));
    if (!groups) return std::nullopt;
    for (const auto& also : when.also) {
      if (!also.pattern.search(cell(row, also.column))) return std::nullopt;
    }
    return groups;
  }

  std::string value_of(const value_spec& spec, const std::vector<std::string>& groups,
                       int row) const {
    if (spec.column < 0) return std::string(trim(expand(spec.templ, groups)));
    const std::string text = cell(row, spec.column);
    if (!spec.has_pattern) return std::string(trim(expand(spec.templ, {text})));
    auto own = spec.from.pattern.search(text);
    return own ? std::string(trim(expand(spec.templ, *own))) : std::string();
  }

  std::vector<std::unique_ptr<node>>& children_of(int level) {
    return level == 0 ? roots_ : open_[static_cast<std::size_t>(level - 1)]->children;
  }

  // Makes sure every level above `level` has an open node, opening an
  // unnamed one where the sheet skipped a heading (named later if it can be).
  void ensure_parents(int level, int row) {
    for (int l = 0; l < level; ++l) {
      if (open_[static_cast<std::size_t>(l)] != nullptr) continue;
      auto n = std::make_unique<node>();
      n->placeholder = true;
      n->item.title = "(見出しなし)";
      n->sheet_row = row;
      n->sheet_name = sheet_->name;
      node* raw = n.get();
      children_of(l).push_back(std::move(n));
      open_[static_cast<std::size_t>(l)] = raw;
    }
  }

  void close_below(int level) {
    for (int l = level + 1; l < levels_; ++l) open_[static_cast<std::size_t>(l)] = nullptr;
  }

  // Whether `n` is the heading `rule` read as (label, title) again.
  static bool same_heading(const node& n, const heading_rule& rule, const std::string& label,
                           const std::string& title) {
    if (n.placeholder) return false;
    switch (rule.match) {
      case heading_match::title:
        return n.match_title == title;
      case heading_match::label:
        return !label.empty() && n.item.label == label;
      case heading_match::label_and_title:
        break;
    }
    return n.item.label == label && n.match_title == title;
  }

  // A repeat may carry a better label (one that fits label_pattern where the
  // first did not) or a title the first occurrence cut short.
  static void improve(node& n, const heading_rule& rule, const std::string& label,
                      const std::string& title) {
    const auto fits = [&](const std::string& l) {
      return !l.empty() && rule.has_label_pattern && rule.label_pattern.search(l).has_value();
    };
    if (n.item.label.empty() || (fits(label) && !fits(n.item.label))) n.item.label = label;
    if (rule.match == heading_match::label && title.size() > n.item.title.size() &&
        title.starts_with(n.item.title)) {
      n.item.title = title;
      n.match_title = title;
    }
  }

  void open_heading(const heading_rule& rule, const std::string& label, const std::string& title,
                    int row) {
    flush();
    const int level = rule.level;
    node* current = open_[static_cast<std::size_t>(level)];
    if (current != nullptr && same_heading(*current, rule, label, title)) {
      improve(*current, rule, label, title);
      return;  // the same heading repeated at the top of a page: its rows go on
    }
    if (current != nullptr && current->placeholder) {
      // The sheet names a heading it left out before: its rows are already here.
      current->placeholder = false;
      current->item.label = label;
      current->item.title = title.empty() ? label : title;
      current->match_title = title;
      close_below(level);
      return;
    }
    ensure_parents(level, row);
    auto& siblings = children_of(level);
    for (auto& s : siblings) {
      if (same_heading(*s, rule, label, title)) {
        improve(*s, rule, label, title);
        open_[static_cast<std::size_t>(level)] = s.get();
        close_below(level);
        return;
      }
    }
    for (auto& s : siblings) {
      if (!label.empty() && s->item.label == label) {
        problem(severity::warning, row, -1,
                "見出し「" + label + "」が同じ階層に二度あります (「" + s->item.title + "」と「" +
                    title + "」)。別の見出しとして取り込みます。");
        break;
      }
    }
    auto n = std::make_unique<node>();
    n->item.label = label;
    n->item.title = title.empty() ? label : title;
    n->match_title = title;
    n->sheet_row = row;
    n->sheet_name = sheet_->name;
    open_[static_cast<std::size_t>(level)] = n.get();
    siblings.push_back(std::move(n));
    close_below(level);
  }

  void set_attribute(const attribute_rule& rule, const std::string& value, int row) {
    node* n = open_[static_cast<std::size_t>(rule.level)];
    if (n == nullptr) {
      problem(severity::warning, row, rule.when.first.column,
              "「" + value + "」を付ける見出しがまだありません。取り込みませんでした。");
      return;
    }
    if (value.empty()) return;
    if (const template_field* section = m_.base.plan_.tmpl.find(rule.attribute)) {
      const cell_reading reading = read_cell_value(*section, value);
      if (!reading.error.empty() || !reading.value) {
        problem(severity::error, row, rule.when.first.column,
                reading.error.empty()
                    ? "「" + value + "」は「" + section->label + "」の値になりません。"
                    : reading.error);
        return;
      }
      const std::string key = section->type == field_type::year_series
                                  ? section->key + "@" + std::to_string(rule.year)
                                  : section->key;
      // A page's repeated section is the same text, not more of it.
      auto& kept = n->item.plan_values[key];
      if (kept.empty() || section->cell_type() != field_type::long_text) {
        kept = *reading.value;
      } else if (kept.find(*reading.value) == std::string::npos) {
        kept = join(kept, *reading.value);
      }
      return;
    }
    if (rule.attribute == "page") n->item.page_ref = value;
    if (rule.attribute == "title") n->item.title = value;
    // A page's repeated description is the same text, not more of it.
    if (rule.attribute == "description" && n->item.description.find(value) == std::string::npos) {
      n->item.description = join(n->item.description, value);
    }
  }

  bool row_is_blank(int row) const {
    if (row >= static_cast<int>(sheet_->rows.size())) return true;
    for (const auto& c : sheet_->rows[static_cast<std::size_t>(row)]) {
      if (!trim(c).empty()) return false;
    }
    return true;
  }

  void read_row(int row) {
    if (row_is_blank(row)) return;
    bool consumed = false;
    for (const auto& h : layout_->headings) {
      if (auto groups = matches(h.when, row)) {
        open_heading(h, value_of(h.label, *groups, row), value_of(h.title, *groups, row), row);
        consumed = true;
      }
    }
    for (const auto& a : layout_->attributes) {
      if (auto groups = matches(a.when, row)) {
        flush();
        set_attribute(a, value_of(a.value, *groups, row), row);
        consumed = true;
      }
    }
    if (consumed) return;
    for (const auto& s : layout_->skip) {
      if (matches(s, row)) return;
    }
    if (matches(layout_->row, row)) {
      flush();
      start_row(row);
      return;
    }
    if (row_ && layout_->has_continuation && matches(layout_->continuation, row)) {
      continue_row(row);
      return;
    }
    problem(severity::warning, row, -1,
            "この行はどの規則にも当たらないため取り込みませんでした: 「" + first_text(row) + "」");
  }

  std::string first_text(int row) const {
    for (const auto& c : sheet_->rows[static_cast<std::size_t>(row)]) {
      auto t = trim(c);
      if (!t.empty()) return std::string(t.substr(0, std::min<std::size_t>(t.size(), 60)));
    }
    return {};
  }

  // The row's cells with `dropped` columns taken out.
  void take_cells(int row, const std::vector<int>& dropped, pending_row& into) const {
    const auto& cells = sheet_->rows[static_cast<std::size_t>(row)];
    into.cells.clear();
    into.source_column.clear();
    for (int c = 0; c < static_cast<int>(cells.size()); ++c) {
      if (std::find(dropped.begin(), dropped.end(), c) != dropped.end()) continue;
      into.cells.push_back(sheet_->shown(row, c));
      into.source_column.push_back(c);
    }
  }

  void start_row(int row) {
    pending_row p;
    p.sheet_row = row;
    for (int c : layout_->drop_if_empty) {
      if (trim(sheet_->shown(row, c)).empty()) p.dropped.push_back(c);
    }
    take_cells(row, p.dropped, p);
    row_ = std::move(p);
  }

  void continue_row(int row) {
    pending_row line;
    std::vector<int> dropped;
    for (int c : row_->dropped) {
      if (trim(sheet_->shown(row, c)).empty()) dropped.push_back(c);
    }
    take_cells(row, dropped, line);
    std::vector<bool> redirected(line.cells.size(), false);
    for (const auto& rule : layout_->continuation_columns) {
      if (rule.column >= static_cast<int>(line.cells.size())) continue;
      auto& target = row_->extra[rule.target];
      target = join(target, std::string(trim(line.cells[static_cast<std::size_t>(rule.column)])));
      redirected[static_cast<std::size_t>(rule.column)] = true;
    }
    for (std::size_t c = 0; c < line.cells.size(); ++c) {
      if (redirected[c] || trim(line.cells[c]).empty()) continue;
      if (row_->cells.size() <= c) {
        row_->cells.resize(c + 1);
        row_->source_column.resize(c + 1, line.source_column[c]);
      }
      row_->cells[c] = join(row_->cells[c], line.cells[c]);
    }
  }

  std::string row_cell(const pending_row& p, int column) const {
    return column < static_cast<int>(p.cells.size()) ? p.cells[static_cast<std::size_t>(column)]
                                                     : "";
  }

  int sheet_column(const pending_row& p, int column) const {
    return column < static_cast<int>(p.source_column.size())
               ? p.source_column[static_cast<std::size_t>(column)]
               : column + static_cast<int>(p.dropped.size());
  }

  void flush() {
    if (!row_) return;
    pending_row p = std::move(*row_);
    row_.reset();
    build_row(p);
  }

  void build_row(const pending_row& p);
  std::vector<std::string> read_owners(const pending_row& p, const column_rule* rule,
                                       const std::string& text);
  std::map<std::string, std::string> owner_grades_;  // of the row being built, by owner
  std::string grades_field_;                         // the field those grades are of

  std::string name_of(const std::string& code) const {
    for (const auto& d : m_.base.departments) {
      if (d.code == code) return d.name;
    }
    return code;
  }
  node* place_row(std::unique_ptr<node> n, const pending_row& p);
  void read_values(const pending_row& p, node& n);

  void report_placeholders(const node& n) {
    if (n.placeholder) {
      out_.problems.push_back(
          {severity::warning, n.sheet_name + "!" + std::to_string(n.sheet_row + 1),
           "この行の上の見出しがシートにありません。「(見出しなし)」として取り込みます。"});
    }
    for (const auto& c : n.children) report_placeholders(*c);
  }

  // A report reaches the mapping's status only if the workflow would let it
  // (required fields filled); earlier years stay drafts, as history under a
  // finalized year, and an incomplete report of the report year is said.
  void settle_statuses(node& n) {
    const plan& pl = m_.base.plan_;
    for (auto& r : n.item.reports) {
      auto problem_found = check_ready_to_submit(pl.tmpl, [&](std::string_view key) {
        auto it = r.values.find(std::string(key));
        return it == r.values.end() ? std::string() : it->second;
      });
      const bool earlier = r.year < pl.report_year;
      if (r.status == entry_status::not_started || r.status == entry_status::draft) continue;
      if (!problem_found && !(earlier && m_.finalize_earlier_years)) continue;
      if (!earlier) {
        out_.problems.push_back(
            {severity::warning, n.sheet_name + "!" + std::to_string(n.sheet_row + 1),
             "「" + n.item.title + "」(" + r.department + "): " + problem_found->message +
                 " 作成中として取り込みます。"});
      }
      if (problem_found || earlier) r.status = entry_status::draft;
    }
    for (auto& c : n.children) settle_statuses(*c);
  }

  static plan_file_item to_item(node& n) {
    plan_file_item item = std::move(n.item);
    for (auto& c : n.children) item.children.push_back(to_item(*c));
    return item;
  }
};

std::vector<std::string> builder::read_owners(const pending_row& p, const column_rule* rule,
                                              const std::string& text) {
  owner_grades_.clear();
  grades_field_ = rule != nullptr ? rule->grades : std::string();
  std::vector<std::string> owners;
  auto add = [&](const std::string& code) {
    if (std::find(owners.begin(), owners.end(), code) == owners.end()) owners.push_back(code);
  };
  const template_field* graded =
      rule != nullptr && !rule->grades.empty() ? m_.base.plan_.tmpl.find(rule->grades) : nullptr;
  std::vector<std::string> unknown;
  for (const auto& name : split_names(text)) {
    if (auto code = names_.find(name)) {
      add(*code);
      continue;
    }
    // "共生福祉課B": a name with its grade after it.
    bool graded_name = false;
    if (graded != nullptr) {
      const std::u32string points = utf8_decode(name);
      std::vector<std::string> options;
      for (const auto& o : graded->options) options.push_back(o.value);
      for (std::size_t tail = 1; tail <= 3 && tail < points.size() && !graded_name; ++tail) {
        auto code = names_.find(utf8_encode(points.substr(0, points.size() - tail)));
        if (code && normalize_choice(utf8_encode(points.substr(points.size() - tail)), options)) {
          add(*code);
          owner_grades_[*code] = utf8_encode(points.substr(points.size() - tail));
          graded_name = true;
        }
      }
    }
    if (!graded_name) unknown.push_back(name);
  }
  if (unknown.empty()) return owners;
  // Names run together or broken by stray spaces.
  if (auto segmented = names_.segment(text)) {
    owner_grades_.clear();
    return *segmented;
  }
  const int column = rule != nullptr ? sheet_column(p, rule->column) : -1;
  if (owners.empty()) {
    // An unreadable owners cell: the departments the row's text is written
    // by (【共生福祉課】 …) are its owners.
    for (const auto& cell : p.cells) {
      for (const auto& s : split_sections(cell)) {
        if (auto code = names_.find(s.heading); code && !s.heading.empty()) add(*code);
      }
    }
    if (!owners.empty()) {
      std::string names;
      for (const auto& o : owners) names += "【" + name_of(o) + "】";
      problem(severity::warning, p.sheet_row, column,
              "担当課の欄「" + std::string(trim(text)).substr(0, 60) + "」が読めないため、本文の " +
                  names + " を担当課にします。");
      return owners;
    }
  }
  for (const auto& name : unknown) {
    problem(severity::error, p.sheet_row, column,
            "担当課「" + name +
                "」は対応表の departments にありません。departments に加えるか、"
                "aliases に別名として書いてください。");
  }
  return owners;
}

void builder::build_row(const pending_row& p) {
  auto n = std::make_unique<node>();
  n->sheet_row = p.sheet_row;
  n->sheet_name = sheet_->name;
  std::string owners_text;
  int owners_column = -1;
  const column_rule* owners_rule = nullptr;
  for (const auto& rule : layout_->columns) {
    const std::string text = row_cell(p, rule.column);
    if (rule.target == "label") n->item.label = std::string(trim(text));
    if (rule.target == "title") n->item.title = std::string(trim(text));
    if (rule.target == "page") n->item.page_ref = std::string(trim(text));
    if (rule.target == "description") n->item.description = text;
    if (rule.target == "owners") {
      owners_text = text;
      owners_column = rule.column;
      owners_rule = &rule;
    }
  }
  for (const auto& [target, text] : p.extra) {
    if (target == "description") n->item.description = join(n->item.description, text);
    if (target == "title") n->item.title = join(n->item.title, text);
  }
  if (n->item.title.empty()) n->item.title = n->item.label;
  if (n->item.title.empty()) {
    // A row whose name the sheet lost: still a row, named so it can be found
    // (and matched again when the same file is imported again).
    n->item.title = "(事業名なし: " + std::to_string(p.sheet_row + 1) + "行目)";
    problem(severity::warning, p.sheet_row, -1,
            "行の名前がありません。「" + n->item.title + "」として取り込みます。");
  }
  n->item.owners = read_owners(p, owners_rule, owners_text);
  if (n->item.owners.empty() && split_names(owners_text).empty()) {
    if (m_.unowned == unowned_rows::skip) {
      problem(severity::warning, p.sheet_row, -1,
              "「" + n->item.title + "」には担当課がないため取り込みませんでした。");
    } else {
      problem(severity::error, p.sheet_row, owners_column < 0 ? -1 : sheet_column(p, owners_column),
              "「" + n->item.title + "」に担当課がありません。");
    }
    return;
  }
  node* placed = place_row(std::move(n), p);
  read_values(p, *placed);
}

node* builder::place_row(std::unique_ptr<node> n, const pending_row& p) {
  const int level = levels_ - 1;
  ensure_parents(level, p.sheet_row);
  auto& siblings = children_of(level);
  const std::string& key = n->item.label.empty() ? n->item.title : n->item.label;
  for (auto& s : siblings) {
    const std::string& other = s->item.label.empty() ? s->item.title : s->item.label;
    if (other == key) {
      problem(severity::warning, p.sheet_row, -1,
              "「" + key + "」は " + s->sheet_name + "!" + std::to_string(s->sheet_row + 1) +
                  " と同じ行です。値を一つにまとめます。");
      for (const auto& o : n->item.owners) {
        if (std::find(s->item.owners.begin(), s->item.owners.end(), o) == s->item.owners.end()) {
          s->item.owners.push_back(o);
        }
      }
      return s.get();
    }
  }
  siblings.push_back(std::move(n));
  return siblings.back().get();
}

void builder::read_values(const pending_row& p, node& n) {
  const plan& pl = m_.base.plan_;
  // Earlier years first, so 同左 finds the value it repeats.
  std::vector<const column_rule*> rules;
  for (const auto& r : layout_->columns) {
    if (pl.tmpl.find(r.target) != nullptr) rules.push_back(&r);
  }
  std::stable_sort(rules.begin(), rules.end(),
                   [](const column_rule* a, const column_rule* b) { return a->year < b->year; });
  auto report_for = [&](const std::string& department, int year) -> plan_file_report& {
    for (auto& r : n.item.reports) {
      if (r.department == department && r.year == year) return r;
    }
    n.item.reports.push_back({department, year, m_.status, {}, {}, {}});
    return n.item.reports.back();
  };
  for (const column_rule* rule : rules) {
    const template_field& field = *pl.tmpl.find(rule->target);
    const int column = sheet_column(p, rule->column);
    std::string text = row_cell(p, rule->column);
    if (auto extra = p.extra.find(rule->target); extra != p.extra.end())
      text = join(text, extra->second);
    const bool graded_by_owner = trim(text).empty() && !owner_grades_.empty() &&
                                 field.key == grades_field_ && field.scope == field_scope::report;
    if (trim(text).empty() && !graded_by_owner) continue;
    const int year =
        rule->year != 0 ? rule->year : (field.scope == field_scope::report ? pl.report_year : 0);

    auto store_value = [&](const std::string& owner, const std::string& cell_text) {
      std::string written = cell_text;
      const bool repeats = !m_.same_as_before.empty() && trim(cell_text) == m_.same_as_before;
      if (repeats && m_.resolve_same_as_before && field.scope == field_scope::report) {
        const plan_file_report* earlier = nullptr;
        for (const auto& r : n.item.reports) {
          if (r.department == owner && r.year < year && r.values.contains(field.key) &&
              (earlier == nullptr || r.year > earlier->year)) {
            earlier = &r;
          }
        }
        if (earlier == nullptr) {
          problem(severity::warning, p.sheet_row, column,
                  "「" + m_.same_as_before +
                      "」の元になる前の年度の値がありません。書かれたとおりに取り込みます。");
        } else {
          written = earlier->values.at(field.key);
        }
      }
      cell_reading reading =
          repeats ? cell_reading{written, {}, {}} : read_cell_value(field, written);
      // What the sheet says but the field cannot hold: a comment on the
      // entry (a report field), and a warning saying so.
      auto keep_as_note = [&](const std::string& what, const std::string& why) {
        if (field.scope != field_scope::report) {
          problem(severity::warning, p.sheet_row, column, why + "取り込みませんでした。");
          return;
        }
        report_for(owner, year)
            .notes.push_back(field.label + " (" + std::to_string(year) + "年度): 「" + what + "」");
        problem(severity::warning, p.sheet_row, column,
                why + "値は空のままにし、報告へのコメントとして残します。");
      };
      if (!reading.error.empty() && field.is_choice() && m_.bad_choices == invalid_choices::note) {
        keep_as_note(std::string(trim(written)), reading.error);
        return;
      }
      if (!reading.error.empty()) {
        problem(severity::error, p.sheet_row, column, reading.error);
        return;
      }
      if (!reading.note.empty()) {
        keep_as_note(reading.note, "「" + reading.note + "」" +
                                       (field.is_choice() ? "には印の付いた選択肢がありません。"
                                                          : "は数値ではありません。"));
        return;
      }
      if (!reading.value) return;
      if (auto valid = validate_value(field, *reading.value); !valid) {
        problem(severity::error, p.sheet_row, column, valid.error().message);
        return;
      }
      if (field.scope == field_scope::plan) {
        const std::string key = field.type == field_type::year_series
                                    ? field.key + "@" + std::to_string(year)
                                    : field.key;
        n.item.plan_values[key] = *reading.value;
      } else {
        report_for(owner, year).values[field.key] = *reading.value;
      }
    };

    if (field.scope == field_scope::plan) {
      store_value("", text);
      continue;
    }
    if (graded_by_owner) {
      for (const auto& [owner, grade] : owner_grades_) store_value(owner, grade);
      continue;
    }
    if (auto split = split_per_owner(field, text, n.item.owners, names_)) {
      for (const auto& [owner, part] : *split) store_value(owner, part);
      continue;
    }
    for (const auto& owner : n.item.owners) store_value(owner, text);
  }
}

}  // namespace

sheet_import build_plan_file(const sheet::workbook& book, const mapping& m) {
  sheet_import out;
  out.file.plan_ = m.base.plan_;
  out.file.departments = m.base.departments;
  out.file.users = m.base.users;
  builder b(m, out);
  for (const auto& layout : m.sheets) {
    bool found = false;
    for (const auto& sheet : book.sheets) {
      if (!layout.sheet.empty() && sheet.name != layout.sheet) continue;
      found = true;
      b.read(sheet, layout);
    }
    if (!found) {
      out.problems.push_back(
          {severity::error, "", "シート「" + layout.sheet + "」がファイルにありません。"});
    }
  }
  b.finish();
  return out;
}

bool sheet_import::has_errors() const {
  return std::any_of(problems.begin(), problems.end(),
                     [](const import_problem& p) { return p.level == severity::error; });
}

}  // namespace matome::import
