// matome-report-bench: the printed report of each sample, imported with its
// preset and printed in the plan's own layout, timed against a baseline in
// the same run:
//
//   pdf   build_report + writeReportPdf, vs. the same texts drawn one
//         drawText each onto QPdfWriter pages with the same font: the
//         shaping and font embedding no report can avoid, without the
//         line breaking, pagination and grid the report adds.
//   xlsx  build_report + write_report_xlsx, vs. the same texts written
//         with libxlsxwriter into plain cells, no formats or merges.
//
// Issue 12 asks for a 107-row plan in under 5 s; 北本市's sample has 109
// rows. Each figure is the median of --repeat runs.
//
// Usage: matome-report-bench [--presets DIR] [--repeat N] [--json]
#include <xlsxwriter.h>

#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "matome/import/sheet_import.h"
#include "matome/report/report_xlsx.h"
#include "matome/sheet/read_workbook.h"
#include "pdf_report.h"

namespace {

using namespace matome;
using clock_type = std::chrono::steady_clock;

struct options {
  std::string presets = MATOME_PRESETS_DIR;
  int repeat = 3;
  bool json = false;
};

template <class Work>
double median_seconds(int repeat, Work work) {
  std::vector<double> times;
  for (int i = 0; i < repeat; ++i) {
    const auto start = clock_type::now();
    work();
    times.push_back(std::chrono::duration<double>(clock_type::now() - start).count());
  }
  std::ranges::sort(times);
  return times[times.size() / 2];
}

// Every text the report prints, in order.
std::vector<QString> texts_of(const report_document& doc) {
  std::vector<QString> out{QString::fromStdString(doc.title)};
  for (const auto& h : doc.headers) out.push_back(QString::fromStdString(h));
  for (const auto& line : doc.lines) {
    if (!line.text.empty()) out.push_back(QString::fromStdString(line.text));
    for (const auto& c : line.cells) out.push_back(QString::fromStdString(c));
    for (const auto& sub : line.sub_rows)
      for (const auto& c : sub) out.push_back(QString::fromStdString(c));
  }
  return out;
}

void baseline_pdf(const std::vector<QString>& texts, const QString& path) {
  QPdfWriter writer(path);
  writer.setResolution(300);
  writer.setPageSize(QPageSize(QPageSize::A4));
  writer.setPageOrientation(QPageLayout::Landscape);
  QPainter p(&writer);
  p.setFont(Matome::reportFont(7));
  const QRect area = writer.pageLayout().paintRectPixels(300);
  int y = 0;
  for (const auto& t : texts) {
    const QRect box(0, y, area.width(), 400);
    const QRect used = p.boundingRect(box, Qt::TextWordWrap, t);
    if (y + used.height() > area.height() && y > 0) {
      writer.newPage();
      y = 0;
    }
    p.drawText(QRect(0, y, area.width(), used.height()), Qt::TextWordWrap, t);
    y += used.height();
  }
}

void baseline_xlsx(const std::vector<QString>& texts, const std::string& path, int columns) {
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    worksheet_write_string(ws, static_cast<lxw_row_t>(i / static_cast<std::size_t>(columns)),
                           static_cast<lxw_col_t>(i % static_cast<std::size_t>(columns)),
                           texts[i].toStdString().c_str(), nullptr);
  }
  workbook_close(wb);
}

struct figures {
  std::string city;
  int rows = 0;
  int pages = 0;
  double pdf = 0, pdf_baseline = 0, xlsx = 0, xlsx_baseline = 0;
};

