#include "pdf_report.h"

#include <QFontDatabase>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QTextLayout>
#include <algorithm>
#include <memory>

#include "matome/domain/calendar_date.h"

namespace Matome {
namespace {

// The report's face: Takao Gothic (fonts-takao-gothic), loaded from the
// package's file so a machine whose fontconfig lacks it gets the same PDF.
// Not Noto Sans CJK or IPAex: they map the Kangxi radicals (⽬ U+2F6C) to the
// same glyphs as the ideographs (目 U+76EE), and Qt's PDF text map gives
// each glyph its lowest code point, so a reader copying 目標 would get ⽬標
// and a search for it would fail. Takao has no radicals.
// Registered once per process (every font of every page asks for it).
QString reportFamily() {
  static const QString family = [] {
    const int id = QFontDatabase::addApplicationFont(
        QStringLiteral("/usr/share/fonts/truetype/takao-gothic/TakaoGothic.ttf"));
    const QStringList families = QFontDatabase::applicationFontFamilies(id);
    return families.isEmpty() ? QStringLiteral("TakaoGothic") : families.first();
  }();
  return family;
}

}  // namespace

QFont reportFont(qreal points, bool bold) {
  QFont f(reportFamily());
  f.setPointSizeF(points);
  f.setBold(bold);
  f.setStyleStrategy(QFont::PreferAntialias);
  return f;
}

namespace {

constexpr int kDpi = 300;
// A changed cell's shade: light enough to read through, and still a visible
// grey on a black-and-white printer.
const QColor kChangedShade(0xff, 0xe9, 0x9e);

// A text broken into lines at a width; kept to draw any run of its lines.
struct TextBlock {
  std::unique_ptr<QTextLayout> layout;
  qreal width = 0;

  TextBlock(const QString& text, const QFont& font, qreal w, QPaintDevice* device) : width(w) {
    // A line break in a value is a line break on paper (QTextLayout breaks
    // only at the Unicode line separator).
    QString lines = text;
    lines.replace(QLatin1Char('\n'), QChar::LineSeparator);
    layout = std::make_unique<QTextLayout>(lines, font, device);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout->setTextOption(option);
    layout->beginLayout();
    qreal y = 0;
    for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
      line.setLineWidth(std::max<qreal>(1, width));
      line.setPosition(QPointF(0, y));
      y += line.height();
    }
    layout->endLayout();
  }
  int lines() const { return layout->lineCount(); }
  qreal top(int i) const { return layout->lineAt(i).y(); }
  qreal bottom(int i) const { return layout->lineAt(i).y() + layout->lineAt(i).height(); }
  qreal height() const { return lines() == 0 ? 0 : bottom(lines() - 1); }
  // Draws lines [from, to) with line `from`'s top at `at`.
  void draw(QPainter& p, QPointF at, int from, int to) const {
    for (int i = from; i < to; ++i) {
      const QTextLine line = layout->lineAt(i);
      line.draw(&p, QPointF(at.x(), at.y() - top(from)));
    }
  }
};

struct CellRun {
  int cell;      // column
  int from, to;  // lines
};

// What one page shows: full-width blocks and row fragments, top to bottom.
struct PageItem {
  enum Kind { heading, section, row } kind;
  int line;  // index into the document's lines
  qreal y;   // top on the page
  qreal height;
  std::vector<CellRun> runs;  // for a row fragment
  int blockFrom = 0, blockTo = 0;
  // A row with nested table rows: the table rows [subFrom, subTo) on this
  // page, each one's height.
  int subFrom = 0, subTo = 0;
  std::vector<qreal> subHeights;
};

// Lays the report out on pages of `area` (device pixels) and draws any page:
// the PDF writer draws them all, the desktop's preview one.
class Renderer {
 public:
  Renderer(const matome::report_document& doc, QPaintDevice& device, QRect area)
      : doc_(doc),
        device_(device),
        body_(reportFont(doc.landscape ? 7 : 6.5)),
        bold_(reportFont(doc.landscape ? 7.5 : 7, true)),
        small_(reportFont(6)),
        kPad(device.logicalDpiX() / 30.0),  // ~0.85 mm inside a cell
        area_(area) {
    area_.moveTo(0, 0);
    layoutColumns();
    paginate();
  }

  // The title page and the table's pages.
  int pages() const { return 1 + static_cast<int>(pages_.size()); }

