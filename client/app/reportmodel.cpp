#include "reportmodel.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>
#include <fstream>

#include "matome/client/replica_source.h"
#include "matome/domain/fiscal_year.h"
#include "matome/report/report_xlsx.h"
#include "pdf_report.h"
#include "qtconvert.h"
#include "session.h"

namespace Matome {
namespace {

struct written {
  bool ok = false;
  QString detail;
};

written writeFile(const std::string& format, const matome::report_document& doc,
                  const std::string& data, const QString& path, const PageProgress& progress) {
  if (format == "pdf") {
    const QDate today = QDate::currentDate();
    auto pages = writeReportPdf(
        doc, path, eraDate(today.year(), today.month(), today.day()) + QObject::tr(" 作成"),
        progress);
    if (!pages) return {false, qs(pages.error().message)};
    return {true, QObject::tr("%1ページ").arg(*pages)};
  }
  if (format == "xlsx") {
    auto done = matome::write_report_xlsx(doc, path.toStdString());
    if (!done) return {false, qs(done.error().message)};
    return {true, QObject::tr("%1行").arg(doc.lines.size())};
  }
  std::ofstream out(path.toStdString(), std::ios::binary | std::ios::trunc);
  out << data;
  out.close();
  if (!out) return {false, QObject::tr("%1 に書き込めません。").arg(path)};
  return {true, QObject::tr("%1 バイト").arg(data.size())};
}

struct drawn_preview {
  int generation = 0;
  QList<QUrl> files;
  int total = 0;
};

// The title page and the first two table pages: enough to judge the layout.
constexpr int kPreviewPages = 3;

void removeFiles(const QList<QUrl>& files) {
  for (const auto& f : files) QFile::remove(f.toLocalFile());
}

}  // namespace

ReportModel::~ReportModel() {
  removeFiles(m_previews);
}

ReportModel::ReportModel(QObject* parent) : QObject(parent) {
  if (auto* session = Session::instance()) {
    m_year = session->reportYear();
    m_ownRowsOnly = !session->isCoordinator();
    connect(session, &Session::replicaChanged, this, [this] {
      Q_EMIT layoutChanged();
      previewLater();
    });
  }
}

void ReportModel::setActive(bool active) {
  if (active == m_active) return;
  m_active = active;
  Q_EMIT activeChanged();
  if (m_active && m_stale) refresh();
}

void ReportModel::previewLater() {
  m_stale = true;
  if (m_active) refresh();
}

void ReportModel::setYear(int year) {
  if (year == m_year) return;
  m_year = year;
  Q_EMIT optionsChanged();
  previewLater();
}

QVariantList ReportModel::years() const {
  QVariantList out;
  auto* session = Session::instance();
  const auto* index = session ? session->plan() : nullptr;
  if (index == nullptr) return out;
  for (int y = index->plan.first_year; y <= index->plan.last_year; ++y) {
    out.append(QVariantMap{{QStringLiteral("year"), y},
                           {QStringLiteral("label"), qs(matome::fiscal_year_label(y))}});
  }
  return out;
}

void ReportModel::setFormat(const QString& format) {
  if (format == m_format) return;
  m_format = format;
  Q_EMIT optionsChanged();
}

void ReportModel::setAcceptedOnly(bool on) {
  if (on == m_acceptedOnly) return;
  m_acceptedOnly = on;
  Q_EMIT optionsChanged();
  previewLater();
}

void ReportModel::setMarkChanges(bool on) {
  if (on == m_markChanges) return;
  m_markChanges = on;
  Q_EMIT optionsChanged();
  previewLater();
}

bool ReportModel::ownRowsOnly() const {
  auto* session = Session::instance();
  return m_ownRowsOnly || (session && !session->isCoordinator());
}

void ReportModel::setOwnRowsOnly(bool on) {
  if (on == m_ownRowsOnly) return;
  m_ownRowsOnly = on;
  Q_EMIT optionsChanged();
  previewLater();
}

void ReportModel::setLayoutUrl(const QUrl& url) {
  if (url == m_layoutUrl) return;
  m_layoutUrl = url;
  Q_EMIT optionsChanged();
  Q_EMIT layoutChanged();
  previewLater();
}

QString ReportModel::layoutName() const {
  if (!m_layoutUrl.isEmpty()) return QFileInfo(m_layoutUrl.toLocalFile()).fileName();
  auto* session = Session::instance();
  const auto* index = session ? session->plan() : nullptr;
  if (index != nullptr && !index->plan.report_layout.empty()) return tr("計画のレイアウト");
  return tr("標準");
}

void ReportModel::setMessage(const QString& message, bool error) {
  m_message = message;
  m_messageIsError = error;
  Q_EMIT messageChanged();
}

matome::export_options ReportModel::exportOptions() const {
  return {m_year, m_acceptedOnly, ownRowsOnly() ? Session::instance()->departmentId() : 0,
          m_markChanges};
}

matome::result<matome::report_document> ReportModel::build() const {
  auto* session = Session::instance();
  const auto* index = session ? session->plan() : nullptr;
  if (index == nullptr) {
    return matome::make_error(matome::errc::not_found, tr("計画がまだありません。").toStdString());
  }
  auto layout = matome::read_layout(m_layoutUrl.toLocalFile().toStdString(), index->plan);
  if (!layout) return layout.error();
  return matome::build_report(*index, matome::client::replica_source(session->replica()), *layout,
                              exportOptions());
}

void ReportModel::refresh() {
  m_stale = false;
  auto doc = build();
  if (!doc) {
    setMessage(qs(doc.error().message), true);
    return;
  }
  m_lineCount = static_cast<int>(doc->lines.size());
  // The pages are drawn off the UI thread into PNG files the view shows; a
  // new name each time so the view does not keep an old picture.
  const int generation = ++m_previewGeneration;
  const QString stem = QDir(QStandardPaths::writableLocation(QStandardPaths::TempLocation))
                           .filePath(QStringLiteral("matome-preview-%1-%2")
                                         .arg(QCoreApplication::applicationPid())
                                         .arg(generation));
  auto* watcher = new QFutureWatcher<drawn_preview>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
    watcher->deleteLater();
    drawn_preview drawn = watcher->result();
    if (drawn.generation != m_previewGeneration) {  // the options changed meanwhile
      removeFiles(drawn.files);
      return;
    }
    removeFiles(m_previews);
    m_previews = std::move(drawn.files);
    m_pageCount = drawn.total;
    Q_EMIT previewChanged();
  });
  const QDate today = QDate::currentDate();
  const QString printedOn =
      eraDate(today.year(), today.month(), today.day()) + QObject::tr(" 作成");
  watcher->setFuture(QtConcurrent::run([doc = std::move(*doc), stem, generation, printedOn] {
    const ReportPreview preview = previewReportPages(doc, kPreviewPages, 80, printedOn);
    drawn_preview out{generation, {}, preview.total};
    for (std::size_t i = 0; i < preview.pages.size(); ++i) {
      const QString file = stem + QStringLiteral("-%1.png").arg(i);
      if (preview.pages[i].save(file)) out.files.append(QUrl::fromLocalFile(file));
    }
    return out;
  }));
  Q_EMIT previewChanged();  // the line count
}

