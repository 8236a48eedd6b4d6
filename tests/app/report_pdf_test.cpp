// The printed report as PDF, read back with independent tools (poppler's
// pdftotext, pdffonts, pdfinfo): the demo and each imported sample in its
// layout. Every row's title and chosen cells come back as text, in reading
// order, and every font is embedded.
#include <QFile>
#include <QImage>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <regex>

#include "app_fixture.h"
#include "matome/import/sheet_import.h"
#include "matome/plan_file/plan_file.h"
#include "matome/sheet/read_workbook.h"
#include "pdf_report.h"
#include "reportmodel.h"
#include "support/catch_result.h"
#include "support/temp_dir.h"

using namespace matome;

namespace {

std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  REQUIRE(::pclose(pipe) == 0);
  return out;
}

// The text of the PDF in content order (each cell's lines together), with
// every space and line break taken out: what a search in a viewer meets.
std::string text_of(const std::filesystem::path& pdf) {
  return std::regex_replace(run("pdftotext -raw '" + pdf.string() + "' -"), std::regex("\\s+"), "");
}

std::string squeezed(const std::string& text) {
  return std::regex_replace(text, std::regex("\\s+"), "");
}

int pages_of(const std::filesystem::path& pdf) {
  std::smatch m;
  const std::string info = run("pdfinfo '" + pdf.string() + "'");
  REQUIRE(std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")));
  return std::stoi(m[1]);
}

// Every font of the PDF is embedded (pdffonts' "emb" column).
void all_fonts_embedded(const std::filesystem::path& pdf) {
  const std::string fonts = run("pdffonts '" + pdf.string() + "'");
  std::istringstream lines(fonts);
  std::string line;
  int count = 0;
  for (int n = 0; std::getline(lines, line); ++n) {
    if (n < 2 || line.empty()) continue;  // the header lines
    INFO(line);
    CHECK(std::regex_search(line, std::regex("\\s(yes)\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+$")));
    ++count;
  }
  CHECK(count >= 1);
}

struct printed_plan {
  report_document doc;
  std::vector<std::string> row_titles;
};

// The plan's report in its own layout (an imported sample's: its preset's).
// `year` 0: the plan's report year.
printed_plan report_of(store& s, record_id plan_id, int year = 0) {
  const auto index = s.load_plan_index(plan_id).value();
  const report_layout layout = read_layout("", index.plan).value();
  printed_plan out{
      build_report(index, store_source(s), layout, {year != 0 ? year : index.plan.report_year}),
      {}};
  for (const auto& item : index.items) {
    if (index.plan.is_row(item)) out.row_titles.push_back(item.title);
  }
  return out;
}

}  // namespace

TEST_CASE("The demo's report as PDF: searchable Japanese, embedded fonts, every row",
          "[report][pdf]") {
  test::temp_dir dir;
  auto s = store::open(dir.file("demo.db")).value();
  const auto plan_id =
      import_plan_file(s, std::string(MATOME_DEMO_PLAN), hash_cost::minimal).value().plan_id;
  const auto printed = report_of(s, plan_id, 2023);  // the year with activities reported
  const auto pdf = dir.file("demo.pdf");
  auto pages = Matome::writeReportPdf(printed.doc, QString::fromStdString(pdf.string()),
                                      QStringLiteral("令和8年11月30日 作成"));
  REQUIRE(pages.has_value());
  CHECK(pages_of(pdf) == *pages);
  CHECK(*pages >= 3);  // a title page and the table over a few A4 pages
  CHECK(*pages <= 12);
  all_fonts_embedded(pdf);
  const std::string text = text_of(pdf);
  CHECK(text.find(squeezed(printed.doc.title)) != std::string::npos);
  CHECK(text.find("令和8年11月30日作成") != std::string::npos);
  // 目 as the ideograph, not the look-alike radical ⽬ some fonts map it to.
  CHECK(text.find("目標1すべての世代に福祉の心を広げる意識づくり") != std::string::npos);
  CHECK(text.find("⽬") == std::string::npos);
  for (const auto& title : printed.row_titles) {
    INFO(title);
    CHECK(text.find(squeezed(title)) != std::string::npos);
  }
  CHECK(text.find("目標の背景地域のつながりが弱まり") != std::string::npos);  // a section
  // A table as nested rows, read row by row: 活動, 回数, 内容, then the next.
  CHECK(text.find("養成講座7自治会・企業向けに開催フォローアップ研修2修了者の活動の場づくり") !=
        std::string::npos);
  // A line break in a value breaks the line on paper: the section's label
  // stands on a line of its own.
  const std::string lines = run("pdftotext -raw '" + pdf.string() + "' -");
  CHECK(lines.find("目標の背景\n地域のつながり") != std::string::npos);
}

