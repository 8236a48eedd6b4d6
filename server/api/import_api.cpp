// A coordinator's sheet import over the API: the workbook and the mapping
// travel in one JSON body, the dry run answers with what would be created
// and every problem, and the real run writes all of it or nothing.
#include <sodium.h>

#include "api/json.h"
#include "api/router.h"
#include "matome/import/sheet_import.h"
#include "matome/sheet/read_workbook.h"

namespace matome::server {
namespace {

result<std::string> from_base64(const std::string& text) {
  std::string bytes(text.size() * 3 / 4 + 3, '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), text.data(),
                        text.size(), "\r\n", &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    return make_error(errc::invalid_argument, "file is not base64");
  }
  bytes.resize(length);
  return bytes;
}

void write_problems(json::writer& w, const import::sheet_import& built) {
  w.key("problems").begin_array();
  for (const auto& p : built.problems) {
    w.begin_object()
        .member("level", p.level == import::severity::error ? "error" : "warning")
        .member("where", p.where)
        .member("message", p.message)
        .end_object();
  }
  w.end_array();
}

void write_counts(json::writer& w, const import::import_counts& c) {
  w.key("counts").begin_object();
  w.key("items_per_level").begin_array();
  for (int n : c.items_per_level) w.value(n);
  w.end_array();
  w.member("rows", c.rows).member("shared_rows", c.shared_rows);
  w.key("rows_per_owner").begin_object();
  for (const auto& [name, n] : c.rows_per_owner) w.member(name, n);
  w.end_object();
  w.key("values_per_year").begin_object();
  for (const auto& [year, n] : c.values_per_year) w.member(std::to_string(year), n);
  w.end_object();
  w.member("plan_values", c.plan_values)
      .member("report_values", c.report_values)
      .member("notes", c.notes)
      .end_object();
}

// POST /api/v1/import-sheet
// {"name": "報告書.xlsx", "file": "<base64>", "mapping": "<mapping JSON text>",
//  "encoding": "auto", "dry_run": true}
result<api_response> import_sheet(request_context& ctx) {
  auto body = json::parse_object(ctx.request.body);
  if (!body) return body.error();
  auto name = json::required_string(*body, "name");
  if (!name) return name.error();
  auto file = json::required_string(*body, "file");
  if (!file) return file.error();
  auto mapping_text = json::required_string(*body, "mapping");
  if (!mapping_text) return mapping_text.error();
  auto encoding_name = json::optional_string(*body, "encoding");
  if (!encoding_name) return encoding_name.error();
  bool dry_run = true;
  if (auto d = body->FindMember("dry_run"); d != body->MemberEnd()) {
    if (!d->value.IsBool())
      return make_error(errc::invalid_argument, "dry_run must be true or false");
    dry_run = d->value.GetBool();
  }

  auto bytes = from_base64(*file);
  if (!bytes) return bytes.error();
  auto encoding = sheet::parse_text_encoding(*encoding_name);
  if (!encoding) return encoding.error();
  // The file first: it is what the coordinator chose, and its error says so.
  auto book = sheet::read_workbook(*bytes, *name, {*encoding, 0});
  if (!book) return book.error();
  auto mapping = import::parse_mapping(*mapping_text);
  if (!mapping) return mapping.error();
  const auto built = import::build_plan_file(*book, *mapping);

  json::writer w;
  w.begin_object().member("dry_run", dry_run).member("ok", !built.has_errors());
  w.member("summary", import::describe(built));
  write_counts(w, built.counts());
  write_problems(w, built);
  api_response response;
  w.key("imported");
  if (dry_run || built.has_errors()) {
    w.raw().Null();
    if (!dry_run) {
      // Refused: the error as every failed request has it, with the problems.
      response.status = http_status(errc::invalid_value);
      w.member("error", to_string(errc::invalid_value))
          .member("message",
                  "エラーがあるため取り込みませんでした。試行 (dry run) "
                  "で一覧を見て、ファイルか対応表を直してください。");
    }
  } else {
    auto summary = import::write_import(ctx.db, built);
    if (!summary) return summary.error();
    w.begin_object()
        .member("plan_id", summary->plan_id)
        .member("updated", summary->updated)
        .member("rows", summary->rows)
        .member("departments", summary->departments)
        .member("cells", summary->cells)
        .end_object();
    response.notify_seq = ctx.db.last_seq();  // every client hears of the new rows
  }
  w.end_object();
  response.body = w.str();
  return response;
}

}  // namespace

void add_import_routes(std::vector<route>& routes) {
  routes.push_back({"POST", "/api/v1/import-sheet", access::coordinator, import_sheet});
}

}  // namespace matome::server