  // Draws page `index` (0: the title page).
  void draw(QPainter& p, int index, const QString& printedOn) {
    if (index == 0) {
      drawTitlePage(p, printedOn, pages());
    } else {
      drawPage(p, static_cast<std::size_t>(index - 1), index + 1, pages());
    }
  }

 private:
  const matome::report_document& doc_;
  QPaintDevice& device_;
  QFont body_, bold_, small_;
  const qreal kPad;
  QRect area_;
  std::vector<qreal> x_, w_;  // each column's left edge and width
  qreal headerHeight_ = 0;
  qreal groupHeight_ = 0;                     // the upper header row, when a series is grouped
  qreal bandHeight_ = 0;                      // the page header line above the table
  std::vector<std::vector<TextBlock>> rows_;  // per document line: its cells, or one block
  std::vector<std::vector<PageItem>> pages_;

  void layoutColumns() {
    qreal total = 0;
    for (double w : doc_.widths) total += w;
    qreal x = 0;
    for (double w : doc_.widths) {
      const qreal width = area_.width() * (w / std::max<qreal>(total, 1));
      x_.push_back(x);
      w_.push_back(width);
      x += width;
    }
    const QFontMetricsF header(bold_, &device_);
    qreal one = 0;
    for (std::size_t c = 0; c < doc_.headers.size(); ++c) {
      TextBlock t(QString::fromStdString(doc_.headers[c]), bold_, w_[c] - 2 * kPad, &device_);
      one = std::max(one, t.height() + 2 * kPad);
    }
    groupHeight_ = 0;
    for (std::size_t c = 0; c < doc_.headers.size();) {
      const std::size_t end = doc_.group_end(c);
      const auto& group = doc_.group_headers[c];
      if (!group.empty()) {
        TextBlock t(QString::fromStdString(group), bold_, x_[end] + w_[end] - x_[c] - 2 * kPad,
                    &device_);
        groupHeight_ = std::max(groupHeight_, t.height() + 2 * kPad);
      }
      c = end + 1;
    }
    headerHeight_ =
        doc_.two_header_rows() ? std::max(one, header.height() + 2 * kPad) + groupHeight_ : one;
    bandHeight_ = QFontMetricsF(small_, &device_).height() * 2;
  }

  void paginate() {
    const qreal top = bandHeight_ + headerHeight_;
    const qreal bottom = area_.height();
    std::vector<PageItem> page;
    qreal y = top;
    auto newPage = [&] {
      pages_.push_back(std::move(page));
      page.clear();
      y = top;
    };
    for (std::size_t i = 0; i < doc_.lines.size(); ++i) {
      const auto& line = doc_.lines[i];
      std::vector<TextBlock> blocks;
      if (line.type != matome::report_line::kind::row) {
        const QFont& f = line.type == matome::report_line::kind::heading ? bold_ : body_;
        blocks.emplace_back(QString::fromStdString(line.text), f, area_.width() - 2 * kPad,
                            &device_);
        const qreal h = blocks[0].height() + 2 * kPad;
        // A heading never ends a page: it goes with what follows it.
        const qreal keep = line.type == matome::report_line::kind::heading ? h * 3 : h;
        if (y + std::min(keep, bottom - top) > bottom && !page.empty()) newPage();
        page.push_back({line.type == matome::report_line::kind::heading ? PageItem::heading
                                                                        : PageItem::section,
                        static_cast<int>(i),
                        y,
                        h,
                        {},
                        0,
                        blocks[0].lines(),
                        0,
                        0,
                        {}});
        y += h;
        rows_.push_back(std::move(blocks));
        continue;
      }
      for (std::size_t c = 0; c < doc_.headers.size(); ++c) {
        const std::string& text = c < line.cells.size() ? line.cells[c] : std::string();
        blocks.emplace_back(QString::fromStdString(text), body_, w_[c] - 2 * kPad, &device_);
      }
      for (const auto& sub : line.sub_rows) {
        for (std::size_t c = 0; c < doc_.headers.size(); ++c) {
          const std::string& text = c < sub.size() ? sub[c] : std::string();
          blocks.emplace_back(QString::fromStdString(text), body_, w_[c] - 2 * kPad, &device_);
        }
      }
      if (doc_.has_nested()) {
        placeNestedRow(i, blocks, page, y, top, bottom, newPage);
        rows_.push_back(std::move(blocks));
        continue;
      }
      qreal height = 0;
      for (const auto& b : blocks) height = std::max(height, b.height());
      height += 2 * kPad;
      keepWhole(height, page, y, top, bottom, newPage);
      // Then line by line, continued on the next page when taller than a page.
      std::vector<int> next(blocks.size(), 0);
      for (;;) {
        const qreal room = bottom - y - 2 * kPad;
        PageItem item{PageItem::row, static_cast<int>(i), y, 0, {}, 0, 0, 0, 0, {}};
        qreal used = 0;
        bool more = false;
        for (std::size_t c = 0; c < blocks.size(); ++c) {
          const auto& b = blocks[c];
          int to = next[c];
          while (to < b.lines() &&
                 b.bottom(to) - (next[c] < b.lines() ? b.top(next[c]) : 0) <= room)
            ++to;
          if (to == next[c] && to < b.lines() && page.empty()) ++to;  // at least a line per page
          if (to > next[c]) used = std::max(used, b.bottom(to - 1) - b.top(next[c]));
          item.runs.push_back({static_cast<int>(c), next[c], to});
          next[c] = to;
          more = more || to < b.lines();
        }
        item.height = used + 2 * kPad;
        page.push_back(item);
        y += item.height;
        if (!more) break;
        newPage();
      }
      rows_.push_back(std::move(blocks));
    }
    if (!page.empty()) pages_.push_back(std::move(page));
  }