TEST_CASE("Each sample prints to PDF in its own layout, every row in it", "[report][pdf]") {
  const std::string presets = MATOME_PRESETS_DIR;
  test::temp_dir dir;
  for (const std::string city : {"sakado", "kitamoto", "tsurugashima"}) {
    INFO(city);
    auto m = import::read_preset(presets, city).value();
    auto book = sheet::read_workbook_file(presets + "/samples/" + city + ".tsv").value();
    auto s = store::open(dir.file(city + ".db")).value();
    const auto plan_id =
        import::write_import(s, import::build_plan_file(book, m), hash_cost::minimal)
            .value()
            .plan_id;
    const auto printed = report_of(s, plan_id);
    const auto pdf = dir.file(city + ".pdf");
    REQUIRE(Matome::writeReportPdf(printed.doc, QString::fromStdString(pdf.string()),
                                   QStringLiteral("令和8年11月30日 作成")));
    all_fonts_embedded(pdf);
    const std::string text = text_of(pdf);
    for (const auto& title : printed.row_titles) {
      INFO(title);
      CHECK(text.find(squeezed(title)) != std::string::npos);
    }
    const int pages = pages_of(pdf);
    CHECK(pages >= 2);
    CHECK(pages <= 60);
  }
}

TEST_CASE("The 報告書 page previews and exports; a department gets its own rows only",
          "[report][pdf][app]") {
  test::temp_dir out;
  {
    matome::test::demo_app app("kourei");
    Matome::ReportModel report;
    CHECK(report.ownRowsOnly());  // a department member cannot widen it
    report.setOwnRowsOnly(false);
    CHECK(report.ownRowsOnly());
    // Nothing is drawn while the page is not shown (start-up, other pages).
    CHECK(report.previews().isEmpty());
    report.setActive(true);
    // The first pages, drawn off the UI thread: the title page, then the table.
    REQUIRE(matome::test::wait_until([&] { return !report.previews().isEmpty(); }));
    REQUIRE(report.previews().size() == 3);
    const QImage title(report.previews()[0].toLocalFile());
    const QImage table(report.previews()[1].toLocalFile());
    CHECK(title.width() > 300);
    CHECK(title.width() > title.height());  // A4 landscape
    CHECK(title != table);
    const auto drawn = report.previews();
    const auto pdf = out.file("kourei.pdf");
    std::vector<int> progress;
    QObject::connect(&report, &Matome::ReportModel::progressChanged,
                     [&] { progress.push_back(report.progress()); });
    report.exportTo(QUrl::fromLocalFile(QString::fromStdString(pdf.string())));
    REQUIRE(matome::test::wait_until([&] { return !report.busy(); }));
    // Progress went up page by page, to the end.
    REQUIRE(progress.size() >= 3);
    CHECK(std::is_sorted(progress.begin(), progress.end()));
    CHECK(progress.back() == 100);
    CHECK(report.pageCount() == pages_of(pdf));
    // A new preview replaces the old files; none is left behind.
    report.setAcceptedOnly(true);
    REQUIRE(matome::test::wait_until([&] { return report.previews() != drawn; }));
    for (const auto& old : drawn) CHECK_FALSE(QFile::exists(old.toLocalFile()));
    INFO(report.message().toStdString());
    REQUIRE_FALSE(report.messageIsError());
    const std::string text = text_of(pdf);
    CHECK(text.find("認知症サポーター養成講座") != std::string::npos);  // 高齢介護課's
    CHECK(text.find("家庭教育支援") == std::string::npos);              // 生涯学習課's
  }
  matome::test::demo_app app("coord");
  Matome::ReportModel report;
  CHECK_FALSE(report.ownRowsOnly());
  report.setFormat(QStringLiteral("csv"));
  const auto csv = out.file("all.csv");
  report.exportTo(QUrl::fromLocalFile(QString::fromStdString(csv.string())));
  REQUIRE(matome::test::wait_until([&] { return !report.busy(); }));
  auto book = sheet::read_workbook_file(csv.string());
  REQUIRE(book.has_value());
  bool education = false;
  for (const auto& row : book->sheets.at(0).rows) {
    education = education || std::find(row.begin(), row.end(), "福祉教育") != row.end();
  }
  CHECK(education);
}

