#pragma once
// The printed report as PDF, drawn with Qt's QPdfWriter and QPainter (not a
// screenshot of a view): a title page, then the report's lines as a table
// on A4 with the header rows repeated on every page, a row kept whole on
// one page unless it is taller than a page (then continued line by line),
// page numbers, and Takao Gothic embedded as a subset so the text stays
// searchable and copyable. Needs a QGuiApplication (fonts); matome-cli
// makes an offscreen one.

#include <QFont>
#include <QImage>
#include <QString>
#include <functional>
#include <vector>

#include "matome/domain/error.h"
#include "matome/report/report_document.h"

namespace Matome {

// The report's face (Takao Gothic, embedded in the PDF) at `points`.
QFont reportFont(qreal points, bool bold = false);

// Called after each page is drawn: pages done, pages in all.
using PageProgress = std::function<void(int done, int total)>;

// Writes `doc` to `path`; `printedOn` goes on the title page (令和8年11月30日).
// Returns the number of pages.
matome::result<int> writeReportPdf(const matome::report_document& doc, const QString& path,
                                   const QString& printedOn, const PageProgress& progress = {});

struct ReportPreview {
  std::vector<QImage> pages;  // the first pages, the title page first
  int total = 0;              // pages the PDF has
};

// The first `count` pages of the report as the PDF prints them, at `dpi`:
// the desktop's preview. Needs no GUI thread (it paints on images).
ReportPreview previewReportPages(const matome::report_document& doc, int count, int dpi,
                                 const QString& printedOn = {});

// "令和8年11月30日" for a calendar date.
QString eraDate(int year, int month, int day);

}  // namespace Matome