  bool nestedColumn(std::size_t c) const { return c < doc_.nested.size() && doc_.nested[c]; }

  // A row `height` tall is kept whole: to the next page when it does not fit
  // here and would there, taking along the headings just above it (a
  // heading never ends a page; a page of headings only keeps them).
  template <class NewPage>
  void keepWhole(qreal height, std::vector<PageItem>& page, qreal& y, qreal top, qreal bottom,
                 NewPage newPage) {
    if (y + height <= bottom || page.empty() || height > bottom - top) return;
    std::vector<PageItem> carried;
    while (!page.empty() && page.back().kind != PageItem::row) {
      carried.insert(carried.begin(), page.back());
      page.pop_back();
    }
    if (page.empty()) std::swap(page, carried);
    newPage();
    for (auto& c : carried) {
      c.y = y;
      y += c.height;
      page.push_back(c);
    }
  }

  // A row whose table prints as nested rows: each table row a line across
  // the table's columns, the row's other cells beside them all. Kept whole
  // on a page when it fits on one; else split between table rows, the
  // other cells printed with the first part.
  template <class NewPage>
  void placeNestedRow(std::size_t i, const std::vector<TextBlock>& blocks,
                      std::vector<PageItem>& page, qreal& y, qreal top, qreal bottom,
                      NewPage newPage) {
    const std::size_t columns = doc_.headers.size();
    const std::size_t subs = blocks.size() / std::max<std::size_t>(1, columns);
    const qreal oneLine = QFontMetricsF(body_, &device_).height();
    std::vector<qreal> heights(subs, oneLine + 2 * kPad);
    qreal others = 0;
    for (std::size_t c = 0; c < columns; ++c) {
      if (!nestedColumn(c)) {
        others = std::max(others, blocks[c].height() + 2 * kPad);
        continue;
      }
      for (std::size_t k = 0; k < subs; ++k)
        heights[k] = std::max(heights[k], blocks[k * columns + c].height() + 2 * kPad);
    }
    qreal total = 0;
    for (qreal h : heights) total += h;
    if (others > total) {
      heights.back() += others - total;
      total = others;
    }
    keepWhole(total, page, y, top, bottom, newPage);
    for (std::size_t k = 0; k < subs;) {
      PageItem item{PageItem::row, static_cast<int>(i), y, 0, {}, 0, 0, 0, 0, {}};
      item.subFrom = static_cast<int>(k);
      while (k < subs && (y + item.height + heights[k] <= bottom || item.subHeights.empty())) {
        item.subHeights.push_back(heights[k]);
        item.height += heights[k];
        ++k;
      }
      item.subTo = static_cast<int>(k);
      page.push_back(item);
      y += item.height;
      if (k < subs) newPage();
    }
  }