figures run_city(const std::string& city, const options& o, const std::filesystem::path& dir) {
  auto m = import::read_preset(o.presets, city);
  if (!m) throw std::runtime_error(m.error().message);
  auto book = sheet::read_workbook_file(o.presets + "/samples/" + city + ".tsv");
  if (!book) throw std::runtime_error(book.error().message);
  auto s = store::open(dir / (city + ".db"));
  if (!s) throw std::runtime_error(s.error().message);
  auto imported = import::write_import(*s, import::build_plan_file(*book, *m), hash_cost::minimal);
  if (!imported) throw std::runtime_error(imported.error().message);
  const auto index = s->load_plan_index(imported->plan_id).value();
  const auto layout = read_layout("", index.plan).value();
  const export_options year{index.plan.report_year};

  figures f;
  f.city = city;
  for (const auto& item : index.items) f.rows += index.plan.is_row(item) ? 1 : 0;
  const QString pdf = QString::fromStdString((dir / (city + ".pdf")).string());
  f.pdf = median_seconds(o.repeat, [&] {
    const auto doc = build_report(index, store_source(*s), layout, year);
    f.pages = Matome::writeReportPdf(doc, pdf, QStringLiteral("令和8年11月30日 作成")).value();
  });
  const auto doc = build_report(index, store_source(*s), layout, year);
  const auto texts = texts_of(doc);
  f.pdf_baseline = median_seconds(o.repeat, [&] {
    baseline_pdf(texts, QString::fromStdString((dir / (city + "-baseline.pdf")).string()));
  });
  const std::string xlsx = (dir / (city + ".xlsx")).string();
  f.xlsx = median_seconds(o.repeat, [&] {
    const auto d = build_report(index, store_source(*s), layout, year);
    if (!write_report_xlsx(d, xlsx)) throw std::runtime_error("xlsx");
  });
  f.xlsx_baseline = median_seconds(o.repeat, [&] {
    baseline_xlsx(texts, (dir / (city + "-baseline.xlsx")).string(),
                  static_cast<int>(doc.headers.size()));
  });
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--presets" && i + 1 < argc) {
      o.presets = argv[++i];
    } else if (arg == "--repeat" && i + 1 < argc) {
      o.repeat = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--json") {
      o.json = true;
    } else {
      std::fprintf(stderr, "usage: matome-report-bench [--presets DIR] [--repeat N] [--json]\n");
      return 2;
    }
  }
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QGuiApplication app(argc, argv);
  const auto dir = std::filesystem::temp_directory_path() /
                   ("matome-report-bench-" + std::to_string(QCoreApplication::applicationPid()));
  std::filesystem::create_directories(dir);

  std::vector<figures> all;
  try {
    for (const std::string city : {"sakado", "kitamoto", "tsurugashima"})
      all.push_back(run_city(city, o, dir));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "matome-report-bench: %s\n", e.what());
    std::filesystem::remove_all(dir);
    return 1;
  }
  std::filesystem::remove_all(dir);

  std::printf("%-13s %5s %6s %9s %9s %6s %9s %9s %6s\n", "sample", "rows", "pages", "pdf s",
              "base s", "ratio", "xlsx s", "base s", "ratio");
  for (const auto& f : all) {
    std::printf("%-13s %5d %6d %9.3f %9.3f %6.2f %9.3f %9.3f %6.2f\n", f.city.c_str(), f.rows,
                f.pages, f.pdf, f.pdf_baseline, f.pdf / f.pdf_baseline, f.xlsx, f.xlsx_baseline,
                f.xlsx / f.xlsx_baseline);
  }
  std::printf("target: a 107-row plan's PDF in under 5 s (北本市: %d rows)\n", all[1].rows);
  if (o.json) {
    std::string json = "{\"samples\":[";
    for (std::size_t i = 0; i < all.size(); ++i) {
      const auto& f = all[i];
      char one[512];
      std::snprintf(one, sizeof one,
                    "%s{\"sample\":\"%s\",\"rows\":%d,\"pages\":%d,\"pdf_s\":%.4f,"
                    "\"pdf_baseline_s\":%.4f,\"xlsx_s\":%.4f,\"xlsx_baseline_s\":%.4f}",
                    i == 0 ? "" : ",", f.city.c_str(), f.rows, f.pages, f.pdf, f.pdf_baseline,
                    f.xlsx, f.xlsx_baseline);
      json += one;
    }
    std::printf("%s]}\n", json.c_str());
  }
  return 0;
}
