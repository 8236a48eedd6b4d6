// matome-server import-sheet: a city's workbook (XLSX, CSV, TSV) into a plan
// through a mapping or a shipped preset, with a dry run that writes nothing.
#include <iostream>

#include "admin/admin_commands.h"
#include "admin/admin_support.h"
#include "matome/import/sheet_import.h"
#include "matome/sheet/read_workbook.h"

namespace matome::server::admin {

int import_sheet(const std::string& db, const import_sheet_options& options) {
  auto encoding = sheet::parse_text_encoding(options.encoding);
  if (!encoding) return report(encoding.error());
  auto m = options.mapping_file.empty() ? import::read_preset(options.preset_dir, options.preset)
                                        : import::read_mapping_file(options.mapping_file);
  if (!m) return report(m.error());
  auto book = sheet::read_workbook_file(options.file, {*encoding, 0});
  if (!book) return report(book.error());
  const auto built = import::build_plan_file(*book, *m);
  std::cout << import::describe(built);
  if (options.dry_run) {
    std::cout << (built.has_errors()
                      ? "試行のみ: エラーを直すまで取り込めません。\n"
                      : "試行のみ: 何も書き込んでいません。--dry-run を外すと取り込みます。\n");
    return built.has_errors() ? 1 : 0;
  }
  auto s = store::open(db);
  if (!s) return report(s.error());
  auto summary = import::write_import(*s, built);
  if (!summary) return report(summary.error());
  std::cout << "取り込みました: 計画 " << summary->plan_id << "、行 " << summary->rows
            << "、担当課 " << summary->departments << "、値 " << summary->cells << "\n";
  return 0;
}

}  // namespace matome::server::admin
