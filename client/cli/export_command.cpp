#include "export_command.h"

#include <fstream>
#include <iostream>

#include "exit_codes.h"
#include "matome/client/replica.h"
#include "matome/domain/fiscal_year.h"
#include "matome/report/data_export.h"

namespace matome::cli {
namespace {}  // namespace

int run_export(client::replica& local, const export_request& request) {
  auto index = local.plan();
  if (!index) return fail(index.error());
  export_options options;
  options.year = index->plan.report_year;
  if (!request.year.empty()) {
    auto year = parse_fiscal_year(request.year);
    if (!year) return fail(year.error());
    if (!index->plan.contains_year(*year)) {
      return fail({errc::invalid_argument, fiscal_year_label(*year) + "は計画期間の外です。"});
    }
    options.year = *year;
  }
  options.accepted_only = request.accepted_only;
  // What this user sees, own unsent edits included.
  export_source source{[&local](const cell_key& k) { return local.value_of(k); },
                       [&local](const entry_key& k) { return local.db().find_entry(k).status; },
                       local.db().departments()};
  if (!request.department.empty()) {
    auto d = local.db().find_department_by_code(request.department);
    if (!d) return fail(d.error());
    options.department_id = d->id;
  }
  std::string text;
  if (request.format == "csv") {
    text = to_csv(entries_table(*index, source, options));
  } else if (request.format == "csv-long") {
    text = to_csv(cells_table(*index, source, options));
  } else if (request.format == "json") {
    text = to_json(*index, source, options) + "\n";
  } else {
    return fail(
        {errc::invalid_argument,
         "形式「" + request.format + "」は書き出せません。csv、csv-long、json のいずれかです。"});
  }
  std::ofstream out(request.out, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return fail({errc::storage, request.out + " に書き込めません。"});
  std::cout << "wrote " << request.out << " (" << fiscal_year_label(options.year) << ", "
            << request.format << ")\n";
  return 0;
}

}  // namespace matome::cli
