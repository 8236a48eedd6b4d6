// The real run of a sheet import: the plan file it built goes through the
// plan file import, which writes everything in one transaction through the
// store's real apply and workflow.
#include "matome/import/sheet_import.h"
#include "matome/store/store.h"

namespace matome::import {

result<import_summary> write_import(matome::store& s, const sheet_import& built, hash_cost cost) {
  int errors = 0;
  for (const auto& p : built.problems) errors += p.level == severity::error ? 1 : 0;
  if (errors > 0) {
    return make_error(errc::invalid_value, "エラーが " + std::to_string(errors) +
                                               " 件あるため取り込みませんでした。--dry-run "
                                               "で一覧を見て、ファイルか対応表を直してください。");
  }
  return import_plan_file(s, built.file, cost, import_mode::create_or_update);
}

}  // namespace matome::import
