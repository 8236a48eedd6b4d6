#include "matome/sheet/xlsx_reader.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>

#include "matome/sheet/xml_events.h"
#include "matome/sheet/zip_archive.h"

namespace matome::sheet {
namespace {

enum class number_style { general, date, percent };

std::string to_string(std::string_view v) {
  return std::string(v);
}

// The part path a relationship target names, relative to xl/.
std::string part_path(std::string_view target) {
  if (target.starts_with('/')) return to_string(target.substr(1));
  std::string path = "xl/" + to_string(target);
  // "../" is rare but legal.
  for (auto up = path.find("/../"); up != std::string::npos; up = path.find("/../")) {
    auto parent = path.rfind('/', up - 1);
    path.erase(parent == std::string::npos ? 0 : parent + 1, up + 4 - (parent + 1));
  }
  return path;
}

result<std::string> require_part(const zip_archive& zip, std::string_view name) {
  auto part = zip.read(name);
  if (!part) return part.error();
  if (!*part) {
    return make_error(errc::invalid_argument,
                      "XLSX ファイルに " + to_string(name) +
                          " がありません。Excel で開けるか確かめ、保存し直してください。");
  }
  return std::move(**part);
}

// A custom number format shows a date when it has date or time letters
// outside quotes and brackets ("yyyy/m/d", "ggge年m月d日", "h:mm").
bool is_date_format(std::string_view code) {
  bool quoted = false;
  int bracket = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\\') {
      ++i;
      continue;
    }
    if (c == '[') ++bracket;
    if (c == ']') --bracket;
    if (bracket > 0) continue;
    const char l = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (l == 'y' || l == 'd' || l == 'h' || l == 'g') return true;
    if (l == 'e' && (i + 1 >= code.size() || (code[i + 1] != '+' && code[i + 1] != '-'))) {
      return true;  // era year, not the E+ of a scientific format
    }
  }
  return false;
}

number_style builtin_style(int id) {
  if (id == 9 || id == 10) return number_style::percent;
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
      (id >= 50 && id <= 58)) {
    return number_style::date;
  }
  return number_style::general;
}

result<std::vector<number_style>> read_styles(const zip_archive& zip) {
  std::vector<number_style> styles;
  auto part = zip.read("xl/styles.xml");
  if (!part) return part.error();
  if (!*part) return styles;
  std::map<int, number_style> custom;
  bool in_cell_xfs = false;
  xml_handler h;
  h.start = [&](std::string_view name, const std::vector<xml_attribute>& a) {
    if (name == "numFmt") {
      const int id = std::atoi(to_string(attribute(a, "numFmtId")).c_str());
      const auto code = attribute(a, "formatCode");
      custom[id] = is_date_format(code)                       ? number_style::date
                   : code.find('%') != std::string_view::npos ? number_style::percent
                                                              : number_style::general;
    } else if (name == "cellXfs") {
      in_cell_xfs = true;
    } else if (name == "xf" && in_cell_xfs) {
      const int id = std::atoi(to_string(attribute(a, "numFmtId")).c_str());
      auto it = custom.find(id);
      styles.push_back(it != custom.end() ? it->second : builtin_style(id));
    }
  };
  h.end = [&](std::string_view name) {
    if (name == "cellXfs") in_cell_xfs = false;
  };
  if (auto ok = parse_xml(**part, "xl/styles.xml", h); !ok) return ok.error();
  return styles;
}

// Rich text runs concatenated; phonetic runs (<rPh>) and their <t> skipped.
struct string_item_reader {
  std::string text;
  int phonetic_depth = 0;
  bool in_text = false;

  void start(std::string_view name) {
    if (name == "rPh") ++phonetic_depth;
    if (name == "t" && phonetic_depth == 0) in_text = true;
  }
  void end(std::string_view name) {
    if (name == "rPh") --phonetic_depth;
    if (name == "t") in_text = false;
  }
  void chars(std::string_view s) {
    if (in_text) text.append(s);
  }
};

