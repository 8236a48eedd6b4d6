#pragma once
// The printed report as PDF, drawn with Qt's QPdfWriter and QPainter (not a
// screenshot of a view): a title page, then the report's lines as a table
// on A4 with the header rows repeated on every page, a row kept whole on
// one page unless it is taller than a page (then continued line by line),
// page numbers, and Takao Gothic embedded as a subset so the text stays
// searchable and copyable. Needs a QGuiApplication (fonts); matome-cli
// makes an offscreen one.

#include <QImage>
#include <QString>

#include "matome/domain/error.h"
#include "matome/report/report_document.h"

namespace Matome {

// Writes `doc` to `path`; `printedOn` goes on the title page (令和8年11月30日).
// Returns the number of pages.
matome::result<int> writeReportPdf(const matome::report_document& doc, const QString& path,
                                   const QString& printedOn);

// Page `page` of the report (0: the title page, 1: the first table page)
// as the PDF prints it, at `dpi`: the desktop's preview.
QImage previewReportPage(const matome::report_document& doc, int page, int dpi);

// "令和8年11月30日" for a calendar date.
QString eraDate(int year, int month, int day);

}  // namespace Matome