  void drawNestedRow(QPainter& p, const PageItem& item, const std::vector<TextBlock>& blocks) {
    const QPen grid(Qt::black, 2);
    const std::size_t columns = doc_.headers.size();
    const auto& changed = doc_.lines[static_cast<std::size_t>(item.line)].changed;
    // In reading order (what a copy or a search meets): the cells left of
    // the table, the table row by row, the cells right of it.
    for (std::size_t c = 0; c < columns; ++c) {
      const bool shade = c < changed.size() && changed[c];
      if (!nestedColumn(c)) {
        const QRectF cell(x_[c], item.y, w_[c], item.height);
        if (shade) p.fillRect(cell, kChangedShade);
        p.setPen(grid);
        p.drawRect(cell);
        if (item.subFrom != 0) continue;  // printed with the row's first part
        p.save();
        p.setClipRect(cell);
        p.setPen(Qt::black);
        blocks[c].draw(p, QPointF(x_[c] + kPad, item.y + kPad), 0, blocks[c].lines());
        p.restore();
        continue;
      }
      std::size_t end = c;
      while (end + 1 < columns && nestedColumn(end + 1)) ++end;
      qreal y = item.y;
      for (int k = item.subFrom; k < item.subTo; ++k) {
        const qreal h = item.subHeights[static_cast<std::size_t>(k - item.subFrom)];
        for (std::size_t t = c; t <= end; ++t) {
          const QRectF cell(x_[t], y, w_[t], h);
          if (t < changed.size() && changed[t]) p.fillRect(cell, kChangedShade);
          p.setPen(grid);
          p.drawRect(cell);
          p.setPen(Qt::black);
          const auto& b = blocks[static_cast<std::size_t>(k) * columns + t];
          b.draw(p, QPointF(x_[t] + kPad, y + kPad), 0, b.lines());
        }
        y += h;
      }
      c = end;
    }
  }

  void drawTitlePage(QPainter& p, const QString& printedOn, int pages) {
    p.setPen(Qt::black);
    QFont big = reportFont(22, true);
    p.setFont(big);
    const QRectF box(0, area_.height() * 0.3, area_.width(), area_.height() * 0.2);
    p.drawText(box, Qt::AlignHCenter | Qt::AlignVCenter | Qt::TextWordWrap,
               QString::fromStdString(doc_.title));
    p.setFont(reportFont(12));
    p.drawText(QRectF(0, area_.height() * 0.55, area_.width(), area_.height() * 0.1),
               Qt::AlignHCenter | Qt::AlignTop, printedOn);
    if (doc_.marks_changes) {
      const QRectF note(area_.width() * 0.3, area_.height() * 0.66, area_.width() * 0.4,
                        area_.height() * 0.06);
      const QRectF swatch(note.left(), note.top(), note.height() * 0.6, note.height() * 0.6);
      p.fillRect(swatch, kChangedShade);
      p.setPen(QPen(Qt::black, 2));
      p.drawRect(swatch);
      p.setFont(reportFont(10));
      p.drawText(note.adjusted(swatch.width() * 1.5, 0, 0, 0), Qt::AlignLeft | Qt::AlignTop,
                 QStringLiteral("網掛けの欄は、前回確定したあとに変更された内容です。"));
    }
    drawPageNumber(p, 1, pages);
  }

  void drawPageNumber(QPainter& p, int page, int pages) {
    p.setFont(small_);
    p.setPen(Qt::black);
    p.drawText(QRectF(0, area_.height() - bandHeight_ / 2, area_.width(), bandHeight_ / 2),
               Qt::AlignHCenter | Qt::AlignBottom, QStringLiteral("%1 / %2").arg(page).arg(pages));
  }

  void drawHeader(QPainter& p) {
    p.setFont(small_);
    p.setPen(QColor(0x5f, 0x63, 0x68));
    p.drawText(QRectF(0, 0, area_.width(), bandHeight_), Qt::AlignLeft | Qt::AlignTop,
               QString::fromStdString(doc_.title));
    const qreal top = bandHeight_;
    const QPen grid(Qt::black, 2);
    p.setPen(grid);
    p.setFont(bold_);
    const qreal groupHeight = groupHeight_;
    for (std::size_t c = 0; c < doc_.headers.size();) {
      const std::size_t end = doc_.group_end(c);
      const auto& group = doc_.group_headers[c];
      if (group.empty()) {
        const QRectF cell(x_[c], top, w_[c], headerHeight_);
        p.fillRect(cell, QColor(0xe8, 0xea, 0xed));
        p.drawRect(cell);
        p.drawText(cell.adjusted(kPad, kPad, -kPad, -kPad), Qt::AlignCenter | Qt::TextWordWrap,
                   QString::fromStdString(doc_.headers[c]));
      } else {
        const QRectF over(x_[c], top, x_[end] + w_[end] - x_[c], groupHeight);
        p.fillRect(over, QColor(0xe8, 0xea, 0xed));
        p.drawRect(over);
        p.drawText(over.adjusted(kPad, 0, -kPad, 0), Qt::AlignCenter | Qt::TextWordWrap,
                   QString::fromStdString(group));
        for (std::size_t k = c; k <= end; ++k) {
          const QRectF cell(x_[k], top + groupHeight, w_[k], headerHeight_ - groupHeight);
          p.fillRect(cell, QColor(0xe8, 0xea, 0xed));
          p.drawRect(cell);
          p.drawText(cell, Qt::AlignCenter, QString::fromStdString(doc_.headers[k]));
        }
      }
      c = end + 1;
    }
  }