result<std::vector<std::string>> read_shared_strings(const zip_archive& zip) {
  std::vector<std::string> strings;
  auto part = zip.read("xl/sharedStrings.xml");
  if (!part) return part.error();
  if (!*part) return strings;
  string_item_reader item;
  xml_handler h;
  h.start = [&](std::string_view name, const std::vector<xml_attribute>&) {
    if (name == "si") item = {};
    item.start(name);
  };
  h.end = [&](std::string_view name) {
    item.end(name);
    if (name == "si") strings.push_back(std::move(item.text));
  };
  h.text = [&](std::string_view s) { item.chars(s); };
  if (auto ok = parse_xml(**part, "xl/sharedStrings.xml", h); !ok) return ok.error();
  return strings;
}

std::string format_number(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return buffer;
}

// Excel's serial day (1900 system, with its phantom 29 Feb 1900) as a date.
std::string format_date(double serial, bool date1904) {
  using namespace std::chrono;
  const double whole = std::floor(serial);
  sys_days epoch = date1904 ? sys_days(year{1904} / 1 / 1) : sys_days(year{1899} / 12 / 30);
  if (!date1904 && whole < 61) epoch += days(1);
  const year_month_day ymd(epoch + days(static_cast<long>(whole)));
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  std::string out = buffer;
  const long minutes = std::lround((serial - whole) * 24 * 60);
  if (minutes > 0 && minutes < 24 * 60) {
    std::snprintf(buffer, sizeof buffer, " %02ld:%02ld", minutes / 60, minutes % 60);
    out += buffer;
  }
  return out;
}

// "AB12" → row 11, column 27.
bool parse_reference(std::string_view ref, int& row, int& column) {
  std::size_t i = 0;
  int c = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') c = c * 26 + (ref[i++] - 'A' + 1);
  int r = 0;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && r < 10'000'000)
    r = r * 10 + (ref[i++] - '0');
  if (c == 0 || r == 0 || i != ref.size() || c > 16384) return false;
  row = r - 1;
  column = c - 1;
  return true;
}

struct sheet_context {
  const std::vector<std::string>& shared;
  const std::vector<number_style>& styles;
  bool date1904 = false;
};

result<worksheet> read_sheet(const std::string& part, const std::string& path,
                             const sheet_context& context, std::string name) {
  worksheet sheet;
  sheet.name = std::move(name);
  int row = -1;
  int column = -1;
  std::string type;
  int style = 0;
  std::string value;
  bool in_value = false;
  bool in_inline = false;
  string_item_reader inline_text;
  std::string problem;

  auto put = [&](std::string text) {
    if (row < 0 || column < 0 || row > 1'048'575) return;
    if (sheet.rows.size() <= static_cast<std::size_t>(row)) sheet.rows.resize(row + 1);
    auto& cells = sheet.rows[static_cast<std::size_t>(row)];
    if (cells.size() <= static_cast<std::size_t>(column)) cells.resize(column + 1);
    cells[static_cast<std::size_t>(column)] = std::move(text);
  };

  xml_handler h;
  h.start = [&](std::string_view tag, const std::vector<xml_attribute>& a) {
    if (tag == "row") {
      const auto r = attribute(a, "r");
      row = r.empty() ? row + 1 : std::atoi(to_string(r).c_str()) - 1;
      column = -1;
    } else if (tag == "c") {
      const auto ref = attribute(a, "r");
      int r = row;
      int c = column + 1;
      if (!ref.empty() && !parse_reference(ref, r, c))
        problem = "セル番地「" + to_string(ref) + "」";
      row = r;
      column = c;
      type = to_string(attribute(a, "t"));
      style = std::atoi(to_string(attribute(a, "s")).c_str());
      value.clear();
      inline_text = {};
    } else if (tag == "v") {
      in_value = true;
    } else if (tag == "is") {
      in_inline = true;
    } else if (in_inline) {
      inline_text.start(tag);
    } else if (tag == "mergeCell") {
      const auto ref = to_string(attribute(a, "ref"));
      const auto colon = ref.find(':');
      merged_range m;
      if (colon == std::string::npos ||
          !parse_reference(std::string_view(ref).substr(0, colon), m.first_row, m.first_column) ||
          !parse_reference(std::string_view(ref).substr(colon + 1), m.last_row, m.last_column)) {
        problem = "結合範囲「" + ref + "」";
        return;
      }
      sheet.merges.push_back(m);
    }
  };
  h.end = [&](std::string_view tag) {
    if (tag == "v") {
      in_value = false;
    } else if (tag == "is") {
      in_inline = false;
    } else if (in_inline) {
      inline_text.end(tag);
    } else if (tag == "c") {
      if (type == "inlineStr") {
        put(std::move(inline_text.text));
      } else if (type == "s") {
        const auto index = static_cast<std::size_t>(std::atol(value.c_str()));
        if (index >= context.shared.size()) {
          problem = "共有文字列の番号 " + value;
          return;
        }
        put(context.shared[index]);
      } else if (type == "b") {
        put(value == "1" ? "TRUE" : "FALSE");
      } else if (type == "str" || type == "e" || value.empty()) {
        put(value);
      } else {
        char* end = nullptr;
        const double number = std::strtod(value.c_str(), &end);
        const number_style kind =
            style >= 0 && static_cast<std::size_t>(style) < context.styles.size()
                ? context.styles[static_cast<std::size_t>(style)]
                : number_style::general;
        if (end == value.c_str() || !std::isfinite(number)) {
          put(value);
        } else if (kind == number_style::date && number >= 0 && number < 2958466) {
          put(format_date(number, context.date1904));
        } else if (kind == number_style::percent) {
          put(format_number(number * 100) + "%");
        } else {
          put(format_number(number));
        }
      }
    }
  };
  h.text = [&](std::string_view s) {
    if (in_value) value.append(s);
    if (in_inline) inline_text.chars(s);
  };
  if (auto ok = parse_xml(part, path, h); !ok) return ok.error();
  if (!problem.empty()) {
    return make_error(errc::invalid_argument, "XLSX の " + path + " の" + problem +
                                                  "が読めません。Excel で保存し直してください。");
  }
  return sheet;
}

}  // namespace

