#pragma once
// The printed report as an XLSX sheet (libxlsxwriter), laid out to print like
// the PDF: title, one or two header rows repeated on every page and frozen,
// a merged heading row per goal and policy, wrapped text, column widths, A4
// fitted to the page width, page numbers in the footer.

#include <string>

#include "matome/domain/error.h"
#include "matome/report/report_document.h"

namespace matome {

result<void> write_report_xlsx(const report_document& doc, const std::string& path);

}  // namespace matome
