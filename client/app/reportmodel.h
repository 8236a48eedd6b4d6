#pragma once
// The 報告書 page: the year's report or data from this replica, offline —
// a preview of the first table page as it prints, and the export itself
// written off the UI thread. A department exports its own rows (to proofread
// before submitting); the coordinator may export everyone's.

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QUrl>

#include "matome/report/report_document.h"

namespace Matome {

class ReportModel : public QObject {
  Q_OBJECT
  QML_ELEMENT
  // Whether the page is shown: the preview is drawn only then (not at start-up,
  // not at every sync while another page is open), and brought up to date
  // when the page is shown again.
  Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
  Q_PROPERTY(int year READ year WRITE setYear NOTIFY optionsChanged)
  Q_PROPERTY(QVariantList years READ years NOTIFY optionsChanged)  // [{year, label}]
  // pdf, xlsx, csv, csv-long, json
  Q_PROPERTY(QString format READ format WRITE setFormat NOTIFY optionsChanged)
  Q_PROPERTY(bool acceptedOnly READ acceptedOnly WRITE setAcceptedOnly NOTIFY optionsChanged)
  // pdf, xlsx: shade the cells changed since their entry was last accepted.
  Q_PROPERTY(bool markChanges READ markChanges WRITE setMarkChanges NOTIFY optionsChanged)
  // Only this user's department's rows; always for a department member.
  Q_PROPERTY(bool ownRowsOnly READ ownRowsOnly WRITE setOwnRowsOnly NOTIFY optionsChanged)
  Q_PROPERTY(QUrl layoutUrl READ layoutUrl WRITE setLayoutUrl NOTIFY optionsChanged)
  // The chosen file's name, else 計画のレイアウト (the plan's own) or 標準.
  Q_PROPERTY(QString layoutName READ layoutName NOTIFY layoutChanged)
  // PNGs of the first pages as they print (the title page first), drawn off
  // the UI thread; pageCount: the pages the PDF will have.
  Q_PROPERTY(QList<QUrl> previews READ previews NOTIFY previewChanged)
  Q_PROPERTY(int pageCount READ pageCount NOTIFY previewChanged)
  Q_PROPERTY(int lineCount READ lineCount NOTIFY previewChanged)
  Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
  // How far the export is, 0–100 (pages drawn, for a PDF).
  Q_PROPERTY(int progress READ progress NOTIFY progressChanged)
  Q_PROPERTY(QString message READ message NOTIFY messageChanged)
  Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY messageChanged)

 public:
  explicit ReportModel(QObject* parent = nullptr);

  bool active() const { return m_active; }
  void setActive(bool active);
  int year() const { return m_year; }
  void setYear(int year);
  QVariantList years() const;
  QString format() const { return m_format; }
  void setFormat(const QString& format);
  bool acceptedOnly() const { return m_acceptedOnly; }
  void setAcceptedOnly(bool on);
  bool markChanges() const { return m_markChanges; }
  void setMarkChanges(bool on);
  bool ownRowsOnly() const;
  void setOwnRowsOnly(bool on);
  QUrl layoutUrl() const { return m_layoutUrl; }
  void setLayoutUrl(const QUrl& url);
  QString layoutName() const;
  QList<QUrl> previews() const { return m_previews; }
  int pageCount() const { return m_pageCount; }
  int lineCount() const { return m_lineCount; }
  bool busy() const { return m_busy; }
  int progress() const { return m_progress; }
  QString message() const { return m_message; }
  bool messageIsError() const { return m_messageIsError; }

  ~ReportModel() override;

  // Rebuilds the preview from the replica as it is now.
  Q_INVOKABLE void refresh();
  // Writes the report (or data) to `file`, off the UI thread.
  Q_INVOKABLE void exportTo(const QUrl& file);

 Q_SIGNALS:
  void activeChanged();
  void optionsChanged();
  void layoutChanged();  // a file chosen, or the plan's layout came with a sync
  void previewChanged();
  void busyChanged();
  void progressChanged();
  void messageChanged();
  void exported(const QString& path);

 private:
  // The report as the options say, read from the replica on this thread.
  matome::result<matome::report_document> build() const;
  matome::export_options exportOptions() const;
  void setMessage(const QString& message, bool error);
  // The preview now if the page is shown, else when it is next shown.
  void previewLater();

  bool m_active = false;
  bool m_stale = true;
  int m_year = 0;
  QString m_format = QStringLiteral("pdf");
  bool m_acceptedOnly = false;
  bool m_markChanges = false;
  bool m_ownRowsOnly = false;
  QUrl m_layoutUrl;
  QList<QUrl> m_previews;
  int m_pageCount = 0;
  int m_lineCount = 0;
  int m_previewGeneration = 0;  // a preview drawn for older options is dropped
  bool m_busy = false;
  int m_progress = 0;
  QString m_message;
  bool m_messageIsError = false;
};

}  // namespace Matome