void ReportModel::exportTo(const QUrl& file) {
  if (m_busy) return;
  // Whatever reads the replica happens here, on its thread: the report's
  // lines, or the data itself. The worker only lays out and writes.
  const bool report = m_format == QStringLiteral("pdf") || m_format == QStringLiteral("xlsx");
  matome::report_document doc;
  std::string data;
  if (report) {
    auto built = build();
    if (!built) {
      setMessage(qs(built.error().message), true);
      return;
    }
    doc = std::move(*built);
  } else {
    auto* session = Session::instance();
    const auto* index = session ? session->plan() : nullptr;
    if (index == nullptr) {
      setMessage(tr("計画がまだありません。"), true);
      return;
    }
    auto written =
        matome::write_data(m_format.toStdString(), *index,
                           matome::client::replica_source(session->replica()), exportOptions());
    if (!written) {
      setMessage(qs(written.error().message), true);
      return;
    }
    data = std::move(*written);
  }
  m_busy = true;
  Q_EMIT busyChanged();
  m_progress = 0;
  Q_EMIT progressChanged();
  setMessage(tr("書き出しています…"), false);
  const QString path = file.toLocalFile();
  auto* watcher = new QFutureWatcher<written>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
    watcher->deleteLater();
    const written result = watcher->result();
    m_busy = false;
    Q_EMIT busyChanged();
    m_progress = 100;
    Q_EMIT progressChanged();
    if (!result.ok) {
      setMessage(tr("書き出せませんでした: %1").arg(result.detail), true);
      return;
    }
    setMessage(tr("書き出しました: %1（%2）").arg(QFileInfo(path).fileName(), result.detail),
               false);
    Q_EMIT exported(path);
  });
  // Pages drawn, reported on this thread; dropped if the model is gone.
  PageProgress progress = [this](int done, int total) {
    QMetaObject::invokeMethod(
        this,
        [this, done, total] {
          m_progress = total == 0 ? 0 : done * 100 / total;
          Q_EMIT progressChanged();
        },
        Qt::QueuedConnection);
  };
  watcher->setFuture(QtConcurrent::run(
      [format = m_format.toStdString(), doc = std::move(doc), data = std::move(data), path,
       progress] { return writeFile(format, doc, data, path, progress); }));
}

}  // namespace Matome