TEST_CASE("Cells changed since the last acceptance are shaded on paper, and the title says so",
          "[report][pdf][changes]") {
  test::temp_dir dir;
  report_document doc;
  doc.title = "テスト市 令和5年度 進捗状況報告";
  doc.headers = {"事業名", "進捗状況", "評価"};
  doc.group_headers = {"", "", ""};
  doc.widths = {20, 40, 8};
  doc.lines.push_back(
      {report_line::kind::row, 1, {}, {"福祉教育", "講座を3回開催した。", "B"}, {}, {}});
  // The shade's colour in a page rendered by poppler, as a reader sees it.
  auto shaded_pixels = [&](bool marked) {
    doc.marks_changes = marked;
    doc.lines[0].changed = marked ? std::vector<bool>{false, true, false} : std::vector<bool>{};
    const auto pdf = dir.file(marked ? "marked.pdf" : "plain.pdf");
    REQUIRE(Matome::writeReportPdf(doc, QString::fromStdString(pdf.string()),
                                   QStringLiteral("令和8年11月30日 作成")));
    const auto png = dir.file(marked ? "marked" : "plain");
    run("pdftoppm -png -r 40 -f 2 -l 2 -singlefile '" + pdf.string() + "' '" + png.string() + "'");
    QImage page(QString::fromStdString(png.string() + ".png"));
    REQUIRE_FALSE(page.isNull());
    int count = 0;
    for (int y = 0; y < page.height(); ++y) {
      for (int x = 0; x < page.width(); ++x) {
        const QColor c = page.pixelColor(x, y);
        if (c.red() > 235 && c.green() > 210 && c.green() < 245 && c.blue() > 120 &&
            c.blue() < 190) {
          ++count;
        }
      }
    }
    return std::pair{count, text_of(pdf)};
  };
  const auto [plain, plain_text] = shaded_pixels(false);
  const auto [marked, marked_text] = shaded_pixels(true);
  CHECK(plain == 0);
  CHECK(marked > 200);  // the 進捗状況 cell, not a speck
  CHECK(marked_text.find("網掛けの欄は、前回確定したあとに変更された内容です。") !=
        std::string::npos);
  CHECK(plain_text.find("網掛け") == std::string::npos);
  CHECK(marked_text.find("講座を3回開催した。") != std::string::npos);
}

TEST_CASE("A table longer than a page continues on the next, row by row, nothing lost or repeated",
          "[report][pdf]") {
  test::temp_dir dir;
  report_document doc;
  doc.title = "テスト市 令和5年度 進捗状況報告";
  doc.headers = {"事業名", "活動", "回数"};
  doc.group_headers = {"", "主な活動", "主な活動"};
  doc.widths = {20, 30, 8};
  doc.nested = {false, true, true};
  report_line line{report_line::kind::row, 1, {}, {"福祉教育", "活動1", "1"}, {}, {}};
  for (int k = 2; k <= 120; ++k)
    line.sub_rows.push_back({"", "活動" + std::to_string(k), std::to_string(k)});
  doc.lines.push_back(line);
  const auto pdf = dir.file("long.pdf");
  auto pages = Matome::writeReportPdf(doc, QString::fromStdString(pdf.string()),
                                      QStringLiteral("令和8年11月30日 作成"));
  REQUIRE(pages.has_value());
  CHECK(*pages >= 3);  // a title page and the table over two pages or more
  const std::string text = run("pdftotext -raw '" + pdf.string() + "' -");
  for (int k = 1; k <= 120; ++k) {
    const std::string cell = "活動" + std::to_string(k) + " " + std::to_string(k) + "\n";
    INFO(cell);
    const auto first = text.find(cell);
    CHECK(first != std::string::npos);
    CHECK(text.find(cell, first + 1) == std::string::npos);
  }
  std::size_t titles = 0;
  for (auto at = text.find("福祉教育"); at != std::string::npos; at = text.find("福祉教育", at + 1))
    ++titles;
  CHECK(titles == 1);
}
