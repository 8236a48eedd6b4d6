#include "export_command.h"

#include <QGuiApplication>
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>

#include "exit_codes.h"
#include "matome/client/replica.h"
#include "matome/client/replica_source.h"
#include "matome/domain/fiscal_year.h"
#include "matome/report/data_export.h"
#include "matome/report/report_xlsx.h"
#include "pdf_report.h"

namespace matome::cli {
namespace {}  // namespace

namespace {

// QPdfWriter needs a QGuiApplication for its fonts; a terminal has no
// display, so it is an offscreen one, made only when a PDF is asked for.
result<int> write_pdf(const report_document& doc, const std::string& path) {
  int argc = 1;
  char name[] = "matome-cli";
  char* argv[] = {name, nullptr};
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  const QGuiApplication app(argc, argv);  // for this export only
  const auto today = std::chrono::year_month_day(
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  return Matome::writeReportPdf(
      doc, QString::fromStdString(path),
      Matome::eraDate(static_cast<int>(today.year()), static_cast<int>(unsigned(today.month())),
                      static_cast<int>(unsigned(today.day()))) +
          QStringLiteral(" 作成"));
}

}  // namespace

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
  options.mark_changes = request.mark_changes;
  // What this user sees, own unsent edits included.
  const export_source source = client::replica_source(local);
  if (!request.department.empty()) {
    auto d = local.db().find_department_by_code(request.department);
    if (!d) return fail(d.error());
    options.department_id = d->id;
  }
  if (request.format == "xlsx" || request.format == "pdf") {
    auto layout = read_layout(request.layout, index->plan);
    if (!layout) return fail(layout.error());
    const auto doc = build_report(*index, source, *layout, options);
    if (request.format == "pdf") {
      auto pages = write_pdf(doc, request.out);
      if (!pages) return fail(pages.error());
      std::cout << "wrote " << request.out << " (" << doc.title << ", " << *pages << " pages)\n";
      return 0;
    }
    if (auto written = write_report_xlsx(doc, request.out); !written) return fail(written.error());
    std::cout << "wrote " << request.out << " (" << doc.title << ", " << doc.lines.size()
              << " lines)\n";
    return 0;
  }
  auto text = write_data(request.format, *index, source, options);
  if (!text) return fail(text.error());
  std::ofstream out(request.out, std::ios::binary | std::ios::trunc);
  out << *text;
  out.close();
  if (!out) return fail({errc::storage, request.out + " に書き込めません。"});
  std::cout << "wrote " << request.out << " (" << fiscal_year_label(options.year) << ", "
            << request.format << ")\n";
  return 0;
}

}  // namespace matome::cli