bool looks_like_zip(std::string_view bytes) {
  return bytes.starts_with("PK\x03\x04");
}

result<workbook> read_xlsx(std::string_view bytes) {
  auto zip = zip_archive::open(bytes);
  if (!zip) return zip.error();

  auto workbook_xml = require_part(*zip, "xl/workbook.xml");
  if (!workbook_xml) return workbook_xml.error();
  struct sheet_entry {
    std::string name;
    std::string relationship;
  };
  std::vector<sheet_entry> entries;
  bool date1904 = false;
  xml_handler wb;
  wb.start = [&](std::string_view name, const std::vector<xml_attribute>& a) {
    if (name == "sheet")
      entries.push_back({to_string(attribute(a, "name")), to_string(attribute(a, "id"))});
    if (name == "workbookPr") {
      const auto v = attribute(a, "date1904");
      date1904 = v == "1" || v == "true";
    }
  };
  if (auto ok = parse_xml(*workbook_xml, "xl/workbook.xml", wb); !ok) return ok.error();

  auto rels = require_part(*zip, "xl/_rels/workbook.xml.rels");
  if (!rels) return rels.error();
  std::map<std::string, std::string> targets;
  xml_handler rh;
  rh.start = [&](std::string_view name, const std::vector<xml_attribute>& a) {
    if (name == "Relationship")
      targets[to_string(attribute(a, "Id"))] = to_string(attribute(a, "Target"));
  };
  if (auto ok = parse_xml(*rels, "xl/_rels/workbook.xml.rels", rh); !ok) return ok.error();

  auto shared = read_shared_strings(*zip);
  if (!shared) return shared.error();
  auto styles = read_styles(*zip);
  if (!styles) return styles.error();
  const sheet_context context{*shared, *styles, date1904};

  workbook book;
  for (auto& entry : entries) {
    auto target = targets.find(entry.relationship);
    if (target == targets.end()) {
      return make_error(
          errc::invalid_argument,
          "XLSX のシート「" + entry.name + "」の場所がありません。Excel で保存し直してください。");
    }
    const std::string path = part_path(target->second);
    auto part = require_part(*zip, path);
    if (!part) return part.error();
    auto sheet = read_sheet(*part, path, context, std::move(entry.name));
    if (!sheet) return sheet.error();
    book.sheets.push_back(std::move(*sheet));
  }
  if (book.sheets.empty()) {
    return make_error(errc::invalid_argument, "XLSX ファイルにシートがありません。");
  }
  return book;
}

}  // namespace matome::sheet
