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
                  const std::string& data, const QString& path) {
  if (format == "pdf") {
    const QDate today = QDate::currentDate();
    auto pages = writeReportPdf(
        doc, path, eraDate(today.year(), today.month(), today.day()) + QObject::tr(" 作成"));
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

}  // namespace

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
  // The preview is a PNG file the view shows; a new name each time so the
  // view does not keep the old picture.
  const QString dir = QStandardPaths::writableLocation(QStandardPaths::TempLocation);
  if (!m_previewFile.isEmpty()) QFile::remove(m_previewFile);
  m_previewFile = QDir(dir).filePath(QStringLiteral("matome-preview-%1-%2.png")
                                         .arg(QCoreApplication::applicationPid())
                                         .arg(++m_previewCount));
  previewReportPage(*doc, 1, 60).save(m_previewFile);
  m_preview = QUrl::fromLocalFile(m_previewFile);
  m_lineCount = static_cast<int>(doc->lines.size());
  Q_EMIT previewChanged();
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
  setMessage(tr("書き出しています…"), false);
  const QString path = file.toLocalFile();
  auto* watcher = new QFutureWatcher<written>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
    watcher->deleteLater();
    const written result = watcher->result();
    m_busy = false;
    Q_EMIT busyChanged();
    if (!result.ok) {
      setMessage(tr("書き出せませんでした: %1").arg(result.detail), true);
      return;
    }
    setMessage(tr("書き出しました: %1（%2）").arg(QFileInfo(path).fileName(), result.detail),
               false);
    Q_EMIT exported(path);
  });
  watcher->setFuture(QtConcurrent::run([format = m_format.toStdString(), doc = std::move(doc),
                                        data = std::move(data),
                                        path] { return writeFile(format, doc, data, path); }));
}

}  // namespace Matome
