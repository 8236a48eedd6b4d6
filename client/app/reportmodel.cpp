#include "reportmodel.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>
#include <fstream>

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
    connect(session, &Session::replicaChanged, this, &ReportModel::refresh);
  }
}

void ReportModel::setYear(int year) {
  if (year == m_year) return;
  m_year = year;
  Q_EMIT optionsChanged();
  refresh();
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
  refresh();
}

bool ReportModel::ownRowsOnly() const {
  auto* session = Session::instance();
  return m_ownRowsOnly || (session && !session->isCoordinator());
}

void ReportModel::setOwnRowsOnly(bool on) {
  if (on == m_ownRowsOnly) return;
  m_ownRowsOnly = on;
  Q_EMIT optionsChanged();
  refresh();
}

void ReportModel::setLayoutUrl(const QUrl& url) {
  if (url == m_layoutUrl) return;
  m_layoutUrl = url;
  Q_EMIT optionsChanged();
  refresh();
}

QString ReportModel::layoutName() const {
  return QFileInfo(m_layoutUrl.toLocalFile()).fileName();
}

void ReportModel::setMessage(const QString& message, bool error) {
  m_message = message;
  m_messageIsError = error;
  Q_EMIT messageChanged();
}

matome::export_source ReportModel::replicaSource() const {
  // What this user sees: the replica's values with their own unsent edits.
  auto& local = Session::instance()->replica();
  return {[&local](const matome::cell_key& k) { return local.value_of(k); },
          [&local](const matome::entry_key& k) { return local.db().find_entry(k).status; },
          local.db().departments()};
}

matome::export_options ReportModel::exportOptions() const {
  return {m_year, m_acceptedOnly, ownRowsOnly() ? Session::instance()->departmentId() : 0};
}

matome::result<matome::report_document> ReportModel::build() const {
  auto* session = Session::instance();
  const auto* index = session ? session->plan() : nullptr;
  if (index == nullptr) {
    return matome::make_error(matome::errc::not_found, tr("計画がまだありません。").toStdString());
  }
  matome::report_layout layout = matome::default_layout(index->plan);
  if (!m_layoutUrl.isEmpty()) {
    std::ifstream in(m_layoutUrl.toLocalFile().toStdString(), std::ios::binary);
    if (!in) {
      return matome::make_error(matome::errc::not_found,
                                tr("%1 を読めません。").arg(layoutName()).toStdString());
    }
    auto parsed =
        matome::parse_layout(std::string{std::istreambuf_iterator<char>(in), {}}, index->plan);
    if (!parsed) return parsed.error();
    layout = std::move(*parsed);
  }
  return matome::build_report(*index, replicaSource(), layout, exportOptions());
}

void ReportModel::refresh() {
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
  auto doc = build();
  if (!doc) {
    setMessage(qs(doc.error().message), true);
    return;
  }
  // The data formats are written here (they read the replica); the report
  // formats only lay out the document, on a worker thread.
  std::string data;
  if (m_format == QStringLiteral("csv") || m_format == QStringLiteral("csv-long") ||
      m_format == QStringLiteral("json")) {
    const auto source = replicaSource();
    const auto options = exportOptions();
    const auto* index = Session::instance()->plan();
    data = m_format == QStringLiteral("json")
               ? matome::to_json(*index, source, options)
               : matome::to_csv(m_format == QStringLiteral("csv")
                                    ? matome::entries_table(*index, source, options)
                                    : matome::cells_table(*index, source, options));
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
  watcher->setFuture(QtConcurrent::run([format = m_format.toStdString(), doc = std::move(*doc),
                                        data = std::move(data),
                                        path] { return writeFile(format, doc, data, path); }));
}

}  // namespace Matome