  void drawPage(QPainter& p, std::size_t index, int number, int pages) {
    drawHeader(p);
    const QPen grid(Qt::black, 2);
    for (const auto& item : pages_[index]) {
      const auto& blocks = rows_[static_cast<std::size_t>(item.line)];
      if (item.kind != PageItem::row) {
        const QRectF box(0, item.y, area_.width(), item.height);
        if (item.kind == PageItem::heading) p.fillRect(box, QColor(0xf1, 0xf3, 0xf4));
        p.setPen(grid);
        p.drawRect(box);
        p.setPen(Qt::black);
        blocks[0].draw(p, QPointF(kPad, item.y + kPad), 0, blocks[0].lines());
        continue;
      }
      if (doc_.has_nested()) {
        drawNestedRow(p, item, blocks);
        continue;
      }
      const auto& changed = doc_.lines[static_cast<std::size_t>(item.line)].changed;
      for (const auto& run : item.runs) {
        const auto c = static_cast<std::size_t>(run.cell);
        const QRectF cell(x_[c], item.y, w_[c], item.height);
        if (c < changed.size() && changed[c]) p.fillRect(cell, kChangedShade);
        p.setPen(grid);
        p.drawRect(cell);
        p.setPen(Qt::black);
        blocks[c].draw(p, QPointF(x_[c] + kPad, item.y + kPad), run.from, run.to);
      }
    }
    drawPageNumber(p, number, pages);
  }
};

}  // namespace

matome::result<int> writeReportPdf(const matome::report_document& doc, const QString& path,
                                   const QString& printedOn, const PageProgress& progress) {
  QPdfWriter writer(path);
  writer.setResolution(kDpi);
  writer.setTitle(QString::fromStdString(doc.title));
  writer.setCreator(QStringLiteral("Matome"));
  writer.setPageSize(QPageSize(QPageSize::A4));
  writer.setPageOrientation(doc.landscape ? QPageLayout::Landscape : QPageLayout::Portrait);
  writer.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter);
  QPainter p(&writer);
  if (!p.isActive()) {
    return matome::make_error(matome::errc::storage, path.toStdString() + " に書き込めません。");
  }
  Renderer renderer(doc, writer, writer.pageLayout().paintRectPixels(kDpi));
  for (int page = 0; page < renderer.pages(); ++page) {
    if (page > 0) writer.newPage();
    renderer.draw(p, page, printedOn);
    if (progress) progress(page + 1, renderer.pages());
  }
  return renderer.pages();
}

namespace {

QImage blankPage(const QPageLayout& layout, int dpi) {
  QImage image(layout.fullRectPixels(dpi).size(), QImage::Format_RGB32);
  image.setDotsPerMeterX(static_cast<int>(dpi / 0.0254));
  image.setDotsPerMeterY(static_cast<int>(dpi / 0.0254));
  image.fill(Qt::white);
  return image;
}

}  // namespace

ReportPreview previewReportPages(const matome::report_document& doc, int count, int dpi,
                                 const QString& printedOn) {
  QPageLayout layout(QPageSize(QPageSize::A4),
                     doc.landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                     QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter);
  const QRect paint = layout.paintRectPixels(dpi);
  // Laid out once on an image of the pages' resolution, then drawn page by page.
  QImage first = blankPage(layout, dpi);
  Renderer renderer(doc, first, paint);
  ReportPreview out;
  out.total = renderer.pages();
  for (int page = 0; page < std::min(count, out.total); ++page) {
    QImage image = page == 0 ? first : blankPage(layout, dpi);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.translate(paint.topLeft());
    renderer.draw(p, page, printedOn);
    p.end();
    out.pages.push_back(std::move(image));
  }
  return out;
}

QString eraDate(int year, int month, int day) {
  return QString::fromStdString(matome::era_date_label(
      std::chrono::year{year} / static_cast<unsigned>(month) / static_cast<unsigned>(day)));
}

}  // namespace Matome
